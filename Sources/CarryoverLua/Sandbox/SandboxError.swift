import CarryoverErrors

/// The one error type of the Lua runtime: what went wrong, in which plugin,
/// file and line.
public struct SandboxError: CarryoverError, Sendable, Equatable {
    /// What kind of failure this is; stable strings for the CLI and logs.
    public enum Code: String, Sendable, CarryoverErrorCode {
        case syntax
        case runtime
        case instructionLimit = "instruction-limit"
        case memoryLimit = "memory-limit"
        case timeLimit = "time-limit"
        case outputLimit = "output-limit"
        case forbidden
        case conversion
        /// A plugin folder or its `homework.toml` is missing or malformed.
        case invalidPlugin = "invalid-plugin"

        public var category: ErrorCategory {
            self == .invalidPlugin ? .invalidInput : .pluginFailed
        }
    }

    public let code: Code
    public let plugin: String
    /// The chunk name the failing code was loaded under, when known.
    public let file: String?
    /// The line in ``file``, when known.
    public let line: Int?
    public let message: String
    /// The host's error this one was made from, if any.
    public let cause: (any Error)?

    public init(
        _ code: Code, plugin: String, file: String? = nil, line: Int? = nil, message: String,
        cause: (any Error)? = nil
    ) {
        self.code = code
        self.plugin = plugin
        self.file = file
        self.line = line
        self.message = message
        self.cause = cause
    }

    /// Equal when everything but the cause is.
    public static func == (lhs: SandboxError, rhs: SandboxError) -> Bool {
        (lhs.code, lhs.plugin, lhs.file, lhs.line, lhs.message)
            == (rhs.code, rhs.plugin, rhs.file, rhs.line, rhs.message)
    }

    /// One line: `<plugin> <file>:<line>: <message>`; the plugin is left out
    /// when it is named by its file (`plugin.lua:64: ...`, not
    /// `plugin.lua plugin.lua:64: ...`).
    public var description: String {
        let place: String
        switch (file, line) {
        case (let file?, let line?): place = "\(file):\(line)"
        case (let file?, nil): place = file
        default: place = ""
        }
        let name: String
        if place.isEmpty {
            name = plugin
        } else if file == plugin {
            name = place
        } else {
            name = "\(plugin) \(place)"
        }
        let text = "\(name): \(message)"
        return String(text.map { $0.isNewline ? " " : $0 })
    }
}
