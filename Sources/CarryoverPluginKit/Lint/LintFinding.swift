import CarryoverCore
import CarryoverLua

/// One thing `plugin lint` found, at a file and line, with how to fix it.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    /// Errors stop a plugin from working (lint exits non-zero); warnings are advice.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    /// A path relative to the plugin folder.
    public var file: String
    public var line: Int
    public var message: String
    /// What to change.
    public var hint: String

    public init(_ severity: Severity, file: String, line: Int, _ message: String, hint: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `file:line: severity: message (hint: ...)`, the shape editors and CI annotate.
    public var description: String { "\(file):\(line): \(severity): \(message) (hint: \(hint))" }
}

/// What the Lua sandbox provides to plugin code and to plugin tests.
enum SandboxGlobals {
    /// The globals of a fresh plugin sandbox (and, for tests, with the test library).
    static func names(forTests: Bool) throws -> Set<String> {
        try HomeworkEnvironment.globalNames(forTests: forTests)
    }

    /// Advice for names plugin authors reach for that the sandbox leaves out.
    static func hint(for name: String) -> String? {
        switch name {
        case "os", "io":
            return "the sandbox has no \(name) library; use clock.now() or clock.today() for time"
        case "require", "package", "dofile", "loadfile":
            return "plugins are one file: put helpers in local functions in the same file"
        case "debug": return "the debug library is not available in the sandbox"
        case "unpack": return "use table.unpack (Lua 5.4)"
        case "loadstring": return "use load (text chunks only)"
        case "setfenv", "getfenv": return "Lua 5.4 has no setfenv/getfenv; pass values as arguments"
        default: return nil
        }
    }
}
