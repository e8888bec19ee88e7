import CarryoverCore
import Foundation

/// Field paths as validation writes them (`emotions[2].name`): joining,
/// and finding the control that shows a problem.
enum FieldPath {
    static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : name.isEmpty ? prefix : "\(prefix).\(name)"
    }

    /// The longest prefix of `path` that names a control of the form: a
    /// problem about a multi-choice's second pick shows at the multi-choice,
    /// one about an unknown key at the form's top.
    static func control(for path: String, in fields: [FieldSpec]) -> String {
        var kind: FieldKind? = nil
        var record: [FieldSpec]? = fields
        var consumed = ""
        for part in parts(path) {
            switch part {
            case .name(let name):
                guard let spec = record?.first(where: { $0.name == name }) else { return consumed }
                kind = spec.kind
            case .index(let index):
                guard case .list(let item, _)? = kind else { return consumed }
                kind = item
                consumed += "[\(index)]"
                record = Self.fields(of: item)
                continue
            }
            if case .name(let name) = part { consumed = join(consumed, name) }
            record = kind.flatMap(Self.fields(of:))
        }
        return consumed
    }

    private static func fields(of kind: FieldKind) -> [FieldSpec]? {
        switch kind {
        case .record(let fields): fields
        case .emotion: EmotionScale.fields
        default: nil
        }
    }

    private enum Part {
        case name(String)
        case index(Int)
    }

    private static func parts(_ path: String) -> [Part] {
        var result: [Part] = []
        for segment in path.split(separator: ".") {
            var rest = Substring(segment)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket > rest.startIndex { result.append(.name(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                        result.append(.index(index))
                    }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                result.append(.name(String(rest)))
            }
        }
        return result
    }

    /// A number as a person writes it: `3`, not `3.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A choice's value as text.
    static func text(_ value: Value) -> String {
        value.string ?? value.number.map(number) ?? value.canonicalJSON()
    }
}
