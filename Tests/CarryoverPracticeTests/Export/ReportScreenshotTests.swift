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
        #expect(html.contains("<section class=\"flags\""))
        for id in [ExportScenario.thoughtRecord, ExportScenario.phq9, ExportScenario.ladder] {
            #expect(html.contains("<section class=\"assignment\" id=\"\(id)\""), "section \(id)")
        }
        #expect(!html.contains("Client Seventeen"))
        if let folder = ProcessInfo.processInfo.environment["CARRYOVER_EXPORT_SAMPLE_DIR"] {
            try html.write(
                toFile: folder + "/practice-report.html", atomically: true, encoding: .utf8)
        }
    }
}

extension ReportScreenshotTests {
    /// The rich client's report, for the screenshots in Docs/exports.md:
    /// `CARRYOVER_EXPORT_SAMPLE_DIR=/tmp swift test --skip-build --filter richClient`
    /// writes `/tmp/rich-client-report.html`.
    @Test func richClientReportIsWritten() async throws {
        let scenario = try await RichClientScenario.make()
        let report = try await scenario.practice.clientReport(clientID: RichClientScenario.client)
        let html = HTMLReport.render(report)
        #expect(html.contains("<svg"))
        if let folder = ProcessInfo.processInfo.environment["CARRYOVER_EXPORT_SAMPLE_DIR"] {
            try html.write(
                toFile: folder + "/rich-client-report.html", atomically: true, encoding: .utf8)
        }
    }
}
