import CarryoverCore
import CarryoverPractice
import Foundation
import Hummingbird

extension PortalRoutes {
    /// Today's homework, or the signed-out page.
    func today(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard let (client, session) = try? anyoneSignedIn(context) else {
            return pages.message(
                heading: "Your homework", PortalError.signedOut.message, status: .ok,
                chrome: .visitor)
        }
        if client.supporterID != nil { return try await supporterStart(client, session) }
        try await practice.notePortalOpened(clientID: client.id)
        let homework = try await practice.portalHomework(clientID: client.id)
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        let view = TodayView(
            todayText: "Today is " + TimeText.day(practice.clock.now(), zone) + ".",
            homework: homework.map {
                HomeworkCard($0, ref: Self.ref($0.assignmentID, session), now: practice.clock.now())
            })
        return pages.page(
            "today", title: "Today's homework", view: view,
            chrome: try await chrome(client, session))
    }

    /// A homework form, empty, with a fresh idempotency key.
    func form(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (client, session) = try signedIn(context)
        let (assignment, assignments) = try await self.assignment(context, client, session)
        let declaration = try practice.portalDeclaration(of: assignment)
        return try await formPage(
            declaration, ref: Self.ref(assignment.id, session), key: PortalSecret.make(),
            renderer: FormRenderer(
                fields: Self.portalFields(declaration), input: FormInput(), problems: []),
            client: client, session: session, assignments: assignments, status: .ok)
    }

    /// A sent form: stored once (the key), or shown again with every problem
    /// beside its field and everything typed kept.
    func submit(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (client, session) = try signedIn(context)
        let form = try await FormBody.read(
            request, limit: configuration.maxBodyBytes, csrf: session.csrf)
        let (assignment, assignments) = try await self.assignment(context, client, session)
        guard let key = form.first("_key"), PortalSecret.isWellFormed(key) else {
            throw PortalError(
                .badRequest, "This form is incomplete; reload the page and try again.")
        }
        let declaration = try practice.portalDeclaration(of: assignment)
        let fields = Self.portalFields(declaration)
        var reader = FormReader(input: form)
        var entry = reader.entry(fields)
        // The client's own rating is kept with the entry, not among its fields.
        let quality = entry.object?[Self.qualityField.name]?.number.flatMap { Int(exactly: $0) }
        if case .object(var members) = entry {
            members[Self.qualityField.name] = nil
            entry = .object(members)
        }
        let ref = Self.ref(assignment.id, session)
        if let list = form.first("_add") {
            let renderer = FormRenderer(
                fields: fields, input: reader.normalized, problems: [], grownList: list)
            return try await formPage(
                declaration, ref: ref, key: key, renderer: renderer, client: client,
                session: session, assignments: assignments, status: .ok)
        }
        let outcome: LogOutcome
        do {
            outcome = try await practice.submitPortalEntry(
                clientID: client.id, timeZone: client.timeZone, assignment: assignment,
                fields: entry, idempotencyKey: key, quality: quality)
        } catch let error as PracticeError where error.code == .entryRejected {
            let renderer = FormRenderer(
                fields: fields, input: reader.normalized, problems: error.problems)
            return try await formPage(
                declaration, ref: ref, key: key, renderer: renderer, client: client,
                session: session, assignments: assignments, status: .unprocessableContent)
        }
        let chrome = try await chrome(client, session, assignments: assignments)
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        var view = ResultView(
            outcome, crisisMessage: configuration.crisisMessage,
            hasSafetyPlan: chrome.hasSafetyPlan, zone: zone, now: practice.clock.now())
        view.reading = ReadingFeedbackView(
            feedback: outcome.feedback, scores: outcome.entry.scores, declaration: declaration,
            ref: ref)
        return pages.page("result", title: view.heading, view: view, chrome: chrome)
    }

    /// The client's optional last question on every form: how well it went.
    /// Its name starts with '_' so it cannot meet a homework type's field.
    static let qualityField = FieldSpec(
        name: "_quality", kind: QualityRating.field.kind, label: QualityRating.field.label,
        optional: true)

    /// A homework type's fields as the portal asks them: the type's, then the rating.
    static func portalFields(_ declaration: HomeworkDeclaration) -> [FieldSpec] {
        declaration.fields + [qualityField]
    }

    /// The safety plan as it stands, with the crisis message first.
    func safetyPlan(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (client, session) = try signedIn(context)
        guard let plan = try await practice.portalSafetyPlan(clientID: client.id) else {
            throw PortalError(
                .notFound, "No safety plan is set up for you here. Ask your therapist about one.")
        }
        return pages.page(
            "safetyPlan", title: "My safety plan",
            view: SafetyPlanView(plan, crisisMessage: configuration.crisisMessage),
            chrome: try await chrome(client, session))
    }

    private func formPage(
        _ declaration: HomeworkDeclaration, ref: String, key: String, renderer: FormRenderer,
        client: PortalClient, session: PortalSessionData, assignments: PortalAssignments,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let fields = renderer.views(Self.portalFields(declaration))
        let view = FormView(
            declaration: declaration, ref: ref, csrf: session.csrf, key: key, fields: fields,
            problems: ProblemView.list(fields, formErrors: renderer.formErrors))
        let title = view.problems.isEmpty ? declaration.title : "Please check: \(declaration.title)"
        return pages.page(
            "form", title: title, view: view,
            chrome: try await chrome(client, session, assignments: assignments), status: status)
    }
}
