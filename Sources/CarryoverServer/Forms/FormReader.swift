import CarryoverCore
import Foundation

/// Turns a submitted form back into an entry, field by field, the reverse of
/// ``FormRenderer``.
///
/// It never refuses anything itself: text that is not a number stays text,
/// so the practice's validation (the same as `log`'s) names the problem.
/// Empty list rows are dropped and the rest renumbered; `normalized` holds
/// the form as renumbered, so a form shown again lines up with the problems.
struct FormReader {
    let input: FormInput
    private(set) var normalized = FormInput()

    init(input: FormInput) {
        self.input = input
    }

    /// The entry the form describes.
    mutating func entry(_ fields: [FieldSpec]) -> Value {
        record(fields, from: "", to: "") ?? .object([:])
    }

    private mutating func record(_ fields: [FieldSpec], from: String, to: String) -> Value? {
        var members: [String: Value] = [:]
        for field in fields {
            if let value = read(
                field.kind, from: FieldPath.join(from, field.name),
                to: FieldPath.join(to, field.name))
            {
                members[field.name] = value
            }
        }
        return members.isEmpty ? nil : .object(members)
    }

    private mutating func read(_ kind: FieldKind, from: String, to: String) -> Value? {
        switch kind {
        case .record(let fields):
            return record(fields, from: from, to: to)
        case .emotion:
            return record(EmotionScale.fields, from: from, to: to)
        case .list(let item, _):
            var items: [Value] = []
            for row in 1...max(input.rowCount(of: from), 1) {
                if let value = read(item, from: "\(from)[\(row)]", to: "\(to)[\(items.count + 1)]")
                {
                    items.append(value)
                }
            }
            return .array(items)
        case .multiChoice(let choices, _):
            let picked = input.all(from)
            normalized.set(to, picked)
            let values = picked.map { Self.choice($0, in: choices) }
            return values.isEmpty ? nil : .array(values)
        default:
            guard let raw = input.first(from) else { return nil }
            normalized.set(to, [raw])
            return Self.scalar(raw, kind)
        }
    }

    /// One control's text as a value of its kind; empty is "not given".
    static func scalar(_ raw: String, _ kind: FieldKind) -> Value? {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
        switch kind {
        case .number, .duration, .rating:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let number = Double(trimmed) ?? Double(trimmed.replacingOccurrences(of: ",", with: "."))
            guard let number, number.isFinite else { return .string(text) }
            // Whole numbers as integers, as a JSON entry given to `log` has them.
            return number == number.rounded() && abs(number) < 9e15
                ? .int(Int64(number)) : .double(number)
        case .choice(let choices):
            return choice(text, in: choices)
        case .boolean:
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default:
            return .string(text)
        }
    }

    /// A choice by its position in the declaration (what the form sends).
    private static func choice(_ raw: String, in choices: [Choice]) -> Value {
        guard let index = Int(raw), choices.indices.contains(index) else { return .string(raw) }
        return choices[index].value
    }
}
