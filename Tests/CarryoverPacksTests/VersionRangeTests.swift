import CarryoverManifest
import Testing

@testable import CarryoverPacks

@Suite struct VersionRangeTests {
    private func contains(_ range: String, _ version: String) throws -> Bool {
        try VersionRange(parsing: range).contains(SemanticVersion(parsing: version))
    }

    @Test func engineRangeFromPackManifest() throws {
        #expect(try contains(">=0.1.0, <0.2.0", "0.1.0"))
        #expect(try contains(">=0.1.0, <0.2.0", "0.1.9"))
        #expect(try !contains(">=0.1.0, <0.2.0", "0.2.0"))
        #expect(try !contains(">=0.1.0, <0.2.0", "0.0.9"))
        #expect(try !contains(">=0.1.0, <0.2.0", "0.1.0-rc.1"))
        #expect(engineVersion == SemanticVersion(0, 1, 0))
    }

    // Caret and tilde as node-semver's README defines them:
    // ^1.2.3 := >=1.2.3 <2.0.0-0, ^0.2.3 := >=0.2.3 <0.3.0-0,
    // ^0.0.3 := >=0.0.3 <0.0.4-0, ~1.2.3 := >=1.2.3 <1.3.0-0.
    @Test func caretAndTildeFollowNodeSemver() throws {
        #expect(try contains("^1.2.3", "1.2.3"))
        #expect(try contains("^1.2.3", "1.9.0"))
        #expect(try !contains("^1.2.3", "2.0.0"))
        #expect(try !contains("^1.2.3", "2.0.0-rc.1"))
        #expect(try !contains("^1.2.3", "1.2.2"))
        #expect(try contains("^0.2.3", "0.2.9"))
        #expect(try !contains("^0.2.3", "0.3.0"))
        #expect(try contains("^0.0.3", "0.0.3"))
        #expect(try !contains("^0.0.3", "0.0.4"))
        #expect(try contains("~1.2.3", "1.2.9"))
        #expect(try !contains("~1.2.3", "1.3.0"))
    }

    @Test func exactAndOtherComparators() throws {
        #expect(try contains("1.2.3", "1.2.3"))
        #expect(try !contains("1.2.3", "1.2.4"))
        #expect(try contains("=1.2.3", "1.2.3+build"))
        #expect(try contains(">1.0.0", "1.0.1"))
        #expect(try !contains(">1.0.0", "1.0.0"))
        #expect(try contains("<=1.4.0", "1.4.0"))
        #expect(try !contains("<=1.4.0", "1.4.1"))
    }

    @Test(arguments: ["", ">=", "1.2", ">=1.0.0,", "latest", "=>1.0.0", ">=1.0.0 <2.0.0"])
    func rejectsInvalid(_ text: String) {
        do {
            _ = try VersionRange(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.code == .invalidRange)
        }
    }
}
