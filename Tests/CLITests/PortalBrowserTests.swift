import CarryoverTestSupport
import Foundation
import Testing

/// The client portal in a real browser (Tests/Browser/portal_browser.py):
/// Playwright drives Debian's chromium through invite, sign-in, a thought
/// record with two emotions, feedback and token, on a desktop with and
/// without JavaScript, on a 360 px phone and by keyboard alone; axe-core
/// checks every page; `status` and `history` show the portal's entries.
/// Screenshots go to `.build/portal-screenshots` (or $CARRYOVER_SCREENSHOTS).
@Suite struct PortalBrowserTests {
    @Test func aClientDoesTheirHomeworkInARealBrowser() throws {
        try Self.run("portal_browser.py")
    }

    /// Runs a script of Tests/Browser with the binary and the screenshot
    /// folder; every check in it must pass.
    static func run(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let binary = try CarryoverBinary.require()
        let shots =
            ProcessInfo.processInfo.environment["CARRYOVER_SCREENSHOTS"]
            ?? PackageRoot.url.appending(path: ".build/portal-screenshots").path
        let result = try TestPython.run(
            file: PackageRoot.url.appending(path: "Tests/Browser/\(script)"),
            arguments: [binary.path, shots])
        TestPython.expectSuccess(result, sourceLocation: sourceLocation)
        #expect(
            result.stdout.contains(" passed, 0 failed"), "\(result.stdout)\n\(result.stderr)",
            sourceLocation: sourceLocation)
    }
}
