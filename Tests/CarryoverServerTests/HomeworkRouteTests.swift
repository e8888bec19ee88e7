import CarryoverCore
import CarryoverStore
import Foundation
import HTTPTypes
import Testing

@testable import CarryoverPractice
@testable import CarryoverServer

/// The client's pages: forms built from the fields, the same validation as
/// `log`, one entry per form, feedback and reward at once.
@Suite struct HomeworkRouteTests {
    /// A thought record with two emotions, rated again, as a form sends it.
    static func thoughtRecord(csrf: String, key: String, situation: String = "Meeting at work")
        -> [(String, String)]
    {
        [
            ("_csrf", csrf), ("_key", key), ("situation", situation),
            ("emotions[1].name", "Anxious"), ("emotions[1].intensity", "80"),
            ("emotions[2].name", "Sad"), ("emotions[2].intensity", "60"),
            ("automatic_thought", "They think I am useless"), ("thought_belief", "90"),
            ("evidence_for[1]", "Nobody replied"), ("evidence_against[1]", "My boss thanked me"),
            ("distortions", "4"), ("balanced_thought", "They were busy, not ignoring me"),
            ("balanced_belief", "70"), ("thought_belief_after", "40"),
            ("emotions_after[1].name", "Anxious"), ("emotions_after[1].intensity", "40"),
            ("emotions_after[2].name", "Sad"), ("emotions_after[2].intensity", "30"),
            ("_send", "yes"),
        ]
    }

    /// Signs c-1 in and opens the form of the homework titled `title`.
    static func openForm(_ browser: Browser, _ harness: PortalHarness, title: String) async throws
        -> (ref: String, form: Browser.Page)
    {
        _ = try await InviteRouteTests.signIn(browser, token: try await harness.inviteToken())
        let today = try await browser.get("/")
        for ref in today.homeworkRefs {
            let form = try await browser.get("/homework/\(ref)")
            if form.html.contains("<h1>\(title)</h1>") { return (ref, form) }
        }
        throw PortalError(.notFound, "no form titled \(title)")
    }

