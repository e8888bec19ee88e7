import CarryoverCore

/// Reads hook results into Swift types. The prelude has already checked
/// their shape; a mismatch here is reported as a conversion error.
struct HookResults {
    let plugin: String

    func problems(_ value: Value) throws -> [ValidationProblem] {
        try records(value, "validate").map { item in
            ValidationProblem(
                field: item["field"]?.string ?? "", message: try text(item, "message", "validate"))
        }
    }

    /// The scores, each a declared name: the prelude checks that already;
    /// the host checks again what it actually read.
    func scores(_ value: Value, declared: [String]) throws -> [String: Double] {
        // An empty Lua table arrives as an empty array.
        if value.array?.isEmpty == true { return [:] }
        guard let members = value.object else {
            throw mismatch("score", "expected a table of numbers")
        }
        if let undeclared = members.keys.first(where: { !declared.contains($0) }) {
            throw mismatch("score", "'\(undeclared.prefix(40))' is not a declared score")
        }
        return try members.mapValues { number in
            guard let number = number.number else { throw mismatch("score", "expected numbers") }
            return number
        }
    }

    func flags(_ value: Value) throws -> [PluginFlag] {
        try records(value, "flags").map { item in
            guard let level = PluginFlag.Level(rawValue: try text(item, "level", "flags")) else {
                throw mismatch("flags", "level must be \"risk\" or \"attention\"")
            }
            return PluginFlag(
                level: level, code: try text(item, "code", "flags"),
                message: try text(item, "message", "flags"))
        }
    }

    private func records(_ value: Value, _ hook: String) throws -> [Value] {
        if value == .null { return [] }
        guard let items = value.array else { throw mismatch(hook, "expected a list") }
        return items
    }

    private func text(_ item: Value, _ key: String, _ hook: String) throws -> String {
        guard let text = item[key]?.string else {
            throw mismatch(hook, "each item needs a string '\(key)'")
        }
        return text
    }

    private func mismatch(_ hook: String, _ message: String) -> SandboxError {
        SandboxError(.conversion, plugin: plugin, message: "\(hook) hook: \(message)")
    }
}
