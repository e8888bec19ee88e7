import CarryoverCore
import Foundation

/// Asks for an entry field by field, built from the homework type's field
/// declarations, when standard input is a terminal. Each answer is checked
/// against its field (kind, bounds, length, list size) at once and asked
/// again when it does not fit, so no answer is lost at the end; the plugin's
/// own cross-field checks run when the entry is logged.
struct EntryPrompter {
    let terminal = Terminal.standardOutput

    func ask(_ fields: [FieldSpec]) -> Value {
        var object: [String: Value] = [:]
        for field in fields {
            if let value = ask(field, indent: "") { object[field.name] = value }
        }
        return .object(object)
    }

    private func ask(_ field: FieldSpec, indent: String) -> Value? {
        if let help = field.help { print(terminal.paint("\(indent)  \(help)", .dim)) }
        let label = "\(indent)\(field.label)\(field.optional ? " (optional, Enter to skip)" : "")"
        return ask(field.kind, label: label, optional: field.optional, indent: indent)
    }

    private func ask(_ kind: FieldKind, label: String, optional: Bool, indent: String) -> Value? {
        switch kind {
        case .record(let fields):
            print(terminal.paint(label, .bold))
            var object: [String: Value] = [:]
            for field in fields {
                if let value = ask(field, indent: indent + "  ") { object[field.name] = value }
            }
            return .object(object)
        case .emotion:
            let parts = [
                FieldSpec(
                    name: "name", kind: .text(maxLength: EmotionScale.maxNameLength),
                    label: "emotion"),
                FieldSpec(
                    name: "intensity",
                    kind: .rating(
                        min: EmotionScale.intensity.lowerBound,
                        max: EmotionScale.intensity.upperBound,
                        anchors: []), label: "intensity"),
            ]
            return ask(.record(parts), label: label, optional: optional, indent: indent)
        case .list(let item, let count):
            print(terminal.paint("\(label): one per item, an empty answer ends the list", .bold))
            var items: [Value] = []
            while count.max.map({ items.count < $0 }) ?? true {
                let itemLabel = "\(indent)  #\(items.count + 1)"
                // A record or an emotion asks several things per item, so an empty
                // answer cannot end the list: ask first whether there is one more.
                if item.asksSeveralThings {
                    guard let more = line("\(itemLabel) add one? [y/N]"),
                        more.lowercased().hasPrefix("y")
                    else { break }
                }
                guard let value = ask(item, label: itemLabel, optional: true, indent: indent + "  ")
                else {
                    let least = count.min ?? 0
                    // An empty list is fine for an optional field: it is then left out.
                    if items.count >= least || (optional && items.isEmpty) { break }
                    print(
                        terminal.paint(
                            "\(indent)  This list needs at least \(least) item(s); "
                                + "\(least - items.count) more, please.", .yellow))
                    continue
                }
                items.append(value)
            }
            // An optional list left empty is left out when an empty one would not do.
            return optional && items.isEmpty && (count.min ?? 0) > 0 ? nil : .array(items)
        case .choice(let choices), .multiChoice(let choices, _):
            for (number, choice) in choices.enumerated() {
                print("\(indent)  \(number + 1). \(choice.label)")
            }
            let multiple: Bool = if case .multiChoice = kind { true } else { false }
            let hint = multiple ? "numbers separated by spaces" : "a number"
            while true {
                guard let answer = line("\(label) [\(hint)]") else {
                    return multiple ? .array([]) : nil
                }
                let picks = answer.split(separator: " ").compactMap { Int($0) }
                    .filter { (1...choices.count).contains($0) }.map { choices[$0 - 1].value }
                if multiple, !picks.isEmpty { return .array(picks) }
                if !multiple, picks.count == 1 { return picks[0] }
                print(
                    terminal.paint("\(indent)  Please answer with \(hint) from the list.", .yellow))
            }
        default:
            while true {
                guard let answer = line(label + Self.hint(kind, unlessIn: label)) else {
                    if optional { return nil }
                    print(terminal.paint("\(indent)  This one is needed.", .yellow))
                    continue
                }
                guard let value = Self.value(answer, kind) else {
                    print(
                        terminal.paint(
                            "\(indent)  That does not fit\(Self.hint(kind)); try again.", .yellow))
                    continue
                }
                // The field's own bounds at once (150 on a 0-100 rating), never at the end.
                let probe = FieldSpec(name: "answer", kind: kind)
                guard
                    let problem = FieldValidator.validate(
                        .object(["answer": value]), against: [probe]
                    ).first
                else { return value }
                print(terminal.paint("\(indent)  It \(problem.message); try again.", .yellow))
            }
        }
    }

    /// One line from standard input; `nil` for an empty line or end of input.
    private func line(_ prompt: String) -> String? {
        print("\(prompt): ", terminator: "")
        guard let text = readLine()?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        return text
    }

    /// The hint, left out when the label already says it ("Mood (0-10)" needs no "[0-10]").
    private static func hint(_ kind: FieldKind, unlessIn label: String) -> String {
        let hint = hint(kind)
        let range = hint.trimmingCharacters(in: CharacterSet(charactersIn: " []"))
        return !range.isEmpty && label.contains("(\(range))") ? "" : hint
    }

    private static func hint(_ kind: FieldKind) -> String {
        switch kind {
        case .number(let b), .duration(let b):
            " [\(b.min.map(numberText) ?? "")-\(b.max.map(numberText) ?? "")]"
        case .rating(let min, let max, _): " [\(min)-\(max)]"
        case .boolean: " [y/n]"
        case .date: " [YYYY-MM-DD]"
        case .time: " [HH:MM]"
        default: ""
        }
    }

    /// The answer as a value of the field's kind, or `nil` if it does not fit.
    private static func value(_ answer: String, _ kind: FieldKind) -> Value? {
        switch kind {
        case .number, .duration, .rating:
            if let int = Int64(answer) { return .int(int) }
            return Double(answer).map(Value.double)
        case .boolean:
            let yes = ["y", "yes", "true"].contains(answer.lowercased())
            let no = ["n", "no", "false"].contains(answer.lowercased())
            return yes ? .bool(true) : no ? .bool(false) : nil
        default:
            return .string(answer)
        }
    }
}

extension FieldKind {
    /// Whether one value of this kind takes more than one answer.
    fileprivate var asksSeveralThings: Bool {
        switch self {
        case .record, .emotion: true
        default: false
        }
    }
}
