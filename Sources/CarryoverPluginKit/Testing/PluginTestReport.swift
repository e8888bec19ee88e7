import CarryoverCore
import CarryoverLua
import Foundation

/// The results of one plugin's Lua tests, rendered for people, TAP or JUnit.
public struct PluginTestReport: Sendable {
    /// How `plugin test` prints its results.
    public enum Format: String, Sendable, CaseIterable {
        /// A line per case, details under each failure.
        case human
        /// Test Anything Protocol version 14 (https://testanything.org/tap-version-14-specification.html).
        case tap
        /// JUnit XML, the shape CI systems (GitLab, Jenkins, GitHub actions) read.
        case junit
    }

    /// The plugin's id (or folder name).
    public var plugin: String
    public var results: [LuaTestResult]
    /// Wall time of the whole run.
    public var duration: Duration

    public init(plugin: String, results: [LuaTestResult], duration: Duration) {
        self.plugin = plugin
        self.results = results
        self.duration = duration
    }

    /// Runs the folder's tests with the fixed test clock and seed.
    /// - Throws: `SandboxError` when the main file is missing or does not load.
    public static func run(_ folder: PluginFolder, limits: SandboxLimits = .default) throws -> Self
    {
        let main = try folder.requireMain()
        let start = ContinuousClock.now
        let results = try LuaTestRunner.run(plugin: main, specs: folder.specs, limits: limits)
        return PluginTestReport(
            plugin: folder.name, results: results, duration: ContinuousClock.now - start)
    }

    public var failures: [LuaTestResult] { results.filter { !$0.passed } }
    /// All cases passed (and there is at least one).
    public var passed: Bool { !results.isEmpty && failures.isEmpty }

    /// The report as text in `format`.
    public func render(_ format: Format) -> String {
        switch format {
        case .human: human()
        case .tap: tap()
        case .junit: junit()
        }
    }

    private var seconds: String { String(format: "%.3f", duration.seconds) }

    private func human() -> String {
        var lines = ["\(plugin): \(results.count) test(s)"]
        for result in results {
            lines.append("  \(result.passed ? "ok  " : "FAIL") \(result.name)")
            guard !result.passed else { continue }
            lines.append("       at \(result.place)")
            if let message = result.message { lines.append("       \(message)") }
            if let expected = result.expected { lines.append("       expected: \(expected)") }
            if let actual = result.actual { lines.append("       actual:   \(actual)") }
        }
        if results.isEmpty { lines.append("  no test cases: add it(...) cases to the spec files") }
        lines.append(
            "\(results.count - failures.count) passed, \(failures.count) failed in \(seconds) s")
        return lines.joined(separator: "\n") + "\n"
    }

    private func tap() -> String {
        var lines = ["TAP version 14", "1..\(results.count)"]
        for (index, result) in results.enumerated() {
            lines.append(
                "\(result.passed ? "ok" : "not ok") \(index + 1) - \(Self.tapName(result.name))")
            guard !result.passed else { continue }
            // The YAML diagnostic block; JSON strings are valid YAML scalars.
            lines.append("  ---")
            lines.append("  at: \(Value.string(result.place).canonicalJSON())")
            for (key, value) in [
                ("message", result.message), ("expected", result.expected),
                ("actual", result.actual),
            ] {
                if let value { lines.append("  \(key): \(Value.string(value).canonicalJSON())") }
            }
            lines.append("  ...")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// TAP descriptions may not contain `#` unescaped (it starts a directive) or newlines.
    private static func tapName(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
            .map { $0.isNewline ? " " : String($0) }.joined()
    }

    private func junit() -> String {
        let suite = XML.escape(plugin)
        let counts = "tests=\"\(results.count)\" failures=\"\(failures.count)\" errors=\"0\""
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="carryover plugin test" \#(counts) time="\#(seconds)">"#,
            #"  <testsuite name="\#(suite)" \#(counts) skipped="0" time="\#(seconds)">"#,
        ]
        for result in results {
            var attributes = #"name="\#(XML.escape(result.name))" classname="\#(suite)""#
            if let file = result.file { attributes += #" file="\#(XML.escape(file))""# }
            if let line = result.line { attributes += #" line="\#(line)""# }
            if result.passed {
                lines.append("    <testcase \(attributes)/>")
                continue
            }
            let detail = [
                result.place, result.expected.map { "expected: \($0)" },
                result.actual.map { "actual: \($0)" },
            ].compactMap { $0 }.joined(separator: "\n")
            lines.append("    <testcase \(attributes)>")
            lines.append(
                #"      <failure message="\#(XML.escape(result.message ?? "failed"))" type="assertion">\#(XML.escape(detail))</failure>"#
            )
            lines.append("    </testcase>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension LuaTestResult {
    /// `file:line`, or what is known of it.
    var place: String { "\(file ?? "?"):\(line.map(String.init) ?? "?")" }
}

extension Duration {
    /// The duration in seconds, as a double.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Escaping for XML 1.0 text and attribute values.
enum XML {
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            // XML 1.0 forbids the other C0 controls and U+FFFE/U+FFFF even as references.
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
