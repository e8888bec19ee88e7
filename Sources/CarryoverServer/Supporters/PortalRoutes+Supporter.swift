import CarryoverCore
import CarryoverPractice
import Foundation
import Hummingbird

/// What a supporter can send about one homework, each a small form.
enum SupporterAction: String, CaseIterable, Sendable {
    case confirm, message, informant

    /// The message form's one field: plain text, a line or two.
    static let messageField = FieldSpec(
        name: "message", kind: .text(maxLength: Encouragement.maxLength), label: "Your message",
        help: "A line or two. It is shown on their homework page for a week.")
}

extension PortalRoutes {
    /// Registers the supporter's form routes (their start page is `/`).
    func addSupporterRoutes(to router: Router<PortalContext>) {
        router.get("/support/:ref/:action") { request, context in
            try await supportForm(request, context)
        }
        router.post("/support/:ref/:action") { request, context in
            try await supportSubmit(request, context)
        }
    }

    /// The supporter's start page: what they help with today.
    func supporterStart(_ client: PortalClient, _ session: PortalSessionData) async throws
        -> Response
    {
        let page = try await practice.supporterPage(
            supporterID: try supporterID(client), clientID: client.id)
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        let now = practice.clock.now()
        let view = SupporterStartView(
            page, todayText: "Today is " + TimeText.day(now, zone) + ".",
            refs: { Self.ref($0, session) }, now: now)
        return pages.page(
            "supporterStart", title: "Helping with homework", view: view,
            chrome: try await chrome(client, session))
    }

    /// A supporter's form, empty, with a fresh idempotency key.
    func supportForm(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (client, session, id, action) = try await supporterRequest(context)
        let form = try await supportFormSpec(action, client: client, assignmentID: id)
        return try await supportPage(
            form, action: action, ref: Self.ref(id, session), key: PortalSecret.make(),
            renderer: FormRenderer(fields: form.fields, input: FormInput(), problems: []),
            client: client, session: session, status: .ok)
    }

    /// A supporter's sent form: stored once per key, or shown again with its problems.
    func supportSubmit(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (client, session, id, action) = try await supporterRequest(context)
        let body = try await FormBody.read(
            request, limit: configuration.maxBodyBytes, csrf: session.csrf)
        guard let key = body.first("_key"), PortalSecret.isWellFormed(key) else {
            throw PortalError(
                .badRequest, "This form is incomplete; reload the page and try again.")
        }
        let form = try await supportFormSpec(action, client: client, assignmentID: id)
        var reader = FormReader(input: body)
        let fields = reader.entry(form.fields)
        let supporterID = try supporterID(client)
        let view: SupporterDoneView
        do {
            switch action {
            case .confirm:
                let outcome = try await practice.confirmPractice(
                    supporterID: supporterID, clientID: client.id, assignmentID: id,
                    fields: fields, idempotencyKey: key)
                view = SupporterDoneView(
                    heading: "Thank you", message: "Your confirmation was saved.",
                    replayed: outcome.replayed)
            case .message:
                let text = fields.object?["message"]?.string ?? ""
                let sent = try await practice.sendEncouragement(
                    supporterID: supporterID, clientID: client.id, assignmentID: id, text: text,
                    idempotencyKey: key)
                view = SupporterDoneView(
                    heading: "Message sent",
                    message: "It is shown on their homework page for a week.", replayed: !sent)
            case .informant:
                let outcome = try await practice.submitInformant(
                    supporterID: supporterID, clientID: client.id, assignmentID: id,
                    fields: fields, idempotencyKey: key)
                view = SupporterDoneView(
                    heading: "Thank you", message: "Your answers were saved for the therapist.",
                    replayed: outcome.replayed)
            }
        } catch let error as PracticeError where error.code == .entryRejected {
            let renderer = FormRenderer(
                fields: form.fields, input: reader.normalized, problems: error.problems)
            return try await supportPage(
                form, action: action, ref: Self.ref(id, session), key: key, renderer: renderer,
                client: client, session: session, status: .unprocessableContent)
        }
        return pages.page(
            "supporterDone", title: view.heading, view: view,
            chrome: try await chrome(client, session))
    }

    /// The signed-in supporter, the assignment the URL names among theirs, and the action.
    private func supporterRequest(_ context: PortalContext) async throws -> (
        PortalClient, PortalSessionData, String, SupporterAction
    ) {
        let (client, session) = try anyoneSignedIn(context)
        let supporterID = try supporterID(client)
        let ref = context.parameters.get("ref") ?? ""
        guard let action = SupporterAction(rawValue: context.parameters.get("action") ?? ""),
            let id = try await practice.supporterAssignmentIDs(
                supporterID: supporterID, clientID: client.id
            ).first(where: { Self.ref($0, session) == ref })
        else {
            throw PortalError(
                .notFound, "This homework is not on your list. Go back to the start page.")
        }
        return (client, session, id, action)
    }

    /// The supporter of a session; a client's session has no supporter pages.
    private func supporterID(_ client: PortalClient) throws -> String {
        guard let id = client.supporterID else { throw PortalError.notForSupporters }
        return id
    }

    /// What the form for `action` asks.
    private func supportFormSpec(
        _ action: SupporterAction, client: PortalClient, assignmentID: String
    ) async throws -> (title: String, instructions: String, submit: String, fields: [FieldSpec]) {
        switch action {
        case .confirm:
            return (
                "Confirm practice",
                "Send this when you saw the practice happen. It is saved with the time you send it.",
                "Confirm practice", SupporterConfirmation.fields
            )
        case .message:
            return (
                "Send a message",
                "Write a short encouragement. It is shown on their homework page.",
                "Send the message", [SupporterAction.messageField]
            )
        case .informant:
            let form = try await practice.informantForm(
                supporterID: try supporterID(client), clientID: client.id,
                assignmentID: assignmentID)
            return (form.title, form.instructions, "Save my answers", form.fields)
        }
    }

    private func supportPage(
        _ form: (title: String, instructions: String, submit: String, fields: [FieldSpec]),
        action: SupporterAction, ref: String, key: String, renderer: FormRenderer,
        client: PortalClient, session: PortalSessionData, status: HTTPResponse.Status
    ) async throws -> Response {
        let fields = renderer.views(form.fields)
        let view = FormView(
            title: form.title, instructions: form.instructions,
            action: "/support/\(ref)/\(action.rawValue)", submitLabel: form.submit,
            csrf: session.csrf, key: key, fields: fields,
            problems: ProblemView.list(fields, formErrors: renderer.formErrors))
        let title = view.problems.isEmpty ? form.title : "Please check: \(form.title)"
        return pages.page(
            "form", title: title, view: view, chrome: try await chrome(client, session),
            status: status)
    }
}
