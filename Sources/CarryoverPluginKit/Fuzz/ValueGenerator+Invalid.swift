import CarryoverCore
import CarryoverLua

extension ValueGenerator {
    /// A valid object (`base`, or a new one) with exactly one thing broken:
    /// a required field left out, an unknown key, or one field's value made
    /// invalid. Nil when the fields allow no invalid value (no fields at all).
    mutating func invalid(_ fields: [FieldSpec], from base: Value? = nil) -> Value? {
        guard case .object(var members) = base ?? valid(fields) else { return nil }
        let required = fields.filter { !$0.optional && $0.defaultValue == nil }
        switch int(0, 9) {
        case 0 where !required.isEmpty:
            members[pick(required).name] = nil
        case 1:
            members["not_a_field"] = .string("surprise")
        default:
            guard !fields.isEmpty else { return nil }
            let field = pick(fields)
            members[field.name] = broken(field.kind, optional: field.optional)
        }
        return .object(members)
    }

    /// A value that `kind` must refuse.
    mutating func broken(_ kind: FieldKind, optional: Bool) -> Value {
        var options: [Value] = [.object(["nested": .bool(true)])]
        switch kind.input {
        case .text(let maxLength):
            options.append(.int(42))
            if !optional { options.append(.string("")) }
            if let maxLength {
                options.append(.string(String(repeating: "é", count: maxLength + 1)))
            }
        case .number(let bounds, _, _):
            options += [.string("12"), .double(.nan), .double(.infinity)]
            if let low = bounds.min { options.append(Self.number(low - (bounds.step ?? 1))) }
            if let high = bounds.max { options.append(Self.number(high + (bounds.step ?? 1))) }
            if bounds.integer || bounds.step != nil {
                options.append(.double((bounds.min ?? 0) + (bounds.step ?? 1) / 2))
            }
        case .choice(let choices, multiple: false, _):
            options += [.string("not-a-choice"), .array(choices.prefix(1).map(\.value))]
        case .choice(let choices, multiple: true, let count):
            options.append(.array([.string("not-a-choice")]))
            if let first = choices.first { options.append(.array([first.value, first.value])) }
            if let low = count.min, low > 0 { options.append(.array([])) }
        case .list(let item, let count):
            options.append(.string("not a list"))
            if let low = count.min, low > 0 {
                options.append(.array((0..<(low - 1)).map { _ in value(item, optional: false) }))
            }
            if let high = count.max {
                options.append(.array((0...high).map { _ in value(item, optional: false) }))
            }
            options.append(.array([broken(item, optional: false)]))
        case .group(let fields):
            options.append(.string("not an object"))
            if let inner = invalid(fields) { options.append(inner) }
        case .toggle:
            options += [.string("yes"), .int(1)]
        case .notation(.date):
            options += [.string("2025-02-30"), .string("2023-02-29"), .string("06/01/2025")]
        case .notation(.time):
            options += [.string("24:00"), .string("9:30"), .string("12:60")]
        }
        return pick(options)
    }
}
