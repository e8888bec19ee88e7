import Testing

/// A parent supporting speech practice in a real browser
/// (Tests/Browser/supporter_browser.py): invited with the CLI, confirming
/// three sessions on three days that make "3 of 3 days" and earn 3 tokens,
/// an encouragement reaching the client's page, no score ever shown to the
/// parent; desktop and a 360 px phone, axe-core on every page. Screenshots go
/// to `.build/portal-screenshots` (or $CARRYOVER_SCREENSHOTS), named supporter-*.
@Suite struct SupporterBrowserTests {
    @Test func aParentConfirmsSpeechPracticeInARealBrowser() throws {
        try PortalBrowserTests.run("supporter_browser.py")
    }
}
