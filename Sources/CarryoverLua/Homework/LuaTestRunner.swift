import CarryoverCore
import Foundation

/// The outcome of one `it(...)` case of a plugin's Lua tests.
public struct LuaTestResult: Sendable, Hashable {
    /// The names of the enclosing `describe` blocks and of the case, joined by spaces.
    public var name: String
    public var passed: Bool
    /// Where the case failed (the failing assertion) or, when it passed, where it is.
    public var file: String?
    public var line: Int?
    /// The expected and actual values of a failed assertion, rendered as Lua.
    public var expected: String?
    public var actual: String?
    /// Why the case failed.
    public var message: String?

    public init(
        name: String, passed: Bool, file: String? = nil, line: Int? = nil,
        expected: String? = nil, actual: String? = nil, message: String? = nil
    ) {
        self.name = name
        self.passed = passed
        self.file = file
        self.line = line
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}

/// A Lua file: its path (as shown in messages) and its text.
package struct LuaSource: Sendable, Hashable {
    package var path: String
    package var text: String

    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Runs a plugin's Lua tests (busted style) in a sandbox with a fixed clock
/// and seed, so every run gives the same results.
package enum LuaTestRunner {
    /// The instant `clock.now()` answers in tests: 2025-01-06 09:00 UTC, a Monday.
    package static let testInstant = Date(timeIntervalSince1970: 1_736_154_000)
    /// The seed of `math.random` in tests.
    package static let testSeed: UInt64 = 20_250_106

    /// Runs every case of `specs` against the homework type in `plugin`.
    ///
    /// A spec file that does not load becomes one failed result named after
    /// the file. Each case runs in its own call, with its own budget.
    /// - Throws: ``SandboxError`` when the plugin itself does not load.
    package static func run(
        plugin: LuaSource, specs: [LuaSource], limits: SandboxLimits = .default
    ) throws -> [LuaTestResult] {
        let sandbox = try Sandbox(
            plugin: plugin.path, limits: limits, clock: FixedClock(testInstant), seed: testSeed)
        _ = try HomeworkType.declare(in: sandbox, source: plugin.text, file: plugin.path)
        try sandbox.load(LuaTestLibrary.source, chunkName: LuaTestLibrary.chunkName)
        var results: [LuaTestResult] = []
        for spec in specs {
            do {
                try sandbox.load(spec.text, chunkName: spec.path)
            } catch let error as SandboxError {
                results.append(
                    LuaTestResult(
                        name: spec.path, passed: false, file: error.file, line: error.line,
                        message: error.message))
            }
        }
        // Sealed as the engine seals a loaded plugin, so a hook that writes
        // globals fails in its tests as it would in use.
        try sandbox.seal()
        let names = try sandbox.call("carryover_test_names", []).array ?? []
        for (index, name) in names.enumerated() {
            results.append(
                runCase(index + 1, named: name.string ?? "case \(index + 1)", in: sandbox))
        }
        return results
    }

    private static func runCase(_ index: Int, named name: String, in sandbox: Sandbox)
        -> LuaTestResult
    {
        do {
            let result = try sandbox.call("carryover_run_test", [.int(Int64(index))])
            return LuaTestResult(
                name: result["name"]?.string ?? "case \(index)",
                passed: result["passed"]?.bool ?? false,
                file: result["file"]?.string, line: result["line"]?.number.map { Int($0) },
                expected: result["expected"]?.string, actual: result["actual"]?.string,
                message: result["message"]?.string)
        } catch {
            // A limit hit inside a case fails that case; the others still run.
            let place = error as? SandboxError
            return LuaTestResult(
                name: name, passed: false, file: place?.file, line: place?.line,
                message: "\(error)")
        }
    }
}
