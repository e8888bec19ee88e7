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
        let input = kind.input
        switch input {
        case .group(let fields):
            print(terminal.paint(label, .bold))
            var object: [String: Value] = [:]
            for field in fields {
                if let value = ask(field, indent: indent + "  ") { object[field.name] = value }
            }
            return .object(object)
        case .list(let item, let count):
            print(terminal.paint("\(label): one per item, an empty answer ends the list", .bold))
            var items: [Value] = []
            while count.max.map({ items.count < $0 }) ?? true {
                let itemLabel = "\(indent)  #\(items.count + 1)"
                // A record or an emotion asks several things per item, so an empty
                // answer cannot end the list: ask first whether there is one more.
                if item.input.asksSeveralThings {
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
        case .choice(let choices, let multiple, _):
            for (number, choice) in choices.enumerated() {
                print("\(indent)  \(number + 1). \(choice.label)")
            }
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
        case .text, .notation, .number, .toggle:
            while true {
                guard let answer = line(label + Self.hint(input, unlessIn: label)) else {
                    if optional { return nil }
                    print(terminal.paint("\(indent)  This one is needed.", .yellow))
                    continue
                }
                guard let value = Self.value(answer, input) else {
                    print(
                        terminal.paint(
                            "\(indent)  That does not fit\(Self.hint(input)); try again.", .yellow))
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
    private static func hint(_ input: FieldInput, unlessIn label: String) -> String {
        let hint = hint(input)
        let range = hint.trimmingCharacters(in: CharacterSet(charactersIn: " []"))
        return !range.isEmpty && label.contains("(\(range))") ? "" : hint
    }

    private static func hint(_ input: FieldInput) -> String {
        switch input {
        case .number(let b, _, _):
            " [\(b.min.map(ScoreText.format) ?? "")-\(b.max.map(ScoreText.format) ?? "")]"
        case .toggle: " [y/n]"
        case .notation(let notation): " [\(notation.placeholder)]"
        case .text, .choice, .group, .list: ""
        }
    }

    /// The answer as a value of the field's kind, or `nil` if it does not fit.
    private static func value(_ answer: String, _ input: FieldInput) -> Value? {
        switch input {
        case .number:
            if let int = Int64(answer) { return .int(int) }
            return Double(answer).map(Value.double)
        case .toggle:
            let yes = ["y", "yes", "true"].contains(answer.lowercased())
            let no = ["n", "no", "false"].contains(answer.lowercased())
            return yes ? .bool(true) : no ? .bool(false) : nil
        default:
            return .string(answer)
        }
    }
}
