import CarryoverCore
import CarryoverModalities
import Testing

@testable import CarryoverLua

/// Every modality's exported JSON Schemas are valid draft 2020-12 and agree
/// with the Swift validator and the plugin on its example entry and params.
@Suite struct ModalitySchemaTests {
    @Test(arguments: ModalityCatalogue.all)
    func schemasAreValidAndAcceptTheExamples(_ modality: EmbeddedModality) throws {
        let type = try HomeworkType(source: modality.mainSource, file: modality.main)
        let entry = try Value.parse(json: try #require(modality.files["examples/entry.json"]))
        let params = try Value.parse(json: try #require(modality.files["examples/params.json"]))
        // The example passes the Swift checks, the plugin's hook, and the schemas.
        #expect(try type.validate(entry: entry, params: params, scope: "example") == [])
        #expect(type.validateParams(params) == [])
        // The schema of the form an assignment with these params shows (for a
        // type with readings: only its reading's questions, required).
        let declaration = type.declaration.narrowed(toParams: params)
        let entrySchema = JSONSchemaExporter.entrySchema(of: declaration)
        let paramsSchema = JSONSchemaExporter.paramsSchema(of: type.declaration)
        // An entry with an unknown member and without its first field must fail the schema.
        var broken = try #require(entry.object)
        broken.removeValue(forKey: declaration.fields[0].name)
        broken["not_a_field"] = 1
        let results = try JSONSchemaCheck.run([
            .init(schema: entrySchema, instance: entry),
            .init(schema: paramsSchema, instance: params),
            .init(schema: entrySchema, instance: .object(broken)),
        ])
        #expect(results.count == 3)
        #expect(results.first == .some(nil), "entry: \(String(describing: results.first))")
        #expect(
            results.dropFirst().first == .some(nil),
            "params: \(String(describing: results.dropFirst().first))")
        let brokenResult = try #require(results.last)
        #expect(
            brokenResult?.contains("'\(declaration.fields[0].name)' is a required property")
                == true)
        #expect(brokenResult?.contains("'not_a_field' was unexpected") == true)
    }

    @Test func optionalFieldsMayBeNullInBoth() throws {
        let type = try builtIn("thought-record")
        let modality = try #require(ModalityCatalogue.modality(id: type.declaration.id))
        let example = try Value.parse(json: try #require(modality.files["examples/entry.json"]))
        var entry = try #require(example.object)
        entry["distortions"] = .null  // an optional multi-choice
        #expect(FieldValidator.validate(.object(entry), against: type.declaration.fields) == [])
        let result = try JSONSchemaCheck.run([
            .init(
                schema: JSONSchemaExporter.entrySchema(of: type.declaration),
                instance: .object(entry))
        ])
        #expect(result == [nil])
    }

    @Test func schemaAndSwiftAgreeOnBounds() throws {
        let type = try builtIn("speech-practice")
        // 0 tries breaks `min = 1`, "word " is not a level, and 2.5 is not whole.
        let entry: Value = ["level": "word ", "trials": 0, "correct": 2.5]
        #expect(
            FieldValidator.validate(entry, against: type.declaration.fields).map(\.field)
                == ["level", "trials", "correct"])
        let result = try JSONSchemaCheck.run([
            .init(schema: JSONSchemaExporter.entrySchema(of: type.declaration), instance: entry)
        ])
        let message = try #require(result.first ?? nil)
        #expect(message.contains("0 is less than the minimum of 1"))
        #expect(message.contains("2.5 is not of type 'integer'"))
        #expect(message.contains("'word ' is not valid under any of the given schemas"))
    }
}
