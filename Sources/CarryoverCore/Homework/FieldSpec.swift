/// One typed field of a homework entry or of an assignment's params.
///
/// A homework type declares its fields in Lua; the prelude turns them into
/// plain data and ``HomeworkDeclaration/init(value:)`` reads them into this
/// model. Every consumer follows each kind's one description, ``FieldKind/input``:
/// validation (``FieldValidator``), JSON Schema export (``JSONSchemaExporter``),
/// the fuzzer's generator, the CLI's prompts and the portal's forms.
public struct FieldSpec: Sendable, Hashable {
    /// The key in the entry object; empty for the item of a list.
    public var name: String
    public var kind: FieldKind
    /// Short human label for forms and prompts.
    public var label: String
    /// A longer hint shown under the prompt, if any.
    public var help: String?
    /// Whether the field may be left out (or `null`).
    public var optional: Bool
    /// The value used when a param is left out (params only).
    public var defaultValue: Value?

    public init(
        name: String, kind: FieldKind, label: String? = nil, help: String? = nil,
        optional: Bool = false, defaultValue: Value? = nil
    ) {
        self.name = name
        self.kind = kind
        self.label = label ?? name
        self.help = help
        self.optional = optional
        self.defaultValue = defaultValue
    }
}

/// What a field holds, with the bounds that belong to that kind, as the DSL
/// declares it (`field.<kind>`). How a value is entered and checked is
/// described once, in ``input``.
public indirect enum FieldKind: Sendable, Hashable {
    /// Free text, never empty when required; `maxLength` counts Unicode scalars
    /// (as JSON Schema's `maxLength` does).
    case text(maxLength: Int?)
    /// A number within bounds.
    case number(NumberBounds)
    /// A whole number on a scale such as 0-10 or SUDS 0-100, with optional
    /// labelled anchor points.
    case rating(min: Int, max: Int, anchors: [Choice])
    /// Exactly one of the listed values.
    case choice([Choice])
    /// A set of distinct listed values.
    case multiChoice([Choice], count: CountBounds)
    /// An ordered list of items of one kind.
    case list(item: FieldKind, count: CountBounds)
    /// A group of named fields (usually the item of a list).
    case record([FieldSpec])
    case boolean
    /// A duration in minutes.
    case duration(NumberBounds)
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A time of day, `HH:MM` (24-hour).
    case time
    /// An emotion: `{ name, intensity }` with intensity a whole number 0-100.
    case emotion

    /// The kind's name as written in the DSL (`field.<name>`).
    public var dslName: String {
        switch self {
        case .text: "text"
        case .number: "number"
        case .rating: "rating"
        case .choice: "choice"
        case .multiChoice: "multi_choice"
        case .list: "list"
        case .record: "record"
        case .boolean: "boolean"
        case .duration: "duration"
        case .date: "date"
        case .time: "time"
        case .emotion: "emotion"
        }
    }
}

/// A value a choice field can take, with the label shown for it.
public struct Choice: Sendable, Hashable {
    public var value: Value
    public var label: String

    public init(value: Value, label: String) {
        self.value = value
        self.label = label
    }
}

/// Bounds of a number: inclusive limits, a step counted from `min` (or 0),
/// and whether only whole numbers are allowed.
public struct NumberBounds: Sendable, Hashable {
    public var min: Double?
    public var max: Double?
    public var step: Double?
    public var integer: Bool

    public init(min: Double? = nil, max: Double? = nil, step: Double? = nil, integer: Bool = false)
    {
        self.min = min
        self.max = max
        self.step = step
        self.integer = integer
    }
}

/// Inclusive limits on how many items a list or multi-choice holds.
public struct CountBounds: Sendable, Hashable {
    public var min: Int?
    public var max: Int?

    public init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }
}

/// The intensity scale of an emotion: 0 (none) to 100 (the most ever felt).
public enum EmotionScale {
    public static let intensity = 0...100
    /// Longest emotion name accepted.
    public static let maxNameLength = 60
}
