import CarryoverCore
import Foundation

/// Turns a homework type's field declarations into form controls: the one
/// place that knows how each field kind looks on the portal.
///
/// Values come from what the client typed (so nothing is lost on an error)
/// and each validation problem is shown beside the control its path names,
/// or the nearest enclosing one.
struct FormRenderer {
    let input: FormInput
    /// Problem messages by the path of the control that shows them.
    let errors: [String: String]
    /// Lists that get one more empty row (the "Add another" button).
    let grownList: String?

    /// Rows a list shows at most; longer lists are not offered on the portal.
    static let maxRows = 20
    /// Ratings with at most this many points are radio buttons; longer scales a number box.
    static let maxRadioPoints = 11

    init(
        fields: [FieldSpec], input: FormInput, problems: [ValidationProblem],
        grownList: String? = nil
    ) {
        self.input = input
        self.grownList = grownList
        var errors: [String: String] = [:]
        for problem in problems {
            let path = FieldPath.control(for: problem.field, in: fields)
            let message = ClientWording.message(problem.message)
            errors[path] = errors[path].map { "\($0) \(message)" } ?? message
        }
        self.errors = errors
    }

    /// The controls for `fields`, in declaration order.
    func views(_ fields: [FieldSpec], prefix: String = "") -> [FieldView] {
        fields.map { view($0, path: FieldPath.join(prefix, $0.name)) }
    }

    /// Problems that no control shows (about the entry as a whole).
    var formErrors: [String] { errors[""].map { [$0] } ?? [] }

    private func view(_ spec: FieldSpec, path: String) -> FieldView {
        control(
            spec.kind, path: path, label: spec.label, help: spec.help, optional: spec.optional)
    }

    private func control(
        _ kind: FieldKind, path: String, label: String, help: String?, optional: Bool
    ) -> FieldView {
        let error = errors[path]
        let typed = input.first(path) ?? ""
        func make(
            _ control: FieldView.Control, min: String = "", max: String = "", step: String = "",
            unit: String = "", maxLength: String = "", options: [OptionView] = [],
            children: [FieldView] = []
        ) -> FieldView {
            FieldView(
                name: path, label: label, help: help, optional: optional, error: error,
                value: typed, control: control, min: min, max: max, step: step, unit: unit,
                maxLength: maxLength, options: options, children: children)
        }
        switch kind {
        case .text(let maxLength):
            let short = (maxLength ?? Int.max) <= 120
            return make(short ? .text : .textArea, maxLength: maxLength.map(String.init) ?? "")
        case .number(let bounds):
            return make(.number, min: text(bounds.min), max: text(bounds.max), step: step(bounds))
        case .duration(let bounds):
            return make(
                .number, min: text(bounds.min), max: text(bounds.max), step: step(bounds),
                unit: "minutes")
        case .rating(let low, let high, let anchors):
            guard high - low < Self.maxRadioPoints else {
                let scale = anchors.map { "\(FieldPath.text($0.value)) = \($0.label)" }
                let hint = ([help].compactMap { $0 } + scale).joined(separator: "; ")
                return FieldView(
                    name: path, label: label, help: hint.isEmpty ? nil : hint, optional: optional,
                    error: error, value: typed, control: .number, min: String(low),
                    max: String(high), step: "1")
            }
            let points = (low...high).map { point -> (String, String) in
                let anchor = anchors.first { $0.value.number == Double(point) }
                return (String(point), anchor.map { "\(point) – \($0.label)" } ?? String(point))
            }
            return make(.radios, options: options(path, points))
        case .choice(let choices):
            return make(
                .radios,
                options: options(path, choices.enumerated().map { (String($0), $1.label) }))
        case .multiChoice(let choices, _):
            return make(
                .checkboxes,
                options: options(path, choices.enumerated().map { (String($0), $1.label) }))
        case .boolean:
            return make(.radios, options: options(path, [("true", "Yes"), ("false", "No")]))
        case .date:
            return make(.date)
        case .time:
            return make(.time)
        case .record(let fields):
            return make(.group, children: views(fields, prefix: path))
        case .emotion:
            return make(.group, children: views(EmotionScale.fields, prefix: path))
        case .list(let item, let count):
            return list(
                item, count: count, path: path, label: label, help: help, optional: optional)
        }
    }

    private func list(
        _ item: FieldKind, count: CountBounds, path: String, label: String, help: String?,
        optional: Bool
    ) -> FieldView {
        let most = min(count.max ?? Self.maxRows, Self.maxRows)
        var shown = max(input.rowCount(of: path), max(count.min ?? 0, 1) + 1)
        if grownList == path { shown += 1 }
        shown = min(shown, most)
        let noun = item == .emotion ? "Emotion" : "Item"
        // Rows up to the list's minimum must be filled; the rest may stay empty.
        let rows = (1...max(shown, 1)).map { row in
            control(
                item, path: "\(path)[\(row)]", label: "\(noun) \(row)", help: nil,
                optional: row > (count.min ?? 0))
        }
        return FieldView(
            name: path, label: label, help: help, optional: optional, error: errors[path],
            control: .list, rows: rows, canAddRow: shown < most,
            addRowLabel: "Add another \(noun.lowercased())")
    }

    private func options(_ path: String, _ pairs: [(value: String, label: String)]) -> [OptionView]
    {
        let chosen = Set(input.all(path))
        return pairs.map { pair in
            OptionView(
                id: FieldView.elementID(path) + "-" + FieldView.elementID(pair.value).dropFirst(2),
                name: path, value: pair.value, label: pair.label,
                checked: chosen.contains(pair.value))
        }
    }

    private func text(_ number: Double?) -> String {
        number.map(FieldPath.number) ?? ""
    }

    private func step(_ bounds: NumberBounds) -> String {
        if let step = bounds.step { return FieldPath.number(step) }
        return bounds.integer ? "1" : "any"
    }
}
