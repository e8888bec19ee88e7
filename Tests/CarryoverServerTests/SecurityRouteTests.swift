import CarryoverCore
import CarryoverExport
import Foundation
import HTTPTypes
import Testing

@testable import CarryoverPractice
@testable import CarryoverServer

/// The security rules of the portal, each tried against the router.
@Suite struct SecurityRouteTests {
    @Test func formsWithoutTheRightCSRFTokenStoreNothing() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await HomeworkRouteTests.openForm(
                browser, harness, title: "Thought record")
            let key = form.input("_key")!
            var missing = HomeworkRouteTests.thoughtRecord(csrf: "", key: key)
            missing.removeAll { $0.0 == "_csrf" }
            #expect(try await browser.post("/homework/\(ref)", missing).status == .forbidden)
            let wrong = HomeworkRouteTests.thoughtRecord(csrf: PortalSecret.make(), key: key)
            let refused = try await browser.post("/homework/\(ref)", wrong)
            #expect(refused.status == .forbidden)
            #expect(refused.html.contains("reload the page"))
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).isEmpty)
    }

    @Test func aCrossSitePostIsRefusedEvenWithTheToken() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await HomeworkRouteTests.openForm(
                browser, harness, title: "Thought record")
            let fields = HomeworkRouteTests.thoughtRecord(
                csrf: form.input("_csrf")!, key: form.input("_key")!)
            for site in ["cross-site", "same-site"] {
                let page = try await browser.post(
                    "/homework/\(ref)", fields, headers: [HTTPField.Name("Sec-Fetch-Site")!: site])
                #expect(page.status == .forbidden, "\(site)")
            }
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).isEmpty)
    }

    @Test func anOversizedBodyIsRefused() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            let (ref, form) = try await HomeworkRouteTests.openForm(
                browser, harness, title: "Thought record")
            var fields = HomeworkRouteTests.thoughtRecord(
                csrf: form.input("_csrf")!, key: form.input("_key")!)
            fields.append(("situation", String(repeating: "x", count: 70_000)))
            let page = try await browser.post("/homework/\(ref)", fields)
            #expect(page.status == .contentTooLarge)
            #expect(page.html.contains("Shorten"))
        }
        #expect(try await harness.practice.store.entries(.init(clientID: "c-1")).isEmpty)
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            for uri in ["/", "/help", "/invite/nope", "/portal.css", "/no-such-page"] {
                let page = try await browser.get(uri)
                let policy = try #require(page.headers[.contentSecurityPolicy], "\(uri)")
                #expect(
                    policy.contains("default-src 'none'") && policy.contains("style-src 'self'"))
                #expect(!policy.contains("unsafe-inline") && !policy.contains("script-src"))
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[.referrerPolicy] == "no-referrer")
                #expect(page.headers[.xFrameOptions] == "DENY")
                #expect(page.headers[.strictTransportSecurity] == nil)  // plain HTTP here
                if uri != "/portal.css" {
                    #expect(page.headers[.cacheControl] == "no-store", "\(uri)")
                    #expect(!page.html.contains("<script") && !page.html.contains("style="))
                }
            }
            #expect(try await browser.get("/no-such-page").status == .notFound)
            let css = try await browser.get("/portal.css")
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        }
    }

    @Test func logsNameRoutesNeverClientsTokensOrAnswers() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.inviteToken()
        try await harness.test { browser in
            _ = try await InviteRouteTests.signIn(browser, token: token)
            let ref = try #require(try await browser.get("/").homeworkRefs.first)
            let form = try await browser.get("/homework/\(ref)")
            _ = try await browser.post(
                "/homework/\(ref)",
                HomeworkRouteTests.thoughtRecord(
                    csrf: form.input("_csrf")!, key: form.input("_key")!,
                    situation: "Private situation text"))
        }
        let log = harness.log.text
        #expect(log.contains("GET /invite/{token} 200"))
        #expect(log.contains("POST /homework/{ref} 200"))
        for secret in [token, "c-1", "Secret Name", "Private situation", "Anxious"] {
            #expect(!log.contains(secret), "\(secret) in the log")
        }
    }

    @Test func theSafetyPlanIsOneTapAwayWhenAssigned() async throws {
        let harness = try await PortalHarness()
        try await harness.test { browser in
            _ = try await InviteRouteTests.signIn(browser, token: try await harness.inviteToken())
            #expect(!(try await browser.get("/").html.contains("/safety-plan")))
            #expect(try await browser.get("/safety-plan").status == .notFound)
            let plan = try await harness.practice.assign(
                AssignmentRequest(
                    clientID: "c-1", homeworkType: Practice.safetyPlanType,
                    schedule: "daily at 09:00"))
            _ = try await harness.practice.log(
                assignmentID: plan.id,
                fields: [
                    "warning_signs": ["Not sleeping"], "coping_strategies": ["Walk the dog"],
                    "distractions": ["Call my sister"],
                    "people_to_ask": [["name": "Sam", "phone": "0123"]],
                    "professionals": [["name": "Crisis line", "phone": "116 123"]],
                    "safe_environment": ["Keep pills with Sam"], "reasons_for_living": ["My kids"],
                ])
            let today = try await browser.get("/")
            #expect(today.html.contains(#"<a class="safety" href="/safety-plan">"#))
            // The plan is written with the therapist: it is shown, not listed as homework.
            #expect(today.homeworkRefs.count == 2)
            let page = try await browser.get("/safety-plan")
            #expect(page.status == .ok)
            #expect(page.html.contains("CALL-112-NOW") && page.html.contains("Walk the dog"))
            #expect(page.html.contains(#"Crisis line – <a href="tel:116123">call 116 123</a>"#))
            let help = try await browser.get("/help")
            #expect(help.html.contains("CALL-112-NOW") && help.html.contains("Open my safety plan"))
        }
    }

    @Test func theCalendarFeedServesExportICSAndCanBeRotatedAndRevoked() async throws {
        let harness = try await PortalHarness()
        let first = try await harness.practice.issueCalendarFeed(clientID: "c-1")
        try await harness.test { browser in
            let feed = try await browser.get("/calendar/\(first).ics")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let series = try await harness.practice.reminders(clientID: "c-1")
            let export = try ReminderCalendar(stamp: harness.clock.now()).render(series)
            #expect(feed.html == export)
            #expect(feed.html.contains("BEGIN:VALARM") && !feed.html.contains("Thought record"))
            let second = try await harness.practice.issueCalendarFeed(clientID: "c-1")
            #expect(try await browser.get("/calendar/\(first).ics").status == .notFound)
            #expect(try await browser.get("/calendar/\(second)").status == .ok)
            #expect(try await harness.practice.revokeCalendarFeed(clientID: "c-1"))
            #expect(try await browser.get("/calendar/\(second).ics").status == .notFound)
        }
        let actions = try await harness.practice.store.auditJournal(.init(clientID: "c-1"))
            .map(\.action)
        #expect(actions.contains("calendar.create") && actions.contains("calendar.rotate"))
        #expect(actions.contains("calendar.revoke"))
    }
}
