import CarryoverCore
import CarryoverLua

/// Makes entries and params from field declarations: valid ones that keep
/// every bound (often sitting right on it), and invalid ones that break
/// exactly one rule (cross a bound, wrong type, missing or unknown key).
struct ValueGenerator {
    var random: SeededRandom
    /// Whole numbers already used in this input. Reusing them makes equal
    /// ratings (peak = before) and matching counts (step = number of steps)
    /// likely, so inputs get past cross-field rules in `validate` more often.
    private var used: [Int] = []
    /// Texts already used in this input, for the same reason.
    private var usedTexts: [String] = []

    init(random: SeededRandom) {
        self.random = random
    }

    /// Forgets the numbers of the previous input.
    mutating func startInput() {
        used = []
        usedTexts = []
    }

    /// Starts an input from an example: its whole numbers and texts count as
    /// used, so a changed field often takes a value the example already has.
    mutating func startInput(from example: FuzzExample) {
        startInput()
        func collect(_ value: Value) {
            switch value {
            case .int(let number): used.append(Int(number))
            case .string(let text): usedTexts.append(text)
            case .array(let items): for item in items { collect(item) }
            case .object(let members): for key in members.keys.sorted() { collect(members[key]!) }
            default: break
            }
        }
        collect(example.entry)
        collect(example.params)
    }

    /// `example` with a few fields (a number in `changes`) given new valid
    /// values, or left out when they may be.
    mutating func mutated(_ example: Value, _ fields: [FieldSpec], changes: ClosedRange<Int>)
        -> Value
    {
        guard case .object(var members) = example, !fields.isEmpty else { return example }
        for _ in 0..<int(changes.lowerBound, changes.upperBound) {
            let field = pick(fields)
            if (field.optional || field.defaultValue != nil) && chance(0.25) {
                members[field.name] = nil
            } else {
                members[field.name] = value(field.kind, optional: field.optional)
            }
        }
        return .object(members)
    }

    /// Texts that tend to break string handling: unicode of several scripts,
    /// combining marks, emoji with modifiers, newlines, format directives,
    /// pattern magic characters, quotes and markup.
    static let texts = [
        "a", "I went for a walk", "Zoë — naïve café", "😊🙏🏽 family 👨‍👩‍👧", "日本語のテキスト",
        "مرحبا بالعالم", "e\u{301}", "line one\nline two", "\"quoted\" and \\backslash",
        "%s %d %% %q", "(.-)[%a]+$^", " padded ", "tab\tseparated", "<b>bold</b> & more", "0",
        "nil",
    ]
    /// Dates on edges: a leap day, year ends, the test clock's day.
    static let dates = ["2024-02-29", "1999-12-31", "2000-01-01", "2025-01-06", "2037-12-31"]

    // MARK: Valid values

    /// An object with a valid value for every field; optional fields (and
    /// params with a default) are sometimes left out.
    mutating func valid(_ fields: [FieldSpec]) -> Value {
        var members: [String: Value] = [:]
        for field in fields {
            let mayOmit = field.optional || field.defaultValue != nil
            if mayOmit && chance(0.25) { continue }
            members[field.name] = value(field.kind, optional: field.optional)
        }
        return .object(members)
    }

    mutating func value(_ kind: FieldKind, optional: Bool) -> Value {
        switch kind.input {
        case .text(let maxLength): return .string(text(maxLength: maxLength, allowEmpty: optional))
        case .notation(.date): return .string(date())
        case .notation(.time): return .string(time())
        case .number(let bounds, _, _): return number(bounds)
        case .choice(let choices, multiple: false, _): return pick(choices).value
        case .choice(let choices, multiple: true, let count):
            let size = edgy(count.min ?? 0, min(count.max ?? choices.count, choices.count))
            return .array(Array(shuffled(choices).prefix(size).map(\.value)))
        case .list(let item, let count):
            let low = count.min ?? 0
            let size = reusedOrEdgy(low, max(low, count.max ?? low + 4))
            return .array((0..<size).map { _ in value(item, optional: false) })
        case .group(let fields): return valid(fields)
        case .toggle: return .bool(chance(0.5))
        }
    }

    /// A text from ``texts``, empty or at the length limit now and then; a
    /// third of the time one already drawn in this input when it fits, so
    /// names given twice (an emotion rated before and after) can match.
    private mutating func text(maxLength: Int?, allowEmpty: Bool) -> String {
        let limit = maxLength ?? 2_000
        let fitting = usedTexts.filter { $0.unicodeScalars.count <= limit }
        if !fitting.isEmpty && chance(0.35) { return pick(fitting) }
        var text: String
        switch int(0, 9) {
        case 0 where allowEmpty: text = ""
        case 1: text = String(repeating: "ab😊", count: limit / 3 + 1)  // at the limit
        default: text = pick(Self.texts)
        }
        text = Self.prefix(text, scalars: limit)
        text = text.isEmpty && !allowEmpty ? Self.prefix("a", scalars: limit) : text
        if !text.isEmpty { usedTexts.append(text) }
        return text
    }

    private mutating func number(_ bounds: NumberBounds) -> Value {
        let low = bounds.min ?? (bounds.max.map { $0 - 1_000 } ?? -1_000)
        let high = bounds.max ?? low + 1_000
        if let step = bounds.step {
            let base = bounds.min ?? 0
            let first = Int(((low - base) / step).rounded(.up))
            let last = Int(((high - base) / step).rounded(.down))
            return Self.number(base + Double(edgy(first, max(first, last))) * step)
        }
        if bounds.integer {
            return .int(Int64(reusedOrEdgy(Int(low.rounded(.up)), Int(high.rounded(.down)))))
        }
        switch int(0, 3) {
        case 0: return Self.number(low)
        case 1: return Self.number(high)
        default: return .double(low + (high - low) * random.nextUnitDouble())
        }
    }

    /// Whole numbers as `.int`, as JSON parsing gives them.
    static func number(_ value: Double) -> Value {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int64(value)) : .double(value)
    }

    private mutating func date() -> String {
        if chance(0.4) { return pick(Self.dates) }
        let (year, month, day) = (int(1990, 2035), int(1, 12), int(1, 28))
        return "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    private mutating func time() -> String {
        if chance(0.3) { return pick(["00:00", "23:59", "12:00"]) }
        return "\(Self.twoDigits(int(0, 23))):\(Self.twoDigits(int(0, 59)))"
    }

    static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// The first `scalars` Unicode scalars of `text`.
    static func prefix(_ text: String, scalars: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.prefix(scalars))
        return String(view)
    }

    // MARK: Randomness

    mutating func int(_ low: Int, _ high: Int) -> Int {
        guard high > low else { return low }
        return low + Int(random.next() % UInt64(high - low + 1))
    }

    mutating func chance(_ probability: Double) -> Bool { random.nextUnitDouble() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0, items.count - 1)] }

    /// A number in `low...high`, on one of the two bounds three times in ten.
    mutating func edgy(_ low: Int, _ high: Int) -> Int {
        switch int(0, 9) {
        case 0, 1: low
        case 2: high
        default: int(low, high)
        }
    }

    /// A number already used in this input when one fits (a third of the
    /// time), otherwise ``edgy(_:_:)``; remembers what it returns.
    private mutating func reusedOrEdgy(_ low: Int, _ high: Int) -> Int {
        let fitting = used.filter { (low...max(low, high)).contains($0) }
        let number = !fitting.isEmpty && chance(0.35) ? pick(fitting) : edgy(low, high)
        used.append(number)
        return number
    }

    private mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for index in items.indices.reversed() where index > 0 {
            items.swapAt(index, int(0, index))
        }
        return items
    }
}
