import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct TypesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "types",
        abstract: "List the homework types you can assign, or show one's fields and params.",
        discussion: """
            Built-in types come with carryover; installed packs add more.
            Examples:
              carryover types
              carryover types org.carryover.thought-record
              carryover types org.carryover.thought-record --schema   (JSON Schema 2020-12 of an entry)
            """)

    @Argument(help: "A homework type id, to show its fields and params.")
    var id: String?
    @Flag(help: "Print the JSON Schema (draft 2020-12) of the type's entries.")
    var schema = false
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let practice = try await options.open(.readOnly)
        guard let id else {
            let all = try practice.catalogue.available()
            if output.json {
                return try printJSON(
                    all.map {
                        TypeJSON(id: $0.id, version: $0.version, title: $0.title, origin: $0.origin)
                    })
            }
            for type in all {
                print("\(type.id)  \(type.version)  \(type.title)  [\(type.origin)]")
            }
            return
        }
        let declaration = try practice.declaration(of: id)
        if schema {
            return try printJSON(JSONSchemaExporter.entrySchema(of: declaration))
        }
        if output.json {
            let shape: Value = [
                "id": .string(declaration.id), "version": .string(declaration.version),
                "title": .string(declaration.title),
                "instructions": .string(declaration.instructions),
                "scores": .array(declaration.scores.map(Value.string)),
                "hooks": .array(declaration.hooks.map(\.rawValue).sorted().map(Value.string)),
                "entrySchema": JSONSchemaExporter.entrySchema(of: declaration),
                "paramsSchema": JSONSchemaExporter.paramsSchema(of: declaration),
            ]
            return try printJSON(shape)
        }
        print("\(declaration.title)  (\(declaration.id) \(declaration.version))")
        print(declaration.instructions)
        print("\nFields:")
        for field in declaration.fields { print("  " + describe(field)) }
        if !declaration.params.isEmpty {
            print("\nParams (set with --param name=value when assigning):")
            for field in declaration.params { print("  " + describe(field)) }
        }
        if !declaration.scores.isEmpty {
            print("\nScores: \(declaration.scores.joined(separator: ", "))")
        }
    }

    private func describe(_ field: FieldSpec) -> String {
        let label = field.label.isEmpty ? "" : "  \(field.label)"
        let optional = field.optional ? " (optional)" : ""
        return "\(field.name): \(field.kind.dslName)\(optional)\(label)"
    }
}

struct TypeJSON: Encodable {
    let id, version, title, origin: String
}
