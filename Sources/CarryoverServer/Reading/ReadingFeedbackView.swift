import CarryoverCore

/// The answer to a reading's check questions: the feedback line by line, each
/// pointer to a section (`“Title” (#anchor)`, as the DSL writes it) a link
/// back to that part of the text, and a way to try again until it passes.
struct ReadingFeedbackView {
    let lines: [FeedbackLine]
    let passed: Bool
    let retryHref: String

    /// One line of feedback: text, and maybe a link to a section in the middle.
    struct FeedbackLine {
        let before: String
        let linkText: String
        let href: String
        let hasLink: Bool
        let after: String
    }

    /// `nil` unless `declaration` has a reading and `feedback` is given.
    init?(
        feedback: String?, scores: [String: Double], declaration: HomeworkDeclaration, ref: String
    ) {
        guard let reading = declaration.readings.first, let feedback, !feedback.isEmpty else {
            return nil
        }
        let anchors = Set(reading.checks.map(\.section))
        retryHref = "/homework/\(ref)"
        passed = scores["passed"] == 1
        // The result page's own URL is /homework/REF (the POST): a link there
        // with only a #fragment would scroll this page instead of opening the form.
        lines = feedback.split(separator: "\n").map { line in
            Self.line(String(line), anchors: anchors, page: "/homework/\(ref)?again=1")
        }
    }

    /// Splits `… see “Title” (#anchor).` around the quoted title; a line
    /// without a known anchor stays text.
    private static func line(_ line: String, anchors: Set<String>, page: String) -> FeedbackLine {
        let plain = FeedbackLine(before: line, linkText: "", href: "", hasLink: false, after: "")
        guard let marker = line.range(of: " (#"),
            let close = line[marker.upperBound...].firstIndex(of: ")"),
            anchors.contains(String(line[marker.upperBound..<close])),
            let quoteEnd = line[..<marker.lowerBound].lastIndex(of: "”"),
            let quoteStart = line[..<quoteEnd].lastIndex(of: "“")
        else { return plain }
        let anchor = String(line[marker.upperBound..<close])
        return FeedbackLine(
            before: String(line[..<quoteStart]),
            linkText: String(line[line.index(after: quoteStart)..<quoteEnd]),
            href: "\(page)#\(anchor)", hasLink: true,
            after: String(line[line.index(after: close)...]))
    }
}
