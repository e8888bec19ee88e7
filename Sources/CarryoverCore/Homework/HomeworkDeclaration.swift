/// What a homework type declares: identity, fields, params, scores, hooks and
/// metadata, as plain data.
///
/// Lua plugins build it with the DSL's `homework { ... }`; the prelude checks
/// it (naming file and line on mistakes) and hands it over as a ``Value`` that
/// ``init(value:)`` reads.
public struct HomeworkDeclaration: Sendable, Hashable {
    /// Reverse-DNS identifier, e.g. `org.carryover.gratitude`.
    public var id: String
    /// Semantic version, e.g. `1.2.0`.
    public var version: String
    public var title: String
    /// What the client is asked to do, in the client's words.
    public var instructions: String
    /// The entry's fields, in the order a form shows them.
    public var fields: [FieldSpec]
    /// What the therapist sets per assignment.
    public var params: [FieldSpec]
    /// The names the `score` hook may return.
    public var scores: [String]
    /// The titles the type gives its scores, by name (see ``scoreTitle(_:)``).
    public var scoreTitles: [String: String] = [:]
    /// The optional hooks the plugin defines.
    public var hooks: Set<HomeworkHook>
    /// Plain data such as sources and bands; `loinc` and `units` code the
    /// scores for exports (``scoreCodes``).
    public var metadata: Value
    /// The form a supporter fills in about the client, when the type declares one.
    public var informant: InformantForm? = nil

    public init(
        id: String, version: String, title: String, instructions: String,
        fields: [FieldSpec], params: [FieldSpec] = [], scores: [String] = [],
        hooks: Set<HomeworkHook> = [], metadata: Value = .object([:])
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.instructions = instructions
        self.fields = fields
        self.params = params
        self.scores = scores
        self.hooks = hooks
        self.metadata = metadata
    }

    /// The params with every left-out param set to its default.
    ///
    /// Values that are given are kept as they are, even when wrong, so that
    /// ``FieldValidator`` reports them.
    public func applyingParamDefaults(to given: Value) -> Value {
        Self.filling(
            given,
            defaults: params.compactMap { param in param.defaultValue.map { (param.name, $0) } })
    }

    /// `given` (an object, or null for none) with each absent or null member
    /// of `defaults` set to its default.
    static func filling(_ given: Value, defaults: [(String, Value)]) -> Value {
        guard case .object(var members) = given == .null ? .object([:]) : given else {
            return given
        }
        for (name, fallback) in defaults where members[name] == nil || members[name] == .null {
            members[name] = fallback
        }
        return .object(members)
    }
}

/// The optional functions a homework type may define.
public enum HomeworkHook: String, Sendable, Hashable, CaseIterable, Codable {
    /// Cross-field rules: returns every problem, each with its field.
    case validate
    /// Named numbers for charts and completion rules.
    case score
    /// A short message for the client after logging.
    case feedback
    /// Progress state carried from entry to entry (ladder step, speech level).
    case advance
    /// A summary over a history of entries.
    case summarize
    /// Risk and attention flags for the therapist.
    case flags
    /// Turns an entry of an older version into one of this version.
    case migrate
}
