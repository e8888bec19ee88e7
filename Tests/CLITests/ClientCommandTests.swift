import Foundation
import Testing

/// `client add` and `client list`.
@Suite struct ClientCommandTests {
    @Test func addedClientsAreListedForPeopleAndAsJSON() throws {
        let fixture = try CLIFixture.withClient()
        let added = try fixture.ok(
            ["client", "add", "c-018", "--name", "Client 18", "--time-zone", "America/New_York"])
        #expect(added.stdout == "Added client c-018 (America/New_York)\n")
        let list = try fixture.ok(["client", "list"])
        #expect(
            list.stdout
                == "c-017  Client 17  (Europe/Berlin)\nc-018  Client 18  (America/New_York)\n")
        let clients = try fixture.ok(["client", "list", "--json"]).objects()
        #expect(clients.map { $0["id"] as? String } == ["c-017", "c-018"])
        #expect(clients[0]["displayName"] as? String == "Client 17")
        #expect(clients[0]["timeZone"] as? String == "Europe/Berlin")
        #expect(Set(clients[0].keys) == ["id", "displayName", "timeZone"])
    }

    @Test func anEmptyPracticeSaysHowToAddAClient() throws {
        let fixture = try CLIFixture()
        try fixture.ok(["init"])
        #expect(try fixture.ok(["client", "list"]).stdout.contains("carryover client add"))
        #expect(try fixture.ok(["client", "list", "--json"]).objects().isEmpty)
    }

    @Test func anUnknownTimeZoneIsInvalidInput() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            ["client", "add", "c-018", "--name", "X", "--time-zone", "Europe/Berlinn"],
            status: Exit.invalidInput, saying: "unknown time zone 'Europe/Berlinn'", "IANA")
    }

    @Test func aRealLookingIdIsRefusedWithTheRule() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            ["client", "add", "Jane Doe", "--name", "X", "--time-zone", "Europe/Berlin"],
            status: Exit.invalidInput, saying: "letters, digits", "pseudonym")
    }

    @Test func aDuplicateIdIsRefusedAndTheFirstClientKept() throws {
        let fixture = try CLIFixture.withClient()
        let result = try fixture.run(
            ["client", "add", "c-017", "--name", "Other", "--time-zone", "Asia/Tokyo"])
        #expect(result.status == Exit.refused)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains("c-017"))
        let clients = try fixture.ok(["client", "list", "--json"]).objects()
        #expect(clients.map { $0["displayName"] as? String } == ["Client 17"])
    }

    @Test func aMissingOptionIsAUsageError() throws {
        let fixture = try CLIFixture.withClient()
        let result = try fixture.run(["client", "add", "c-018", "--name", "X"])
        #expect(result.status == Exit.usage)
        #expect(result.stderr.contains("--time-zone"))
    }
}
