import CarryoverCore
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice
@testable import CarryoverServer

/// A reading with check questions on the portal: the text rendered safely,
/// no right answer in the page, feedback that points back to the text, and
/// retries until the pass mark.
@Suite struct ReadingRouteTests {
    /// The form's choice indices for the thought-record reading: 5 of 5 right.
    static let allRight = [
        ("tr_when", "0"), ("tr_automatic", "1"), ("tr_aim", "1"), ("tr_evidence", "0"),
        ("tr_hard", "1"),
    ]
    /// 3 of 5 right (60%): question 2 and question 4 wrong.
    static let threeRight = [
        ("tr_when", "0"), ("tr_automatic", "0"), ("tr_aim", "1"), ("tr_evidence", "1"),
        ("tr_hard", "1"),
    ]

    static func harness(params: Value = .object([:])) async throws -> PortalHarness {
        let harness = try await PortalHarness()
        _ = try await harness.practice.assign(
            AssignmentRequest(
                clientID: "c-1", homeworkType: "org.carryover.psychoeducation", params: params,
                schedule: "daily at 20:00 for 1 week", completion: "sum of passed 1"))
        return harness
    }

    static func post(
        _ browser: Browser, ref: String, _ form: Browser.Page, _ answers: [(String, String)]
    ) async throws -> Browser.Page {
        try await browser.post(
            "/homework/\(ref)",
            [("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!)] + answers + [
                ("_send", "yes")
            ])
    }

    @Test func theFormShowsTheTextAndQuestionsButNoAnswer() async throws {
        let harness = try await Self.harness()
        try await harness.test { browser in
            let (_, form) = try await HomeworkRouteTests.openForm(
                browser, harness, title: "Reading with check questions")
            let html = form.html
            #expect(html.contains(#"<h2 id="reading-heading">What a thought record is"#))
            #expect(html.contains(#"<h3 id="why-it-helps">Why it helps</h3>"#))
            #expect(html.contains("What is an automatic thought?"))
            // Options carry their position only; no choice's value, nothing marking the right one.
            #expect(html.contains(#"name="tr_automatic" value="1""#))
            for value in ["comes_quickly", "mood_changes", "both_sides", "bring_it", "correct"] {
                #expect(!html.contains(value), "\(value) is in the page")
            }
            #expect(!html.contains("checked"))
            // Only the reading the assignment picks, and its questions are not optional.
            #expect(!html.contains("sleep_rhythm") && !html.contains("Sleep hygiene"))
            // The one optional question is the portal's own quality rating, after them.
            #expect(html.components(separatedBy: "(optional)").count == 2)
            #expect(html.range(of: "(optional)")!.lowerBound > html.range(of: "tr_automatic")!.lowerBound)
            #expect(html.contains("How well did this practice go?"))
        }
    }

    @Test func failedAt60PercentThenPassedAt100() async throws {
        let harness = try await Self.harness()
        try await harness.test { browser in
            let (ref, form) = try await HomeworkRouteTests.openForm(
                browser, harness, title: "Reading with check questions")
            let failed = try await Self.post(browser, ref: ref, form, Self.threeRight)
            #expect(failed.status == .ok)
            #expect(failed.html.contains("You answered 3 of 5 questions right (60%)."))
            #expect(failed.html.contains("Not quite there yet"))
            #expect(
                failed.html.contains(
                    #"<p>Question 2 (What is an automatic thought?): see <a href="/homework/\#(ref)?again=1#why-it-helps">Why it helps</a>.</p>"#
                ), "\(failed.html)")
            #expect(failed.html.contains(#"href="/homework/\#(ref)?again=1#how-to-fill-it-in""#))
            // The link opens the form again (a GET with the reading), not this page.
            let section = try await browser.get("/homework/\(ref)?again=1")
            #expect(section.html.contains(#"<h3 id="how-to-fill-it-in">How to fill it in</h3>"#))
            // The feedback points to the text; it never names the right choice.
            #expect(!failed.html.contains("comes quickly and on its own"))
            #expect(failed.html.contains("Read again and answer once more"))
            #expect(!failed.html.contains("goal reached"))
            harness.clock.advance(600)  // ten minutes later, a second attempt
            let retry = try await browser.get("/homework/\(ref)")
            let passed = try await Self.post(browser, ref: ref, retry, Self.allRight)
            #expect(passed.html.contains("You answered 5 of 5 questions right (100%)."))
            #expect(passed.html.contains("Reading done"))
            #expect(!passed.html.contains("Read again and answer once more"))
            #expect(passed.html.contains("goal reached"))
        }
        let entries = try await harness.practice.store.entries(.init(clientID: "c-1"))
            .sorted { $0.loggedAt < $1.loggedAt }
        // 3 * 100 / 5 = 60 and 5 * 100 / 5 = 100, by hand.
        #expect(entries.map { $0.scores["percent_correct"] } == [60, 100])
        #expect(entries.map { $0.scores["passed"] } == [0, 1])
        #expect(entries.allSatisfy { $0.source == .client })
    }

    @Test func thePassMarkIsTheTherapists() async throws {
        let harness = try await Self.harness(params: ["pass_mark": 60])
        try await harness.test { browser in
            let (ref, form) = try await HomeworkRouteTests.openForm(
                browser, harness, title: "Reading with check questions")
            let page = try await Self.post(browser, ref: ref, form, Self.threeRight)
            #expect(page.html.contains("You reached the pass mark of 60%"))
            #expect(page.html.contains("goal reached"))
        }
    }

    @Test func anUnansweredQuestionIsAProblemBesideIt() async throws {
        let harness = try await Self.harness()
        try await harness.test { browser in
            let (ref, form) = try await HomeworkRouteTests.openForm(
                browser, harness, title: "Reading with check questions")
            let page = try await Self.post(
                browser, ref: ref, form, Self.allRight.filter { $0.0 != "tr_aim" })
            #expect(page.status == .unprocessableContent)
            #expect(
                page.html.contains("What is the aim of a thought record?: Answer this question"))
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).isEmpty)
    }

    @Test func hostileMarkdownInAReadingIsEscapedOnThePage() throws {
        let renderer = try PageRenderer(clinic: "Clinic")
        let declaration = HomeworkDeclaration(
            id: "org.example.evil", version: "1.0.0", title: "Evil", instructions: "Read.",
            fields: [
                FieldSpec(
                    name: "q", kind: .choice([Choice(value: "a", label: "A")]), label: "Q?")
            ])
        var withReading = declaration
        withReading.readings = [
            Reading(
                id: "one", title: "<script>alert('title')</script>",
                markdown: """
                    ## Part

                    <script>alert(1)</script>

                    A [link](javascript:alert(3)) and [another](https://nhs.uk).

                    Inline <img src=x onerror=alert(2)> here.
                    """, checks: [.init(field: "q", section: "part")])
        ]
        let view = FormView(
            declaration: withReading, ref: "r", csrf: "c", key: "k", fields: [], problems: [])
        let html = try #require(renderer.library.render(view, withTemplate: "form"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains(#"href="javascript"#))
        #expect(html.contains(#"A link and <a href="https://nhs.uk" rel="noopener noreferrer">"#))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains(#"<h3 id="part">Part</h3>"#))
    }
}
