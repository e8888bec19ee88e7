import Foundation
import TOMLKit

/// A `homework.toml` read as far as it goes: the values it holds, the line
/// of each key, and every problem found, in line order.
///
/// ``HomeworkManifest/init(parsing:file:)-(String,_)`` stops at the first problem;
/// `carryover plugin lint` lists them all and compares the values it could
/// read with the Lua declaration.
public struct ManifestReading: Sendable {
    /// The file name used in problems.
    public let file: String
    /// The text value of each key that holds one (`id`, `version`, `title`, `main`).
    public private(set) var texts: [String: String] = [:]
    /// The test files listed (empty when absent or not a list of strings).
    public private(set) var tests: [String] = []
    /// Every problem, by line.
    public private(set) var problems: [ManifestError] = []
    private var lines: [String: Int] = [:]

    /// Reads `text`; `file` names it in problems.
    public init(_ text: String, file: String = HomeworkManifest.fileName) {
        self.file = file
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            problems = [
                ManifestError(
                    .syntax, file: file, line: max(1, error.source.begin.line),
                    "is not valid TOML: \(error.description)",
                    fix: "write one key = value per line, each key once")
            ]
            return
        } catch {
            problems = [
                ManifestError(
                    .syntax, file: file, "is not valid TOML", fix: "check the syntax")
            ]
            return
        }
        lines = Self.keyLines(text)
        read(table)
        problems.sort { ($0.line, $0.problem) < ($1.line, $1.problem) }
    }

    /// The line of `key`, or 1 when the key is absent (the problem is about the file).
    public func line(of key: String) -> Int { lines[key] ?? 1 }

    /// The manifest, when there is no problem.
    public var manifest: HomeworkManifest? {
        guard problems.isEmpty, let id = texts["id"], let title = texts["title"],
            let main = texts["main"], let version = texts["version"].flatMap(SemanticVersion.init)
        else { return nil }
        return HomeworkManifest(id: id, version: version, title: title, main: main, tests: tests)
    }

    /// A `missing-file` problem for each named file that `exists` says is not there.
    public func missingFiles(_ exists: (String) -> Bool) -> [ManifestError] {
        var missing: [ManifestError] = []
        if let main = texts["main"], PortablePath.problem(main) == nil, !exists(main) {
            missing.append(
                problem(
                    .missingFile, "main", "main file '\(main)' is missing",
                    fix: "create it, or fix the path"))
        }
        for test in tests where PortablePath.problem(test) == nil && !exists(test) {
            missing.append(
                problem(
                    .missingFile, "tests", "test file '\(test)' is missing",
                    fix: "create it, or remove it from tests"))
        }
        return missing
    }

    private func problem(
        _ code: ManifestError.Code, _ key: String, _ text: String, fix: String
    ) -> ManifestError {
        ManifestError(code, file: file, line: line(of: key), text, fix: fix)
    }

    private mutating func read(_ table: TOMLTable) {
        for key in table.keys where !HomeworkManifest.keys.contains(key) {
            problems.append(
                problem(
                    .unknownKey, key, "unknown key '\(key)'",
                    fix: "the keys are \(HomeworkManifest.keys.joined(separator: ", "))"))
        }
        for key in ["id", "version", "title", "main"] {
            guard let value = table[key] else {
                problems.append(
                    problem(.missingKey, key, "'\(key)' is missing", fix: "add \(key) = \"...\""))
                continue
            }
            guard let text = value.string, !text.isEmpty else {
                problems.append(
                    problem(
                        .wrongType, key, "'\(key)' must be a non-empty quoted string",
                        fix: "write \(key) = \"...\""))
                continue
            }
            texts[key] = text
        }
        if let value = table["tests"] {
            let items = value.array.map { Array($0) } ?? []
            let strings = items.compactMap(\.string)
            if value.array == nil || strings.count != items.count {
                problems.append(
                    problem(
                        .wrongType, "tests", "'tests' must be a list of quoted strings",
                        fix: "write tests = [\"tests/<name>_spec.lua\"]"))
            }
            tests = strings
        }
        checkValues()
    }

    private mutating func checkValues() {
        if let id = texts["id"], !ReverseDNS.isValid(id) {
            problems.append(
                problem(
                    .invalidID, "id", "id '\(id.prefix(80))' is not reverse-DNS",
                    fix: "use lower case and dots, e.g. org.clinic.worry-time"))
        }
        if let version = texts["version"], SemanticVersion(version) == nil {
            problems.append(
                problem(
                    .invalidVersion, "version", "version '\(version.prefix(64))' is not semantic",
                    fix: "use MAJOR.MINOR.PATCH, e.g. 1.0.0"))
        }
        for (key, path) in [("main", texts["main"])] + tests.map({ ("tests", $0) }) {
            if let path, let why = PortablePath.problem(path) {
                problems.append(
                    problem(
                        .unsafePath, key, why,
                        fix:
                            "name a file inside the folder with letters, digits, '.', '_', '+', '-'"
                    ))
            }
        }
    }

    /// The line of each top-level key (TOMLKit keeps no positions). The file
    /// has already parsed, so each key is written once: as `key =` or
    /// `"key" =` at the start of a line, or as a `[key]` table header.
    static func keyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        var inTable = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                inTable = true
                let name = line.drop { $0 == "[" }.prefix { $0 != "]" && $0 != "." }
                let key = name.trimmingCharacters(in: .whitespaces)
                if lines[key] == nil { lines[key] = offset + 1 }
                continue
            }
            guard !inTable, let equals = line.firstIndex(of: "=") else { continue }
            var key = line[..<equals].trimmingCharacters(in: .whitespaces)
            if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") {
                key = String(key.dropFirst().dropLast())
            }
            if lines[key] == nil { lines[key] = offset + 1 }
        }
        return lines
    }
}
