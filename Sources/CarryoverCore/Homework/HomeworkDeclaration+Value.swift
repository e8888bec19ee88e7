/// Reading a declaration from the plain data the Lua prelude produces.
///
/// The prelude has already checked the declaration and named the plugin's
/// file and line on any mistake, so a failure here means the data did not come
/// from the prelude; the error says which key is wrong.
extension HomeworkDeclaration {
    /// Reads a declaration from the prelude's data.
    public init(value: Value) throws(CoreError) {
        let reader = DeclarationReader(path: "homework")
        try self.init(reading: value, reader)
        scoreTitles = try reader.titles(value["score_titles"], at: "score_titles")
        if let form = value["informant"], form != .null {
            let informant = DeclarationReader(path: "homework.informant")
            self.informant = InformantForm(
                title: try informant.string(form, "title"),
                instructions: try informant.string(form, "instructions"),
                fields: try informant.fields(form["fields"], at: "fields"))
        }
    }

    private init(reading value: Value, _ reader: DeclarationReader) throws(CoreError) {
        self.init(
            id: try reader.string(value, "id"),
            version: try reader.string(value, "version"),
            title: try reader.string(value, "title"),
            instructions: try reader.string(value, "instructions"),
            fields: try reader.fields(value["fields"], at: "fields"),
            params: try reader.fields(value["params"], at: "params"),
            scores: try reader.strings(value["scores"], at: "scores"),
            hooks: Set(
                try reader.strings(value["hooks"], at: "hooks").map { name throws(CoreError) in
                    guard let hook = HomeworkHook(rawValue: name) else {
                        throw reader.problem("hooks", "unknown hook '\(name)'")
                    }
                    return hook
                }),
            metadata: value["metadata"] ?? .object([:])
        )
    }
}

/// Reads fields and their kinds; keeps the path for error messages.
private struct DeclarationReader {
    let path: String

    func problem(_ key: String, _ message: String) -> CoreError {
        CoreError(.invalidDeclaration, "\(path).\(key): \(message)")
    }

    func string(_ value: Value, _ key: String) throws(CoreError) -> String {
        guard let text = value[key]?.string else { throw problem(key, "expected a string") }
        return text
    }

    func titles(_ value: Value?, at key: String) throws(CoreError) -> [String: String] {
        guard let value, value != .null, value != .array([]) else { return [:] }
        guard let members = value.object else { throw problem(key, "expected name = title") }
        var titles: [String: String] = [:]
        for (name, title) in members {
            guard let text = title.string else { throw problem(key, "expected name = title") }
            titles[name] = text
        }
        return titles
    }

    func strings(_ value: Value?, at key: String) throws(CoreError) -> [String] {
        guard let value, value != .null else { return [] }
        guard let items = value.array else { throw problem(key, "expected a list of strings") }
        return try items.map { item throws(CoreError) in
            guard let text = item.string else { throw problem(key, "expected a list of strings") }
            return text
        }
    }

    func fields(_ value: Value?, at key: String) throws(CoreError) -> [FieldSpec] {
        guard let value, value != .null else { return [] }
        guard let items = value.array else { throw problem(key, "expected a list of fields") }
        return try items.enumerated().map { index, item throws(CoreError) in
            try DeclarationReader(path: "\(path).\(key)[\(index + 1)]").field(item)
        }
    }

    func field(_ value: Value) throws(CoreError) -> FieldSpec {
        let name = value["name"]?.string ?? ""
        return FieldSpec(
            name: name, kind: try kind(value), label: value["label"]?.string ?? name,
            help: value["help"]?.string, optional: value["optional"]?.bool ?? false,
            defaultValue: value["default"])
    }

    private func kind(_ value: Value) throws(CoreError) -> FieldKind {
        let kind = try string(value, "kind")
        switch kind {
        case "text": return .text(maxLength: int(value, "max_length"))
        case "number": return .number(bounds(value))
        case "duration": return .duration(bounds(value))
        case "rating":
            guard let low = int(value, "min"), let high = int(value, "max") else {
                throw problem("min", "a rating needs whole-number min and max")
            }
            return .rating(min: low, max: high, anchors: try choices(value["anchors"], "anchors"))
        case "choice": return .choice(try choices(value["choices"], "choices"))
        case "multi_choice":
            return .multiChoice(try choices(value["choices"], "choices"), count: count(value))
        case "list":
            guard let item = value["item"] else { throw problem("item", "a list needs an item") }
            return .list(
                item: try DeclarationReader(path: "\(path).item").field(item).kind,
                count: count(value))
        case "record": return .record(try fields(value["fields"], at: "fields"))
        case "boolean": return .boolean
        case "date": return .date
        case "time": return .time
        case "emotion": return .emotion
        default: throw problem("kind", "unknown field kind '\(kind)'")
        }
    }

    private func int(_ value: Value, _ key: String) -> Int? {
        guard let number = value[key]?.number, number == number.rounded() else { return nil }
        return Int(number)
    }

    private func bounds(_ value: Value) -> NumberBounds {
        NumberBounds(
            min: value["min"]?.number, max: value["max"]?.number, step: value["step"]?.number,
            integer: value["integer"]?.bool ?? false)
    }

    private func count(_ value: Value) -> CountBounds {
        CountBounds(min: int(value, "min_items"), max: int(value, "max_items"))
    }

    private func choices(_ value: Value?, _ key: String) throws(CoreError) -> [Choice] {
        guard let value, value != .null else { return [] }
        guard let items = value.array else { throw problem(key, "expected a list of choices") }
        return try items.map { item throws(CoreError) in
            guard let choice = item["value"], let label = item["label"]?.string else {
                throw problem(key, "each choice needs a value and a label")
            }
            return Choice(value: choice, label: label)
        }
    }
}
