import CarryoverManifest
import Testing

@Suite struct SemanticVersionTests {
    // Precedence chain quoted in semver.org 2.0.0, section 11.4.
    @Test func preReleasePrecedenceFromSemverOrg() throws {
        let chain = [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
        ].map { SemanticVersion($0)! }
        for (lower, higher) in zip(chain, chain.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
            #expect(!(higher < lower), "\(higher) !< \(lower)")
        }
        #expect(chain.shuffled().sorted() == chain)
    }

    // semver.org section 11.2: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1, compared numerically.
    @Test func corePrecedenceIsNumeric() {
        let chain = ["1.0.0", "2.0.0", "2.1.0", "2.1.1", "2.1.10", "10.0.0"].map {
            SemanticVersion($0)!
        }
        #expect(chain.reversed().sorted() == chain)
    }

    // semver.org section 10: build metadata is ignored for precedence.
    @Test func buildMetadataIsIgnoredForPrecedence() throws {
        let a = try SemanticVersion(parsing: "1.0.0+20130313144700")
        let b = try SemanticVersion(parsing: "1.0.0+exp.sha.5114f85")
        #expect(a == b && !(a < b) && !(b < a))
        #expect(a.description == "1.0.0+20130313144700")
        #expect(
            try SemanticVersion(parsing: "1.0.0-beta+exp.sha.5114f85").preRelease == [
                .alphanumeric("beta")
            ])
        #expect(try SemanticVersion(parsing: "1.0.0-alpha+001") < SemanticVersion(parsing: "1.0.0"))
    }

    @Test func parsesAllParts() throws {
        let version = try SemanticVersion(parsing: "1.2.3-rc.10.x-y+build.7")
        #expect((version.major, version.minor, version.patch) == (1, 2, 3))
        #expect(version.preRelease == [.alphanumeric("rc"), .numeric(10), .alphanumeric("x-y")])
        #expect(version.build == ["build", "7"])
        #expect(version.description == "1.2.3-rc.10.x-y+build.7")
    }

    // Invalid forms per semver.org sections 2 and 9: leading zeros, missing
    // parts, empty identifiers, characters outside [0-9A-Za-z-].
    @Test(arguments: [
        "01.0.0", "1.0", "1.0.0.0", "v1.0.0", "1.0.0-", "1.0.0+", "1.0.0-01", "1.0.0-a..b",
        "1.0.0-a_b", "", " 1.0.0", "1.-1.0", "1.0.0-é", "99999999999999999999.0.0",
    ])
    func rejectsInvalid(_ text: String) {
        #expect(SemanticVersion(text) == nil)
        do {
            _ = try SemanticVersion(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.code == .invalidVersion)
            #expect(error.message.hasSuffix("write MAJOR.MINOR.PATCH, e.g. 1.2.0"))
        }
    }
}
