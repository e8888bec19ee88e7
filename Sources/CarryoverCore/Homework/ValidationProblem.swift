/// One thing wrong with an entry or with params, tied to the field it is about.
///
/// `field` is a path such as `good_things[2].why`: names joined by dots, list
/// positions counted from 1 as Lua and people count. An empty path means the
/// entry as a whole.
public struct ValidationProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

/// Something the therapist should look at, raised by a homework type's `flags` hook.
public struct PluginFlag: Sendable, Hashable, Codable {
    /// How urgent the flag is.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        /// A possible risk to the client's safety: review before the next session.
        case risk
        /// Worth a look: unusual answers, a drop in progress.
        case attention
    }

    public var level: Level
    /// A stable machine-readable code, e.g. `phq9-item9`.
    public var code: String
    /// What was seen, in words for the therapist.
    public var message: String

    public init(level: Level, code: String, message: String) {
        self.level = level
        self.code = code
        self.message = message
    }
}
