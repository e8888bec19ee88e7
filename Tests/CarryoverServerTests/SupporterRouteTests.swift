import CarryoverCore
import CarryoverStore
import Foundation
import HTTPTypes
import Testing

@testable import CarryoverPractice
@testable import CarryoverServer

/// A supporter on the portal: their own link, their own pages, only what the
/// therapist allowed, never a score, and never the client's pages.
@Suite struct SupporterRouteTests {
    /// c-1's speech practice (daily at 18:00 for 3 days, "3 of 3 days",
    /// token economy) and a parent allowed to see, confirm (counting) and encourage.
    static func parent(_ harness: PortalHarness) async throws -> (Assignment, Supporter) {
        let speech = try await harness.practice.assign(
            AssignmentRequest(
                clientID: "c-1", homeworkType: "org.carryover.speech-practice",
                params: ["targets": ["s"]], schedule: "daily at 18:00 for 3 days",
                completion: "3 of 3 days", reinforcement: "token economy"))
        let parent = try await harness.practice.addSupporter(
            clientID: "c-1", name: "Maria", relation: .parent)
        let allowed = try await harness.practice.allow(
            supporterID: parent.id, assignmentID: speech.id,
            permissions: [.see, .confirm, .encourage], confirmationsCount: true)
        return (speech, allowed)
    }

    /// The ref of the supporter's `action` link on their start page.
    static func actionRef(_ page: Browser.Page, _ action: String) throws -> String {
        try #require(page.firstMatch(#"href="/support/([0-9a-f]+)/\#(action)""#), "\(page.html)")
    }

    /// The text of the page's main element, tags removed.
    static func visibleText(_ page: Browser.Page) -> String {
        let main = page.html.components(separatedBy: "<main")[1]
            .components(separatedBy: "</main>")[0]
        return main.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    @Test func aParentConfirmsThreeSessionsThatCountAndEarnTokens() async throws {
        let harness = try await PortalHarness()
        let (speech, parent) = try await Self.parent(harness)
        let token = try await harness.practice.inviteSupporter(parent.id).token
        try await harness.test { browser in
            let signedIn = try await InviteRouteTests.signIn(browser, token: token, keep: true)
            #expect(signedIn.status == .seeOther)
            for day in 0..<3 {
                // 16:30 UTC is 17:30 in Berlin, before the 18:00 practice is due.
                harness.clock.set(
                    PortalHarness.start.addingTimeInterval(Double(day) * 86_400 + 7.5 * 3600))
                let start = try await browser.get("/")
                #expect(start.html.contains("<h1>Helping with homework</h1>"), "\(start.html)")
                #expect(start.html.contains("Speech practice"))
                let ref = try Self.actionRef(start, "confirm")
                let form = try await browser.get("/support/\(ref)/confirm")
                #expect(form.status == .ok && form.html.contains("<h1>Confirm practice</h1>"))
                let sent = try await browser.post(
                    "/support/\(ref)/confirm",
                    [
                        ("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!),
                        ("note", "Practised the s sound with me"), ("_send", "yes"),
                    ])
                #expect(sent.status == .ok && sent.html.contains("Your confirmation was saved"))
            }
        }
        let entries = try await harness.practice.store.entries(.init(assignmentID: speech.id))
        #expect(entries.count == 3)
        #expect(
            entries.allSatisfy {
                $0.source == .supporter && $0.supporterID == parent.id && $0.kind == .confirmation
                    && $0.counts && $0.recordedBy == Entry.portalRecorder && $0.scores.isEmpty
            })
        let progress = try #require(
            try await harness.practice.progress(clientID: "c-1").first {
                $0.assignment.id == speech.id
            })
        #expect(progress.completion.progress == "3 done of scheduled times 1-3 (needs 3 of 3)")
        #expect(progress.completion.met)
        // The token economy's default: one token for each occurrence done in time.
        #expect(progress.balance == "3 tokens")
    }

