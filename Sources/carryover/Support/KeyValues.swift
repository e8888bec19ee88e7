import CarryoverCore

/// Reads `name=value` pairs from the command line into an object. A value
/// that is valid JSON (a number, true/false, a list, an object) is taken as
/// JSON; anything else is text: `--set mood=7 --set note="slept badly"`.
func keyValues(_ pairs: [String], option: String) throws -> [String: Value] {
    var object: [String: Value] = [:]
    for pair in pairs {
        guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
            throw CommandFailure(
                .usage, "\(option) '\(pair)' needs the form name=value, e.g. \(option) mood=7")
        }
        let name = String(pair[..<equals])
        let text = String(pair[pair.index(after: equals)...])
        object[name] = (try? Value.parse(json: text)) ?? .string(text)
    }
    return object
}
