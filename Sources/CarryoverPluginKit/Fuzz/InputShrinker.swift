import CarryoverCore
import CarryoverLua

/// Makes a failing input smaller while it still fails the same way: drops
/// object members and list items, shortens strings, moves numbers toward 0
/// and toward the declared bounds. Greedy; stops at a fixed point or after
/// `attempts` tries.
struct InputShrinker {
    /// Numbers worth trying: every bound the declaration mentions, and 0.
    let bounds: [Double]
    var attempts = 400

    /// The smallest input found for which `fails` still holds.
    mutating func shrink(_ input: Value, fails: (Value) -> Bool) -> Value {
        var current = input
        var improved = true
        while improved && attempts > 0 {
            improved = false
            for candidate in candidates(current) {
                guard attempts > 0 else { break }
                attempts -= 1
                if fails(candidate) {
                    current = candidate
                    improved = true
                    break
                }
            }
        }
        return current
    }

    /// Closer to 0, or as close and written shorter; so shrinking never cycles.
    static func isSimpler(_ candidate: Double, than number: Double) -> Bool {
        abs(candidate) < abs(number)
            || (abs(candidate) <= abs(number) + 1 && "\(candidate)".count < "\(number)".count)
    }

    /// Smaller variants of `value`, simplest first.
    func candidates(_ value: Value) -> [Value] {
        switch value {
        case .object(let members):
            let keys = members.keys.sorted()
            let dropped = keys.map { key in Value.object(members.filter { $0.key != key }) }
            let inner = keys.flatMap { key in
                candidates(members[key]!).map { smaller in
                    var copy = members
                    copy[key] = smaller
                    return Value.object(copy)
                }
            }
            return dropped + inner
        case .array(let items):
            var result: [Value] = []
            if items.count > 1 {
                result.append(.array(Array(items.prefix(items.count / 2))))
                result.append(.array(Array(items.suffix(items.count / 2))))
            }
            result += items.indices.map { index in
                var copy = items
                copy.remove(at: index)
                return .array(copy)
            }
            result += items.indices.flatMap { index in
                candidates(items[index]).map { smaller in
                    var copy = items
                    copy[index] = smaller
                    return Value.array(copy)
                }
            }
            return result
        case .string(let text):
            let length = text.unicodeScalars.count
            guard length > 0 else { return [] }
            return [
                "", ValueGenerator.prefix(text, scalars: 1),
                ValueGenerator.prefix(text, scalars: length / 2),
                ValueGenerator.prefix(text, scalars: length - 1),
            ].filter { $0 != text }.map(Value.string)
        case .int, .double:
            let number = value.number!
            let whole = number.rounded(.towardZero)
            var options = [0] + bounds + [(number / 2).rounded(.towardZero), whole]
            // Keep a fraction but make it short: 124.803 -> 124.5 -> 0.5.
            if number != whole {
                options += [number < 0 ? -0.5 : 0.5, whole + (number < 0 ? -0.5 : 0.5)]
            }
            var seen: Set<Double> = []
            return options.filter {
                $0.isFinite && Self.isSimpler($0, than: number) && seen.insert($0).inserted
            }
            .map(ValueGenerator.number)
        case .bool(true): return [.bool(false)]
        default: return []
        }
    }
}
