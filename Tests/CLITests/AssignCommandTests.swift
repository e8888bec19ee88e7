import Foundation
import Testing

/// `assign`: homework with a schedule, a completion rule and reinforcement.
@Suite struct AssignCommandTests {
    static let thoughtRecord = CLIFixture.thoughtRecordAssignment

    @Test func anAssignmentIsSummarisedInWords() throws {
        let fixture = try CLIFixture.withClient()
        let text = try fixture.ok(Self.thoughtRecord).stdout
        #expect(text.hasPrefix("Assigned c-017-1: org.carryover.thought-record "))
        #expect(text.contains("  reward:        Movie night (movie-night) for 3"))
        #expect(text.contains("  schedule:      "))
        #expect(text.contains("  done when:     "))
        #expect(text.contains("  reinforcement: "))
    }

    @Test func theJSONIsTheStoredAssignment() throws {
        let fixture = try CLIFixture.withClient()
        let assignment = try fixture.ok(Self.thoughtRecord + ["--json"]).object()
        #expect(
            Set(assignment.keys).isSuperset(of: [
                "id", "clientID", "homeworkType", "homeworkVersion", "params", "schedule",
                "completion", "reinforcement", "status", "seed", "createdAt", "history",
            ]))
        #expect(assignment["id"] as? String == "c-017-1")
        #expect(assignment["clientID"] as? String == "c-017")
        #expect(assignment["status"] as? String == "active")
        #expect(assignment["createdAt"] as? String == "2026-11-30T08:00:00Z")
        // Params not given stay unset; their declared defaults apply when the type runs.
        #expect((assignment["params"] as? [String: Any])?.isEmpty == true)
    }

    @Test func aSecondAssignmentGetsTheNextId() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let text = try fixture.ok([
            "assign", "c-017", "org.carryover.mood-log", "--schedule", "daily at 21:00",
            "--param", "low_mood=3",
        ]).stdout
        #expect(text.hasPrefix("Assigned c-017-2: org.carryover.mood-log 1.0.0\n"))
    }

    @Test func paramsComeFromAFile() throws {
        let fixture = try CLIFixture.withClient()
        let params = try fixture.file("params.json", #"{ "min_evidence_against": 2 }"#)
        let assignment = try fixture.ok([
            "assign", "c-017", "org.carryover.thought-record", "--schedule", "daily at 20:00",
            "--params-file", params, "--json",
        ]).object()
        #expect((assignment["params"] as? [String: Any])?["min_evidence_against"] as? Int == 2)
    }

    @Test func anUnknownClientGetsASuggestion() throws {
        let fixture = try CLIFixture.withClient()
        var arguments = Self.thoughtRecord
        arguments[1] = "c-07"
        try fixture.fails(
            arguments, status: Exit.notFound, saying: "no client 'c-07'", "Did you mean 'c-017'?")
    }

    @Test func anUnknownTypeNamesTheClosestOnes() throws {
        let fixture = try CLIFixture.withClient()
        var arguments = Self.thoughtRecord
        arguments[2] = "org.carryover.thougt-record"
        try fixture.fails(
            arguments, status: Exit.notFound, saying: "no homework type",
            "Did you mean 'org.carryover.thought-record'")
    }

    @Test(arguments: [
        ("--schedule", "dayly at 20:00"), ("--rule", "five of seven"),
        ("--reinforce", "lots of praise"), ("--reward", "Movie night"),
    ])
    func aPhraseThatDoesNotParseIsInvalidInputAndAssignsNothing(option: String, value: String)
        throws
    {
        let fixture = try CLIFixture.withClient()
        var arguments = Self.thoughtRecord
        let index = try #require(arguments.firstIndex(of: option))
        arguments[index + 1] = value
        try fixture.fails(arguments, status: Exit.invalidInput, saying: value)
        let status = try fixture.ok(["status", "c-017", "--json"]).object()
        #expect((status["assignments"] as? [Any])?.isEmpty == true)
    }

    @Test func aBadParamsFileIsInvalidInput() throws {
        let fixture = try CLIFixture.withClient()
        let params = try fixture.file("params.json", #"{ "min_evidence_against": "#)
        try fixture.fails(
            Self.thoughtRecord + ["--params-file", params], status: Exit.invalidInput,
            saying: "is not valid JSON")
    }

    @Test func aMissingParamsFileIsNotFound() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            Self.thoughtRecord + ["--params-file", "nowhere.json"], status: Exit.notFound,
            saying: "cannot read nowhere.json")
    }

    @Test func paramsOutOfBoundsNameTheParam() throws {
        let fixture = try CLIFixture.withClient()
        let result = try fixture.run(Self.thoughtRecord + ["--param", "min_evidence_against=20"])
        #expect(result.status == Exit.invalidInput)
        #expect(result.errorLines.first?.contains("problem") == true)
        #expect(result.errorLines.dropFirst().contains { $0.contains("min_evidence_against") })
    }
}
