import CarryoverCore
import CarryoverModalities
import Testing

@testable import CarryoverLua

/// Each built-in modality's own Lua tests, run through the sandbox. The
/// expected numbers are worked out by hand in comments in each spec file.
@Suite struct ModalitySpecTests {
    @Test func catalogueCarriesAllNineModalities() {
        #expect(
            ModalityCatalogue.all.map(\.folder) == [
                "exposure-ladder", "gad7", "gratitude", "mood-log", "phq9", "safety-plan",
                "speech-practice", "symptom-log", "thought-record",
            ])
    }

    @Test(arguments: ModalityCatalogue.all)
    func modalityPassesItsLuaTests(_ modality: EmbeddedModality) throws {
        let results = try LuaTestRunner.run(
            plugin: LuaSource(path: modality.main, text: modality.mainSource),
            specs: modality.tests.map { LuaSource(path: $0, text: modality.files[$0] ?? "") })
        #expect(results.count >= 3, "\(modality.folder) has too few cases")
        for failure in results where !failure.passed {
            Issue.record(
                """
                \(modality.folder): \(failure.name) at \(failure.file ?? "?"):\(failure.line ?? 0): \
                \(failure.message ?? "") expected \(failure.expected ?? "-") actual \(failure.actual ?? "-")
                """)
        }
    }

    @Test(arguments: ModalityCatalogue.all)
    func manifestMatchesTheDeclaration(_ modality: EmbeddedModality) throws {
        let type = try HomeworkType(source: modality.mainSource, file: modality.main)
        #expect(type.declaration.id == modality.id)
        #expect(type.declaration.version == modality.version)
        #expect(type.declaration.title == modality.title)
    }
}