    @Test func aThoughtRecordWithTwoEmotionsIsStoredAsTheClientsWithFeedback() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await Self.openForm(browser, harness, title: "Thought record")
            #expect(form.html.contains(#"<label for="f-emotions-1-name">Emotion</label>"#))
            #expect(form.html.contains(#"name="emotions[2].intensity""#))
            let result = try await browser.post(
                "/homework/\(ref)",
                Self.thoughtRecord(csrf: form.input("_csrf")!, key: form.input("_key")!))
            #expect(result.status == .ok)
            #expect(result.html.contains("your feelings eased by 35 points on average"))
            #expect(result.html.contains("token"))
            #expect(result.html.contains("Your balance"))
        }
        let entries = try await harness.practice.store.entries(.init(clientID: "c-1"))
        let entry = try #require(entries.first)
        #expect(entries.count == 1 && entry.source == .client && entry.viaPortal)
        #expect(entry.fields.object?["emotions"]?.array?.count == 2)
        // (80-40 + 60-30) / 2 = 35: the plugin's score, by hand.
        #expect(entry.scores["emotion_change"] == -35)
        let audit = try await harness.practice.store.auditJournal(.init(objectID: entry.id))
        #expect(audit.map(\.principal) == [Entry.portalRecorder])
    }

    @Test func problemsShowBesideTheirFieldsAndNothingTypedIsLost() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await Self.openForm(browser, harness, title: "Thought record")
            var fields = Self.thoughtRecord(
                csrf: form.input("_csrf")!, key: form.input("_key")!,
                situation: "Bus <stop> & \"rain\"")
            fields.removeAll { $0.0 == "emotions_after[2].name" || $0.0 == "thought_belief" }
            fields.append(("emotions_after[2].name", "Angry"))
            fields.append(("thought_belief", "lots"))
            let page = try await browser.post("/homework/\(ref)", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("Nothing was saved yet"))
            // Field check (as `log` makes it) beside its field ...
            #expect(page.html.contains(#"id="f-thought_belief-error""#) == false)
            #expect(page.html.contains(#"id="f-thought-belief-error""#))
            #expect(page.html.contains("Please enter a number."))
            // ... and the plugin's own validate, once field checks pass, is not reached here;
            // what was typed comes back escaped.
            #expect(page.html.contains("Bus &lt;stop&gt; &amp; &quot;rain&quot;"))
            #expect(page.input("_key") == form.input("_key"))
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).isEmpty)
    }

    @Test func thePluginsValidateRunsAsInLog() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await Self.openForm(browser, harness, title: "Thought record")
            var fields = Self.thoughtRecord(csrf: form.input("_csrf")!, key: form.input("_key")!)
            fields.removeAll { $0.0 == "emotions_after[2].name" }
            fields.append(("emotions_after[2].name", "Angry"))
            let page = try await browser.post("/homework/\(ref)", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("Rate again only the emotions listed at the time"))
            #expect(page.html.contains(#"id="f-emotions-after-2-name-error""#))
            #expect(page.html.contains(##"href="#f-emotions-after-2-name""##))
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).isEmpty)
    }

    @Test func aDoubleSubmitStoresOneEntry() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await Self.openForm(browser, harness, title: "Thought record")
            let fields = Self.thoughtRecord(csrf: form.input("_csrf")!, key: form.input("_key")!)
            let first = try await browser.post("/homework/\(ref)", fields)
            let again = try await browser.post("/homework/\(ref)", fields)
            #expect(first.status == .ok && again.status == .ok)
            #expect(again.html.contains("Already saved"))
            #expect(again.html.contains("Nothing was saved twice"))
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).count == 1)
        let ledger = try await harness.practice.store.ledger(assignmentID: "c-1-1")
        #expect(ledger.filter { $0.kind == Practice.ledgerKind }.count == 1)  // one token, not two
    }

    @Test func addingARowKeepsWhatWasTypedAndStoresNothing() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await Self.openForm(browser, harness, title: "Thought record")
            #expect(!form.html.contains(#"name="emotions[3].name""#))
            var fields = Self.thoughtRecord(csrf: form.input("_csrf")!, key: form.input("_key")!)
            fields.removeAll { $0.0 == "_send" }
            fields.append(("_add", "emotions"))
            let page = try await browser.post("/homework/\(ref)", fields)
            #expect(page.status == .ok)
            #expect(page.html.contains(#"name="emotions[3].name""#))
            #expect(page.input("emotions[2].name") == "Sad")
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).isEmpty)
    }

    @Test func aRiskAnswerShowsTheCrisisMessageAndFlagsTheTherapistOnly() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await Self.openForm(browser, harness, title: "PHQ-9")
            var fields = [("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!)]
            for item in 1...9 { fields.append(("item\(item)", item == 9 ? "1" : "0")) }
            let result = try await browser.post("/homework/\(ref)", fields)
            #expect(result.status == .ok)
            #expect(result.html.contains("CALL-112-NOW"))
            #expect(result.html.contains(#"role="alert""#))
            // The therapist's wording of the flag never reaches the client.
            #expect(!result.html.contains("review before the next session"))
            #expect(!result.html.contains("phq9-item9"))
        }
        let progress = try await harness.practice.progress(clientID: "c-1")
        #expect(progress.flatMap(\.riskFlags).contains { $0.level == .risk })
    }

    /// A paper PHQ-9 at 23 a week before, then 0 on the portal: a reliable
    /// improvement the therapist sees, but the client's pages show only the
    /// measure's own instructions and feedback, never the reliable change.
    @Test func theClientSeesTheInstructionsButNoReliableChange() async throws {
        let harness = try await PortalHarness()
        let paper = try await harness.practice.log(
            assignmentID: "c-1-2",
            fields: .object(
                Dictionary(
                    uniqueKeysWithValues: (1...9).map { ("item\($0)", Value.int($0 == 9 ? 0 : 3)) }
                )
                .merging(["item8": .int(2)]) { $1 }))
        // 8 items at 3 but item 8 at 2, item 9 at 0: 7 x 3 + 2 = 23, "severe" (20-27).
        #expect(paper.entry.scores["total"] == 23)
        harness.clock.advance(7 * 86_400)
        try await harness.test { browser in
            let (ref, form) = try await Self.openForm(browser, harness, title: "PHQ-9")
            #expect(
                form.html.contains(
                    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
                ))
            var fields = [("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!)]
            for item in 1...9 { fields.append(("item\(item)", "0")) }
            let result = try await browser.post("/homework/\(ref)", fields)
            #expect(result.status == .ok)
            let home = try await browser.get("/")
            for page in [form.html, result.html, home.html] {
                for therapistOnly in ["eliable", "RCI", "severe", "Secret Name"] {
                    #expect(!page.contains(therapistOnly), "\(therapistOnly) reached the client")
                }
            }
        }
        let progress = try await harness.practice.progress(clientID: "c-1")
        #expect(progress.first { $0.assignment.id == "c-1-2" }?.entries.count == 2)
    }

    @Test func anotherClientsAssignmentIsRefused() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (_, form) = try await Self.openForm(browser, harness, title: "Thought record")
            let csrf = form.input("_csrf")!
            // A ref made the way this session makes them, for c-2's assignment.
            let session = PortalSessionData(clientID: "c-1", csrf: csrf, kept: false)
            let foreign = PortalRoutes.ref("c-2-1", session)
            #expect(try await browser.get("/homework/\(foreign)").status == .notFound)
            let post = try await browser.post(
                "/homework/\(foreign)", Self.thoughtRecord(csrf: csrf, key: form.input("_key")!))
            #expect(post.status == .notFound)
            #expect(try await browser.get("/homework/c-2-1").status == .notFound)
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-2")).isEmpty)
        // The practice refuses it too, whatever a front end sends.
        await #expect(throws: PracticeError.self) {
            _ = try await harness.practice.submitPortalEntry(
                clientID: "c-1", assignmentID: "c-2-1", fields: .object([:]),
                idempotencyKey: PortalSecret.make())
        }
    }

    @Test func aPausedAssignmentIsNotOffered() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, _) = try await Self.openForm(browser, harness, title: "Thought record")
            _ = try await harness.practice.setStatus("c-1-1", to: .paused, reason: "holiday")
            #expect(try await browser.get("/homework/\(ref)").status == .notFound)
            #expect(try await browser.get("/").homeworkRefs.count == 1)
        }
    }

    @Test func todaySaysWhatIsDueByWhenInTheClientsTime() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            _ = try await InviteRouteTests.signIn(browser, token: try await harness.inviteToken())
            // 09:00 UTC is 10:00 in Berlin; the thought record is due at 20:00 Berlin time.
            let morning = try await browser.get("/")
            #expect(morning.html.contains("Today is Monday 7 December."))
            #expect(morning.html.contains("Due today by 20:00 – not done yet"))
            harness.clock.advance(11 * 3600)  // 21:00 in Berlin
            let evening = try await browser.get("/")
            #expect(evening.html.contains("Was due today by 20:00 – not done"))
            #expect(!evening.html.contains("by 20:00 – not done yet"))
        }
    }

    @Test func signedOutVisitorsSeeNoHomework() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let home = try await browser.get("/")
            #expect(home.status == .ok && home.html.contains("not signed in"))
            #expect(try await browser.get("/homework/0123456789abcdef0123").status == .unauthorized)
            #expect(try await browser.get("/safety-plan").status == .unauthorized)
            #expect(try await browser.post("/homework/x", [("_csrf", "x")]).status == .unauthorized)
        }
    }
}
