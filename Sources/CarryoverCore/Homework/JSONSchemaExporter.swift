/// Exports a homework type's entry and params as JSON Schema (draft 2020-12),
/// so any front end can render and check a form.
public enum JSONSchemaExporter {
    /// The dialect every exported schema declares.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema of one entry of the homework type.
    public static func entrySchema(of declaration: HomeworkDeclaration) -> Value {
        document(declaration, part: "entry", fields: declaration.fields, title: declaration.title)
    }

    /// The schema of an assignment's params (with their defaults).
    public static func paramsSchema(of declaration: HomeworkDeclaration) -> Value {
        document(
            declaration, part: "params", fields: declaration.params,
            title: "\(declaration.title): assignment settings")
    }

    private static func document(
        _ declaration: HomeworkDeclaration, part: String, fields: [FieldSpec], title: String
    ) -> Value {
        guard case .object(var schema) = objectSchema(fields) else { return .null }
        schema["$schema"] = .string(dialect)
        schema["$id"] = .string("urn:carryover:\(declaration.id):\(declaration.version):\(part)")
        schema["title"] = .string(title)
        if part == "entry" { schema["description"] = .string(declaration.instructions) }
        return .object(schema)
    }

    private static func objectSchema(_ fields: [FieldSpec]) -> Value {
        var properties: [String: Value] = [:]
        for field in fields { properties[field.name] = schema(of: field) }
        let required = fields.filter { !$0.optional && $0.defaultValue == nil }.map {
            Value.string($0.name)
        }
        return [
            "type": "object", "properties": .object(properties), "required": .array(required),
            "additionalProperties": false,
        ]
    }

    private static func schema(of field: FieldSpec) -> Value {
        guard case .object(var schema) = schema(of: field.kind, optional: field.optional) else {
            return .null
        }
        if field.optional { allowNull(&schema) }
        schema["title"] = .string(field.label)
        if let help = field.help { schema["description"] = .string(help) }
        if let fallback = field.defaultValue { schema["default"] = fallback }
        return .object(schema)
    }

    private static func schema(of kind: FieldKind, optional: Bool) -> Value {
        switch kind {
        case .text(let maxLength):
            var schema: [String: Value] = ["type": "string"]
            if !optional { schema["minLength"] = 1 }
            if let maxLength { schema["maxLength"] = .int(Int64(maxLength)) }
            return .object(schema)
        case .number(let bounds):
            return number(bounds)
        case .duration(let bounds):
            guard case .object(var schema) = number(bounds) else { return .null }
            schema["description"] = "minutes"
            return .object(schema)
        case .rating(let low, let high, let anchors):
            var schema: [String: Value] = [
                "type": "integer", "minimum": .int(Int64(low)), "maximum": .int(Int64(high)),
            ]
            if !anchors.isEmpty {
                schema["description"] = .string(
                    anchors.map { "\($0.value.canonicalJSON()) = \($0.label)" }.joined(
                        separator: "; "))
            }
            return .object(schema)
        case .choice(let choices):
            return ["oneOf": .array(choices.map(constant))]
        case .multiChoice(let choices, let count):
            return array(items: ["oneOf": .array(choices.map(constant))], count, unique: true)
        case .list(let item, let count):
            return array(items: schema(of: item, optional: false), count, unique: false)
        case .record(let fields):
            return objectSchema(fields)
        case .boolean:
            return ["type": "boolean"]
        case .date:
            return [
                "type": "string", "format": "date", "pattern": .string(StrictDate.datePattern),
            ]
        case .time:
            return ["type": "string", "pattern": .string(StrictDate.timePattern)]
        case .emotion:
            return objectSchema(EmotionScale.fields)
        }
    }

    /// An optional field may be `null`, as ``FieldValidator`` treats `null`
    /// like a left-out member.
    private static func allowNull(_ schema: inout [String: Value]) {
        if let type = schema["type"] {
            schema["type"] = [type, "null"]
        } else if case .array(let options)? = schema["oneOf"] {
            schema["oneOf"] = .array(options + [["type": "null"]])
        }
    }

    private static func constant(_ choice: Choice) -> Value {
        ["const": choice.value, "title": .string(choice.label)]
    }

    private static func number(_ bounds: NumberBounds) -> Value {
        var schema: [String: Value] = ["type": bounds.integer ? "integer" : "number"]
        if let low = bounds.min { schema["minimum"] = numeric(low) }
        if let high = bounds.max { schema["maximum"] = numeric(high) }
        // `multipleOf` counts from zero; the DSL counts steps from `min`, so
        // export it only where the two agree.
        if let step = bounds.step, step > 0, FieldValidator.isMultiple(bounds.min ?? 0, of: step) {
            schema["multipleOf"] = numeric(step)
        }
        return .object(schema)
    }

    private static func array(items: Value, _ count: CountBounds, unique: Bool) -> Value {
        var schema: [String: Value] = ["type": "array", "items": items]
        if let low = count.min { schema["minItems"] = .int(Int64(low)) }
        if let high = count.max { schema["maxItems"] = .int(Int64(high)) }
        if unique { schema["uniqueItems"] = true }
        return .object(schema)
    }

    private static func numeric(_ number: Double) -> Value {
        number == number.rounded() && abs(number) < 1e15 ? .int(Int64(number)) : .double(number)
    }
}
