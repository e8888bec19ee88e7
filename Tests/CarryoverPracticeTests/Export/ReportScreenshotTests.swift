import CarryoverCore
import CarryoverExport
import Foundation
import Testing

@testable import CarryoverPractice

/// Writes the scenario's HTML report for a look in a browser:
/// `CARRYOVER_EXPORT_SAMPLE_DIR=/tmp swift test --skip-build --filter ReportScreenshotTests`
/// writes `/tmp/practice-report.html` (see Docs/exports.md for the screenshot line).
@Suite struct ReportScreenshotTests {
    @Test func reportRendersEverySectionForTheScenario() async throws {
        let scenario = try await ExportScenario.make()
        let report = try await scenario.practice.clientReport(
            clientID: ExportScenario.clientID, from: LocalDate("2026-10-19"),
            to: LocalDate("2026-10-26"))
        let html = HTMLReport.render(report)
        for section in ["flags", "adherence", "scores", "measures", "ladders", "tokens"] {
            #expect(html.contains("<section class=\"\(section)\""), "section \(section)")
        }
        #expect(!html.contains("Client Seventeen"))
        if let folder = ProcessInfo.processInfo.environment["CARRYOVER_EXPORT_SAMPLE_DIR"] {
            try html.write(
                toFile: folder + "/practice-report.html", atomically: true, encoding: .utf8)
        }
    }
}
