import CarryoverCore

/// A reading on its form page: the title (escaped by the template) and the
/// text as HTML made safe by ``SafeMarkdown``.
struct ReadingView {
    let title: String
    /// Safe HTML (``SafeMarkdown``); the one value the template puts in unescaped.
    let html: String

    init(_ reading: Reading) {
        title = reading.title
        html = SafeMarkdown.html(reading.markdown)
    }
}
