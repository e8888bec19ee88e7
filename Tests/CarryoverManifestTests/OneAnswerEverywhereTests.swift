import CarryoverManifest
import CarryoverPacks
import CarryoverPluginKit
import CarryoverTestSupport
import Foundation
import Testing

@testable import EmbedModalitiesTool

/// One `homework.toml`, one answer: the build tool that embeds `Modalities/`,
/// `carryover plugin lint`, and packs (`pack create` and `pack build`) read
/// it with the same parser and rules.
///
/// Before the shared manifest, a duplicate `title` passed lint (first wins)
/// and the build tool (last wins) but failed `pack create` (TOMLKit); text
/// after a value failed lint but passed the build tool. (Checked against the
/// old binaries: `plugin lint` exit 0 and `EmbedModalitiesTool --check` exit 0
/// for the duplicate, `pack create` exit 65.)
@Suite struct OneAnswerEverywhereTests {
    static let good = """
        id = "org.test.probe"
        version = "1.0.0"
        title = "Probe"
        main = "probe.lua"
        tests = ["tests/probe_spec.lua"]
        """

    /// (case, manifest text, the line of its problem or nil when it is sound).
    static let cases: [(String, String, Int?)] = [
        ("sound", good, nil),
        (
            "duplicate key",
            good.replacingOccurrences(
                of: "title = \"Probe\"", with: "title = \"Probe\"\ntitle = \"Other\""), 4
        ),
        (
            "text after a value",
            good.replacingOccurrences(of: "title = \"Probe\"", with: "title = \"Probe\" extra"), 3
        ),
        ("a number for a version", good.replacingOccurrences(of: "\"1.0.0\"", with: "1.0"), 2),
        ("an unknown key", good + "\nauthor = \"A. Person\"", 6),
        (
            "a path that climbs out",
            good.replacingOccurrences(of: "probe.lua\"", with: "../probe.lua\""), 4
        ),
    ]

    static let lua = """
        homework {
          id = "org.test.probe", version = "1.0.0", title = "Probe",
          instructions = "Write down what happened and rate it from 0 to 10.",
          fields = { field.text("note") },
        }
        """

    /// A homework folder holding `manifest`, a plugin and its test, inside `root`.
    static func writeFolder(_ manifest: String, in root: URL) throws -> URL {
        let folder = root.appending(path: "probe")
        try FileManager.default.createDirectory(
            at: folder.appending(path: "tests"), withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: folder.appending(path: "homework.toml"))
        try Data(lua.utf8).write(to: folder.appending(path: "probe.lua"))
        try Data(#"it("runs", function() assert.is_true(true) end)"#.utf8).write(
            to: folder.appending(path: "tests/probe_spec.lua"))
        return folder
    }

    @Test(arguments: cases.indices)
    func everyReaderGivesTheSameAnswer(_ index: Int) throws {
        let (name, text, line) = Self.cases[index]
        let root = try TemporaryFolder()
        let folder = try Self.writeFolder(text, in: root.url)

        // The shared reading: the answer every reader must give.
        let first = ManifestReading(text).problems.first
        #expect(first?.line == line, "\(name)")

        // The build tool.
        let built = try ModalityFolder(folder: folder)
        #expect(
            built.problems.first?.contains(":\(line ?? 0): error: ") ?? (line == nil), "\(name)")
        if let first { #expect(built.problems.first?.hasSuffix(first.message) == true, "\(name)") }

        // Lint.
        let lint = PluginLinter.lint(try PluginFolder(path: folder.path)).filter {
            $0.severity == .error && $0.file == "homework.toml"
        }
        #expect(lint.first?.line == line, "\(name)")
        #expect(lint.first?.message == first?.problem, "\(name)")

        // Packs: `pack create` lists the folder, `pack build` checks it.
        do {
            let listed = try Pack.homeworkFolders(in: root.url)
            #expect(line == nil && listed.map(\.id) == ["org.test.probe"], "\(name)")
        } catch {
            #expect(line != nil && error.message.hasSuffix(first?.message ?? "-"), "\(name)")
        }
        try Data(
            """
            id = "org.test.pack"
            version = "1.0.0"
            engine = "^0.1.0"
            license = "MIT"

            [publisher]
            name = "Test"
            key-id = "0123456789abcdef"

            [[homework]]
            id = "org.test.probe"
            version = "1.0.0"
            path = "probe"

            """.utf8
        ).write(to: root.url.appending(path: "pack.toml"))
        do {
            try Pack.build(at: root.url)
            #expect(line == nil, "\(name)")
        } catch {
            #expect(line != nil && error.message.contains(":\(line ?? 0): "), "\(name)")
        }
    }
}
