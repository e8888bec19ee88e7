/// Checks values against field declarations: types, bounds, choices, list
/// sizes, unknown keys, following each kind's ``FieldInput``.
///
/// Reports every problem it finds, each with the path of its field, rather
/// than stopping at the first, so a client can fix a whole entry at once.
public enum FieldValidator {
    /// Every problem of `value` (an object) against `fields`.
    public static func validate(_ value: Value, against fields: [FieldSpec]) -> [ValidationProblem]
    {
        var problems: [ValidationProblem] = []
        checkRecord(value, fields, path: "", into: &problems)
        return problems
    }

    private static func checkRecord(
        _ value: Value, _ fields: [FieldSpec], path: String,
        into problems: inout [ValidationProblem]
    ) {
        guard let members = value.object else {
            problems.append(ValidationProblem(field: path, message: "expected an object"))
            return
        }
        var declaredPresent = 0
        for field in fields {
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            let found = members[field.name]
            if found != nil { declaredPresent += 1 }
            let member = found ?? .null
            if member == .null {
                if !field.optional {
                    problems.append(ValidationProblem(field: fieldPath, message: "is required"))
                }
                continue
            }
            check(member, field.kind, optional: field.optional, path: fieldPath, into: &problems)
        }
        // Only an entry with undeclared keys pays for finding them in order.
        guard declaredPresent < members.count else { return }
        let known = Set(fields.map(\.name))
        for key in members.keys.sorted() where !known.contains(key) {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            problems.append(
                ValidationProblem(field: keyPath, message: "is not a field of this form"))
        }
    }

    private static func check(
        _ value: Value, _ kind: FieldKind, optional: Bool, path: String,
        into problems: inout [ValidationProblem]
    ) {
        func fail(_ message: String) {
            problems.append(ValidationProblem(field: path, message: message))
        }
        switch kind.input {
        case .text(let maxLength):
            guard let text = value.string else { return fail("expected text") }
            let length = text.unicodeScalars.count
            if length == 0 && !optional { fail("must not be empty") }
            if let maxLength, length > maxLength {
                fail("is \(length) characters long; the most allowed is \(maxLength)")
            }
        case .notation(let notation):
            guard let text = value.string, notation.accepts(text) else {
                return fail("expected \(notation.expectation)")
            }
        case .number(let bounds, let unit, _):
            checkNumber(value, bounds, unit: unit.map { " \($0)" } ?? "", fail: fail)
        case .choice(let choices, multiple: false, _):
            if !choices.contains(where: { $0.value == value }) {
                fail("must be one of \(list(choices))")
            }
        case .choice(let choices, multiple: true, let count):
            guard let items = value.array else { return fail("expected a list of choices") }
            checkCount(items.count, count, fail: fail)
            for (index, item) in items.enumerated() {
                if !choices.contains(where: { $0.value == item }) {
                    problems.append(
                        ValidationProblem(
                            field: "\(path)[\(index + 1)]",
                            message: "must be one of \(list(choices))"))
                } else if items[..<index].contains(item) {
                    problems.append(
                        ValidationProblem(
                            field: "\(path)[\(index + 1)]", message: "is chosen twice"))
                }
            }
        case .list(let item, let count):
            guard let items = value.array else { return fail("expected a list") }
            checkCount(items.count, count, fail: fail)
            for (index, element) in items.enumerated() {
                let itemPath = "\(path)[\(index + 1)]"
                if element == .null {
                    problems.append(ValidationProblem(field: itemPath, message: "is required"))
                } else {
                    check(element, item, optional: false, path: itemPath, into: &problems)
                }
            }
        case .group(let fields):
            checkRecord(value, fields, path: path, into: &problems)
        case .toggle:
            if value.bool == nil { fail("expected true or false") }
        }
    }

    private static func checkNumber(
        _ value: Value, _ bounds: NumberBounds, unit: String, fail: (String) -> Void
    ) {
        guard let number = value.number, number.isFinite else { return fail("expected a number") }
        if bounds.integer && number != number.rounded() { fail("must be a whole number") }
        if let low = bounds.min, number < low { fail("must be at least \(format(low))\(unit)") }
        if let high = bounds.max, number > high { fail("must be at most \(format(high))\(unit)") }
        if let step = bounds.step, step > 0, !isMultiple(number - (bounds.min ?? 0), of: step) {
            fail("must be in steps of \(format(step))")
        }
    }

    private static func checkCount(_ count: Int, _ bounds: CountBounds, fail: (String) -> Void) {
        if let low = bounds.min, count < low { fail("needs at least \(low) items; has \(count)") }
        if let high = bounds.max, count > high {
            fail("allows at most \(high) items; has \(count)")
        }
    }

    private static func list(_ choices: [Choice]) -> String {
        choices.map { $0.value.string.map { "'\($0)'" } ?? $0.value.canonicalJSON() }
            .joined(separator: ", ")
    }

    /// Whether `number` is a whole multiple of `step`, allowing for binary
    /// fractions such as 0.1.
    static func isMultiple(_ number: Double, of step: Double) -> Bool {
        let steps = number / step
        return abs(steps - steps.rounded()) <= 1e-9
    }

    /// A number as a person writes it: `3`, not `3.0`.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

extension EmotionScale {
    /// The fields an emotion value is made of.
    public static let fields: [FieldSpec] = [
        FieldSpec(name: "name", kind: .text(maxLength: maxNameLength), label: "Emotion"),
        FieldSpec(
            name: "intensity",
            kind: .rating(min: intensity.lowerBound, max: intensity.upperBound, anchors: []),
            label: "Intensity (0-100)"),
    ]
}
