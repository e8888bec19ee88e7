import Testing

@testable import carryover

@Test func versionIsSemver() {
    let version = Carryover.configuration.version
    #expect(version.split(separator: ".").count == 3)
}
