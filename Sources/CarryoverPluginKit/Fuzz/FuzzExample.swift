import CarryoverCore
import CarryoverLua
import Foundation

/// An example input the fuzzer starts from: a real entry (and its params)
/// that passes the homework type's cross-field rules, so inputs made by
/// changing a field or two of it reach `score` and the later hooks far more
/// often than inputs drawn from the declarations alone.
public struct FuzzExample: Sendable, Hashable {
    /// Where it came from, for messages (`examples/entry.json`).
    public var name: String
    public var entry: Value
    public var params: Value

    public init(name: String, entry: Value, params: Value = .object([:])) {
        self.name = name
        self.entry = entry
        self.params = params
    }
}

extension PluginFolder {
    /// The folder's example inputs: every `examples/entry*.json` (one entry
    /// object each), with the params of `examples/params.json` when there is
    /// one. These are the files the built-in modalities ship; they go into
    /// packs like every other file of the folder.
    /// - Throws: `SandboxError` `invalid-plugin` naming an example that is
    ///   not a JSON object or breaks the field checks.
    public func examples(for type: HomeworkType) throws(SandboxError) -> [FuzzExample] {
        let folder = url.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var params: Value = .object([:])
        if names.contains("params.json") {
            params = try read("examples/params.json")
            let problems = type.validateParams(params)
            if let problem = problems.first { throw invalid("examples/params.json", problem) }
        }
        var examples: [FuzzExample] = []
        for name in names.sorted() where name.hasPrefix("entry") && name.hasSuffix(".json") {
            let path = "examples/\(name)"
            let entry = try read(path)
            let problems = FieldValidator.validate(entry, against: type.declaration.fields)
            if let problem = problems.first { throw invalid(path, problem) }
            examples.append(FuzzExample(name: path, entry: entry, params: params))
        }
        return examples
    }

    private func read(_ path: String) throws(SandboxError) -> Value {
        guard
            let data = FileManager.default.contents(atPath: url.appendingPathComponent(path).path),
            let value = try? Value.parse(data: data), value.object != nil
        else {
            throw SandboxError(
                .invalidPlugin, plugin: name, file: path,
                message: "is not a JSON object; fix the example or remove it")
        }
        return value
    }

    private func invalid(_ path: String, _ problem: ValidationProblem) -> SandboxError {
        SandboxError(
            .invalidPlugin, plugin: name, file: path,
            message: "\(problem.description); an example must be a valid input (fix or remove it)")
    }
}
