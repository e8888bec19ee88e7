/// How one value of a field kind is entered and checked: the control a form
/// shows and the bounds it keeps.
///
/// This is the one description of the field kinds. The validator, the JSON
/// Schema export, the fuzzer's generator, the CLI's prompts and the portal's
/// forms all switch over ``FieldKind/input`` rather than over the kinds, so a
/// new kind is described once, in ``FieldKind/input``; a kind that needs a new
/// control adds a case here, and the compiler then points at every consumer.
public enum FieldInput: Sendable, Hashable {
    /// Free text; required text has at least one character. `maxLength`
    /// counts Unicode scalars (as JSON Schema's `maxLength` does).
    case text(maxLength: Int?)
    /// Text in a fixed notation: a date or a time of day.
    case notation(TextNotation)
    /// A number within bounds; `unit` names what it counts (nil for a plain
    /// number), `anchors` label points of a scale.
    case number(NumberBounds, unit: String?, anchors: [Choice])
    /// One of the listed values; with `multiple`, a set of distinct ones
    /// whose size `count` bounds.
    case choice([Choice], multiple: Bool, count: CountBounds)
    /// Yes or no.
    case toggle
    /// Named parts filled in together (a record, an emotion).
    case group([FieldSpec])
    /// Items of one kind, in order.
    case list(item: FieldKind, count: CountBounds)
}

/// A notation that a text value must follow exactly.
public enum TextNotation: String, Sendable, Hashable, CaseIterable {
    /// A calendar date, `YYYY-MM-DD`, naming a real day.
    case date
    /// A time of day, `HH:MM`, 24-hour.
    case time

    /// How the notation is written, for hints and placeholders.
    public var placeholder: String {
        switch self {
        case .date: "YYYY-MM-DD"
        case .time: "HH:MM"
        }
    }

    /// What a value must look like, in words, for problems and prompts.
    public var expectation: String {
        switch self {
        case .date: "a date written YYYY-MM-DD"
        case .time: "a time written HH:MM (24-hour)"
        }
    }

    /// The JSON Schema `format` that matches exactly, if any (`time` there
    /// needs seconds and a UTC offset, so a time of day has only its pattern).
    public var schemaFormat: String? {
        switch self {
        case .date: "date"
        case .time: nil
        }
    }

    /// The regular expression exported to JSON Schema (and an HTML `pattern`).
    public var pattern: String {
        switch self {
        case .date: StrictDate.datePattern
        case .time: StrictDate.timePattern
        }
    }

    /// Whether `text` is written in this notation and names a real day or time.
    public func accepts(_ text: String) -> Bool {
        switch self {
        case .date: StrictDate.isDate(text)
        case .time: StrictDate.isTime(text)
        }
    }
}

extension FieldKind {
    /// How a value of this kind is entered and checked.
    public var input: FieldInput {
        switch self {
        case .text(let maxLength): .text(maxLength: maxLength)
        case .number(let bounds): .number(bounds, unit: nil, anchors: [])
        case .duration(let bounds): .number(bounds, unit: "minutes", anchors: [])
        case .rating(let low, let high, let anchors):
            .number(
                NumberBounds(min: Double(low), max: Double(high), integer: true), unit: nil,
                anchors: anchors)
        case .choice(let choices): .choice(choices, multiple: false, count: CountBounds())
        case .multiChoice(let choices, let count): .choice(choices, multiple: true, count: count)
        case .list(let item, let count): .list(item: item, count: count)
        case .record(let fields): .group(fields)
        case .boolean: .toggle
        case .date: .notation(.date)
        case .time: .notation(.time)
        case .emotion: .group(EmotionScale.fields)
        }
    }
}

extension FieldInput {
    /// The HTML `<input type=...>` that takes the whole value, or nil when it
    /// takes several controls (radio buttons or checkboxes for a choice,
    /// one control per part or item for a group or a list).
    public var htmlInputType: String? {
        switch self {
        case .text: "text"
        case .notation(let notation): notation.rawValue
        case .number: "number"
        case .toggle: "checkbox"
        case .choice, .group, .list: nil
        }
    }

    /// Whether one value takes more than one answer (a group, or a list of groups).
    public var asksSeveralThings: Bool {
        if case .group = self { return true }
        return false
    }
}
