import Foundation
import Testing

/// `plugin run`, `log` and `status` show a score the same way (Core's
/// ScoreText): rounded to two decimals, trailing zeros dropped. Before, the
/// same 82.5 read `82.5` in `plugin run` and `82.50` in `log` and `status`.
@Suite struct ScoreDisplayTests {
    @Test func oneScoreReadsTheSameEverywhere() throws {
        let fixture = try CLIFixture.withClient()
        let steps = #"steps=[{"situation": "Photo of a dog", "expected_suds": 20}]"#
        try fixture.ok([
            "assign", "c-017", "org.carryover.exposure-ladder", "--schedule", "daily at 20:00",
            "--param", steps,
        ])
        // drop_percent = (40 - 7) x 100 / 40 = 82.5
        let entry = try fixture.file(
            "entry.json",
            #"{"step": 1, "suds_before": 30, "suds_peak": 40, "suds_after": 7, "minutes": 25}"#)
        let log = try fixture.ok(["log", "c-017-1", "--file", entry]).stdout
        #expect(log.contains("Drop in distress within the session (%): 82.5\n"), "\(log)")
        let status = try fixture.ok(["status", "c-017"]).stdout
        #expect(status.contains("latest 82.5, mean 82.5"), "\(status)")
        let params = try fixture.file(
            "params.json", #"{"steps": [{"situation": "Photo of a dog", "expected_suds": 20}]}"#)
        let run = try fixture.ok([
            "plugin", "run", packageRoot.appending(path: "Modalities/exposure-ladder").path,
            "--entry", entry, "--params", params,
        ]).stdout
        #expect(run.contains("drop_percent = 82.5,"), "\(run)")
        #expect(!(log + status + run).contains("82.50"))
    }

    /// `plugin run --json` follows the CLI's JSON convention (Docs/cli.md):
    /// camelCase keys, sorted, 2-space indent.
    @Test func pluginRunJSONFollowsTheConvention() throws {
        let fixture = try CLIFixture()
        let entry = try fixture.file(
            "entry.json",
            #"{"step": 1, "suds_before": 30, "suds_peak": 40, "suds_after": 7, "minutes": 25}"#)
        let params = try fixture.file(
            "params.json", #"{"steps": [{"situation": "Photo of a dog", "expected_suds": 20}]}"#)
        let run = try fixture.ok([
            "plugin", "run", packageRoot.appending(path: "Modalities/exposure-ladder").path,
            "--entry", entry, "--params", params, "--json",
        ])
        let object = try run.object()
        #expect(object["paramProblems"] as? [Any] != nil)
        let resource = try #require((object["resources"] as? [[String: Any]])?.first)
        #expect(resource["peakMemoryBytes"] as? Int != nil)
        #expect(!run.stdout.contains("_bytes") && !run.stdout.contains("param_problems"))
        #expect(run.stdout.hasPrefix("{\n  \"feedback\""))
    }
}
