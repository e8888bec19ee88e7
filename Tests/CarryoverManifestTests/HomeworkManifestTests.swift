import CarryoverManifest
import Foundation
import Testing

@Suite struct HomeworkManifestTests {
    @Test func aManifestReadsAndWritesBack() throws {
        let text = """
            # a comment
            id = "org.clinic.worry-time"
            version = "1.2.0-rc.1"
            title = "Worry \\"time\\""
            main = "worry_time.lua"
            tests = ["tests/a_spec.lua", "tests/b_spec.lua"]
            """
        let manifest = try HomeworkManifest(parsing: text)
        #expect(manifest.id == "org.clinic.worry-time")
        #expect(
            manifest.version
                == SemanticVersion(1, 2, 0, preRelease: [.alphanumeric("rc"), .numeric(1)]))
        #expect(manifest.title == "Worry \"time\"")
        #expect(manifest.files == ["worry_time.lua", "tests/a_spec.lua", "tests/b_spec.lua"])
        #expect(try HomeworkManifest(parsing: manifest.toml) == manifest)
    }

    @Test func testsMayBeLeftOut() throws {
        let manifest = try HomeworkManifest(
            parsing: "id = \"org.a.b\"\nversion = \"1.0.0\"\ntitle = \"T\"\nmain = \"m.lua\"\n")
        #expect(manifest.tests.isEmpty)
    }

    @Test func everyProblemIsListedAtItsLine() {
        let reading = ManifestReading(
            """
            id = "Org.Clinic"
            version = 1.0
            main = "../outside.lua"
            tests = ["ok_spec.lua", 3]
            colour = "blue"
            """)
        #expect(
            reading.problems.map { "\($0.line) \($0.code.rawValue) \($0.problem)" } == [
                "1 missing-key 'title' is missing",
                "1 invalid-id id 'Org.Clinic' is not reverse-DNS",
                "2 wrong-type 'version' must be a non-empty quoted string",
                "3 unsafe-path '../outside.lua' climbs out with '..'",
                "4 wrong-type 'tests' must be a list of quoted strings",
                "5 unknown-key unknown key 'colour'",
            ])
        #expect(reading.manifest == nil)
        #expect(reading.texts["id"] == "Org.Clinic")
        #expect(reading.tests == ["ok_spec.lua"])
    }

    @Test func missingFilesAreFoundAtTheirKey() {
        let reading = ManifestReading(
            "id = \"org.a.b\"\nversion = \"1.0.0\"\ntitle = \"T\"\nmain = \"m.lua\"\n"
                + "tests = [\"t_spec.lua\"]\n")
        let missing = reading.missingFiles { $0 == "m.lua" }
        #expect(
            missing.map(\.description) == [
                "homework.toml:5: test file 't_spec.lua' is missing; create it, or remove it from tests"
            ])
    }

    @Test func notUTF8IsItsOwnProblem() {
        #expect(throws: ManifestError.self) {
            try HomeworkManifest(parsing: Data([0x69, 0x64, 0xFF]), file: "x/homework.toml")
        }
    }

    @Test func idsAreLowercaseReverseDNS() {
        for valid in ["org.clinic.worry-time", "org.carryover.phq9", "a.b", "org.x2.y-3"] {
            #expect(ReverseDNS.isValid(valid), "\(valid)")
        }
        for invalid in [
            "worry", "Org.clinic", "org..clinic", "org.clinic-", ".org.clinic", "1org.x",
            "org.clinic_x", "org.-clinic", "org.clinic.", String(repeating: "a.", count: 65) + "b",
        ] {
            #expect(!ReverseDNS.isValid(invalid), "\(invalid)")
        }
    }

    @Test func portablePathsStayInsideAndPortable() {
        #expect(PortablePath.problem("tests/a_spec.lua") == nil)
        #expect(PortablePath.problem("/etc/passwd") == "'/etc/passwd' is absolute")
        #expect(PortablePath.problem("a/../../b") == "'a/../../b' climbs out with '..'")
        #expect(PortablePath.problem("a//b") == "'a//b' has an empty or '.' part")
        #expect(PortablePath.problem("my file.lua")?.hasSuffix("'.', '_', '+', '-'") == true)
        #expect(PortablePath.problem("") == "'' is empty")
    }

    @Test func tomlStringsEscapeWhatTOMLRequires() {
        #expect(TOMLText.quoted("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}
