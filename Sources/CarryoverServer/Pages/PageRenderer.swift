import Hummingbird
import Mustache

/// Renders pages from the escaping templates into HTML responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let clinic: String

    init(clinic: String) throws {
        var library = MustacheLibrary()
        let templates: [(String, String)] = [
            ("layout", LayoutTemplates.layout), ("message", LayoutTemplates.message),
            ("help", LayoutTemplates.help), ("invite", LayoutTemplates.invite),
            ("field", FieldTemplate.field), ("label", FieldTemplate.label),
            ("legend", FieldTemplate.legend), ("today", PageTemplates.today),
            ("form", PageTemplates.form), ("result", PageTemplates.result),
            ("safetyPlan", PageTemplates.safetyPlan),
            ("supporterStart", SupporterTemplates.start),
            ("supporterDone", SupporterTemplates.done),
        ]
        for (name, text) in templates { try library.register(text, named: name) }
        self.library = library
        self.clinic = clinic
    }

    /// What the frame around every page shows.
    struct Chrome: Sendable {
        var signedIn = false
        var hasSafetyPlan = false
        var csrf = ""

        static let visitor = Chrome()
    }

    /// A full page: `template` rendered with `view`, inside the frame.
    func page(
        _ template: String, title: String, view: Any, chrome: Chrome,
        status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) -> Response {
        let body = library.render(view, withTemplate: template) ?? ""
        let frame = LayoutView(
            title: title, clinic: clinic, signedIn: chrome.signedIn,
            hasSafetyPlan: chrome.hasSafetyPlan, csrf: chrome.csrf, body: body)
        let html = library.render(frame, withTemplate: "layout") ?? ""
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(
            status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A page with a heading and one message (errors, signed out).
    func message(
        heading: String, _ message: String, status: HTTPResponse.Status, chrome: Chrome,
        showHome: Bool = false
    ) -> Response {
        page(
            "message", title: heading,
            view: MessageView(heading: heading, message: message, showHome: showHome),
            chrome: chrome, status: status)
    }
}

struct LayoutView {
    let title: String
    let clinic: String
    let signedIn: Bool
    let hasSafetyPlan: Bool
    let csrf: String
    let body: String
}

struct MessageView {
    let heading: String
    let message: String
    let showHome: Bool
}
