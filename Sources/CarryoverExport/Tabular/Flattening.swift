import CarryoverCore

/// Flattens a JSON-shaped value into `path -> text` cells: nested objects as
/// `a.b`, list items as `a[0].b`.
///
/// Empty objects and lists keep a cell (`{}` / `[]`) so that flattening loses
/// no member; `null` becomes an empty cell.
enum Flattening {
    /// A flattened cell's text and whether it came from a string (only
    /// strings are guarded against spreadsheet formulas).
    struct Cell: Equatable {
        var text: String
        var isString: Bool
    }

    static func flatten(_ value: Value, prefix: String = "") -> [String: Cell] {
        var cells: [String: Cell] = [:]
        flatten(value, path: prefix, into: &cells)
        return cells
    }

    private static func flatten(_ value: Value, path: String, into cells: inout [String: Cell]) {
        switch value {
        case .object(let members) where !members.isEmpty:
            for (key, member) in members {
                flatten(member, path: path.isEmpty ? key : "\(path).\(key)", into: &cells)
            }
        case .array(let items) where !items.isEmpty:
            for (index, item) in items.enumerated() {
                flatten(item, path: "\(path)[\(index)]", into: &cells)
            }
        case .object: cells[path] = Cell(text: "{}", isString: false)
        case .array: cells[path] = Cell(text: "[]", isString: false)
        case .null: cells[path] = Cell(text: "", isString: false)
        case .bool(let b): cells[path] = Cell(text: b ? "true" : "false", isString: false)
        case .int(let i): cells[path] = Cell(text: String(i), isString: false)
        case .double(let d): cells[path] = Cell(text: numberText(d), isString: false)
        case .string(let s): cells[path] = Cell(text: s, isString: true)
        }
    }

    /// Whole numbers without a fraction (`3`, not `3.0`); others in Swift's
    /// shortest round-trip form.
    static func numberText(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// Orders column paths segment by segment, list indices numerically, so
    /// `items[2]` comes before `items[10]` and `a.b` right after `a`.
    static func pathPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = segments(lhs)
        let right = segments(rhs)
        for (l, r) in zip(left, right) where l != r {
            switch (l, r) {
            case (.index(let a), .index(let b)): return a < b
            case (.key(let a), .key(let b)): return a < b
            case (.key, .index): return true
            case (.index, .key): return false
            }
        }
        return left.count < right.count
    }

    private enum Segment: Equatable {
        case key(String)
        case index(Int)
    }

    private static func segments(_ path: String) -> [Segment] {
        var result: [Segment] = []
        var current = ""
        var inIndex = false
        for character in path {
            switch character {
            case "." where !inIndex:
                if !current.isEmpty { result.append(.key(current)) }
                current = ""
            case "[" where !inIndex:
                if !current.isEmpty { result.append(.key(current)) }
                current = ""
                inIndex = true
            case "]" where inIndex:
                result.append(Int(current).map(Segment.index) ?? .key(current))
                current = ""
                inIndex = false
            default: current.append(character)
            }
        }
        if !current.isEmpty { result.append(.key(current)) }
        return result
    }
}