    @Test func aConfirmationThatDoesNotCountIsKeptButCountsNowhere() async throws {
        let harness = try await PortalHarness()
        let (speech, parent) = try await Self.parent(harness)
        _ = try await harness.practice.allow(
            supporterID: parent.id, assignmentID: speech.id, permissions: [.see, .confirm])
        let token = try await harness.practice.inviteSupporter(parent.id).token
        try await harness.test { browser in
            _ = try await InviteRouteTests.signIn(browser, token: token)
            harness.clock.set(PortalHarness.start.addingTimeInterval(7.5 * 3600))
            let start = try await browser.get("/")
            #expect(!start.html.contains("/message\""), "encourage was taken away")
            let ref = try Self.actionRef(start, "confirm")
            let form = try await browser.get("/support/\(ref)/confirm")
            _ = try await browser.post(
                "/support/\(ref)/confirm",
                [("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!), ("_send", "yes")])
        }
        let entries = try await harness.practice.store.entries(.init(assignmentID: speech.id))
        #expect(entries.count == 1 && entries[0].counts == false)
        let progress = try #require(
            try await harness.practice.progress(clientID: "c-1").first {
                $0.assignment.id == speech.id
            })
        #expect(progress.completion.progress == "0 done of scheduled times 1-3 (needs 3 of 3)")
        #expect(progress.balance == "0 tokens")
    }

    @Test func anEncouragementReachesTheClientsPageAndTheSupporterSeesNoScores() async throws {
        let harness = try await PortalHarness()
        let (speech, parent) = try await Self.parent(harness)
        // The client's own entry has scores; the supporter must not see them.
        _ = try await harness.practice.log(
            assignmentID: speech.id, fields: ["level": "word", "trials": 20, "correct": 17],
            source: .client)
        let supporterToken = try await harness.practice.inviteSupporter(parent.id).token
        let clientToken = try await harness.inviteToken()
        try await harness.test { browser in
            _ = try await InviteRouteTests.signIn(browser, token: supporterToken)
            let start = try await browser.get("/")
            #expect(start.html.contains("Due today by 18:00 – <span class=\"done\">done</span>"))
            // The page's words (not its random refs and CSRF values, which may hold digits).
            let words = Self.visibleText(start)
            for hidden in ["85", "accuracy", "Accuracy", "token", "streak", "Progress", "17"] {
                #expect(!words.contains(hidden), "the supporter sees '\(hidden)' in \(words)")
            }
            #expect(!start.html.contains("Thought record"), "only what they were allowed")
            #expect(!start.html.contains("safety-plan"))
            let ref = try Self.actionRef(start, "message")
            let form = try await browser.get("/support/\(ref)/message")
            let empty = try await browser.post(
                "/support/\(ref)/message",
                [("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!), ("message", "")])
            #expect(empty.status == .unprocessableContent)
            let sent = try await browser.post(
                "/support/\(ref)/message",
                [
                    ("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!),
                    ("message", "So proud of you <3"), ("_send", "yes"),
                ])
            #expect(sent.status == .ok && sent.html.contains("Message sent"))
            browser.forgetCookies()
            _ = try await InviteRouteTests.signIn(browser, token: clientToken)
            let today = try await browser.get("/")
            #expect(today.html.contains("<h3>Messages for you</h3>"))
            #expect(today.html.contains("<q>So proud of you &lt;3</q>"), "escaped, once")
            #expect(today.html.contains("– Maria,"))
        }
    }

    @Test func aSupporterNeverReachesTheClientsPagesNorAClientTheSupporters() async throws {
        let harness = try await PortalHarness()
        let (_, parent) = try await Self.parent(harness)
        let supporterToken = try await harness.practice.inviteSupporter(parent.id).token
        let clientToken = try await harness.inviteToken()
        try await harness.test { browser in
            _ = try await InviteRouteTests.signIn(browser, token: supporterToken)
            let start = try await browser.get("/")
            let ref = try Self.actionRef(start, "confirm")
            #expect(try await browser.get("/homework/\(ref)").status == .notFound)
            #expect(try await browser.get("/safety-plan").status == .notFound)
            #expect(try await browser.get("/support/\(ref)/informant").status == .notFound)
            #expect(try await browser.get("/support/\(ref)/unknown").status == .notFound)
            browser.forgetCookies()
            _ = try await InviteRouteTests.signIn(browser, token: clientToken)
            let today = try await browser.get("/")
            let clientRef = try #require(today.homeworkRefs.first)
            #expect(try await browser.get("/support/\(clientRef)/confirm").status == .notFound)
            #expect(try await browser.get("/support/\(ref)/confirm").status == .notFound)
        }
    }

    @Test func pausedAndRemovedSupportersCanDoNothing() async throws {
        let harness = try await PortalHarness()
        let (speech, parent) = try await Self.parent(harness)
        let token = try await harness.practice.inviteSupporter(parent.id).token
        try await harness.test { browser in
            _ = try await InviteRouteTests.signIn(browser, token: token, keep: true)
            let ref = try Self.actionRef(try await browser.get("/"), "confirm")
            let form = try await browser.get("/support/\(ref)/confirm")
            _ = try await harness.practice.setSupporterStatus(
                parent.id, to: .paused, reason: "holiday")
            let paused = try await browser.get("/")
            #expect(paused.html.contains("paused"))
            #expect(!paused.html.contains("/confirm\""))
            let refused = try await browser.post(
                "/support/\(ref)/confirm",
                [("_csrf", form.input("_csrf")!), ("_key", form.input("_key")!), ("_send", "yes")])
            #expect(refused.status != .ok)
            _ = try await harness.practice.setSupporterStatus(
                parent.id, to: .active, reason: nil)
            _ = try await harness.practice.setSupporterStatus(
                parent.id, to: .removed, reason: "moved away")
            let removed = try await browser.get("/")
            #expect(!removed.html.contains("Helping with homework"), "signed out")
        }
        #expect(try await harness.practice.store.entries(.init(assignmentID: speech.id)).isEmpty)
        #expect(try await harness.practice.supporter(parent.id).status == .removed)
    }
}
