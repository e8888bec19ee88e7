import CarryoverCore
import CarryoverModalities
import Foundation
import Testing

@testable import CarryoverLua

/// Each built-in modality's own Lua tests, run through the sandbox. The
/// expected numbers are worked out by hand in comments in each spec file.
@Suite struct ModalitySpecTests {
    @Test func catalogueCarriesAllTenModalities() {
        #expect(
            ModalityCatalogue.all.map(\.folder) == [
                "exposure-ladder", "gad7", "gratitude", "mood-log", "phq9", "psychoeducation",
                "safety-plan", "speech-practice", "symptom-log", "thought-record",
            ])
    }

    @Test func embeddedFilesAreExactlyTheFilesOnDisk() throws {
        // Proves the generated string literals lose nothing (quotes, escapes,
        // non-ASCII such as the "ö" of Löwe in the GAD-7 source).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Modalities")
        for modality in ModalityCatalogue.all {
            let folder = root.appending(path: modality.folder)
            let paths = try #require(FileManager.default.subpaths(atPath: folder.path))
                .filter { !FileManager.default.isDirectory(folder.appending(path: $0)) }
            #expect(Set(paths) == Set(modality.files.keys), "\(modality.folder)")
            for (path, text) in modality.files {
                #expect(
                    try String(contentsOf: folder.appending(path: path), encoding: .utf8) == text)
            }
        }
        #expect(
            ModalityCatalogue.modality(id: "org.carryover.gad7")?.mainSource.contains("Löwe")
                == true)
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

extension FileManager {
    fileprivate func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
