import CarryoverTestSupport
import Foundation
import Testing

/// The package's root folder, to reach the built-in modalities' example files.
let packageRoot = PackageRoot.url

/// The thought record example entry shipped with the modality.
let thoughtRecordExample = packageRoot.appending(
    path: "Modalities/thought-record/examples/entry.json"
).path

/// The exit statuses Docs/cli.md documents (Sources/carryover/Support/ExitStatus.swift).
enum Exit {
    static let ok: Int32 = 0
    static let refused: Int32 = 1
    static let usage: Int32 = 64
    static let invalidInput: Int32 = 65
    static let notFound: Int32 = 66
    static let exists: Int32 = 73
}

extension CLIFixture {
    /// A practice with client c-017 in Berlin.
    static func withClient(now: String = "2026-11-30T08:00:00Z") throws -> CLIFixture {
        let fixture = try CLIFixture(now: now)
        try fixture.ok(["init"])
        try fixture.ok(
            ["client", "add", "c-017", "--name", "Client 17", "--time-zone", "Europe/Berlin"])
        return fixture
    }

    /// The assignment every scenario starts from: a thought record daily at
    /// 20:00 for three weeks, "5 of 7 days", a token economy with a movie
    /// night for 3 tokens.
    static let thoughtRecordAssignment = [
        "assign", "c-017", "org.carryover.thought-record", "--schedule",
        "daily at 20:00 for 3 weeks", "--rule", "5 of 7 days", "--reinforce", "token economy",
        "--reward", "Movie night=3",
    ]

    /// Client c-017 with c-017-1, the thought record above.
    static func withThoughtRecord() throws -> CLIFixture {
        let fixture = try withClient()
        try fixture.ok(thoughtRecordAssignment)
        return fixture
    }

    /// Client c-017 with c-017-1, a mood log daily at 21:00 (alert at mood 2 or below).
    static func withMoodLog() throws -> CLIFixture {
        let fixture = try withClient()
        try fixture.ok([
            "assign", "c-017", "org.carryover.mood-log", "--schedule", "daily at 21:00",
        ])
        return fixture
    }

    /// Runs a command that must fail with `status` and exactly one line on
    /// standard error containing every one of `phrases`.
    @discardableResult
    func fails(
        _ arguments: [String], status: Int32, saying phrases: String..., input: String = "",
        now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        let result = try run(arguments, input: input, now: now)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        for phrase in phrases {
            #expect(
                result.stderr.contains(phrase), "'\(phrase)' not in: \(result.stderr)",
                sourceLocation: sourceLocation)
        }
        return result
    }

    /// The client's entries as `history --json` lists them.
    func history(_ client: String = "c-017") throws -> [[String: Any]] {
        try ok(["history", client, "--json"]).objects()
    }
}
