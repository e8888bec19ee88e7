import CarryoverCore
import Foundation
import Ink

/// Markdown from a homework type, as HTML the portal can show: the type is
/// untrusted code from another clinic, so nothing in its text may become
/// markup of its own.
///
/// Rendered with Ink, then narrowed by modifiers and checked:
/// - raw HTML (blocks and inline tags) is shown as text, escaped;
/// - links keep only `http`, `https` and same-page `#` targets, with
///   `rel="noopener noreferrer"`; any other link is its text alone;
/// - images are dropped and their alt text shown (no request leaves the
///   page for another site, and the CSP allows images from the portal only);
/// - headings move one level down (the page's title is the only `h1`) and get
///   an `id` from ``Reading/anchor(of:)``, the anchor feedback points to;
/// - code blocks lose their language class.
/// A final check allows listed tags and attributes only; if anything else
/// got through, the whole text is shown escaped, paragraph by paragraph.
enum SafeMarkdown {
    /// The tags Ink makes that may stay, with the attributes each may carry.
    static let allowed: [String: Set<String>] = [
        "p": [], "em": [], "strong": [], "s": [], "code": [], "pre": [], "blockquote": [],
        "hr": [], "br": [], "ul": [], "ol": ["start"], "li": [], "a": ["href", "rel"],
        "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"],
        "table": [], "thead": [], "tbody": [], "tr": [], "th": ["align"], "td": ["align"],
    ]

    /// The HTML of `markdown`, safe to put into a page as it is.
    static func html(_ markdown: String) -> String {
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .html) { escape(String($0.markdown)) })
        parser.addModifier(Modifier(target: .images) { imageText(String($0.markdown)) })
        parser.addModifier(Modifier(target: .links) { link($0.html) })
        parser.addModifier(Modifier(target: .headings) { heading($0.html, String($0.markdown)) })
        parser.addModifier(Modifier(target: .codeBlocks) { codeBlock(String($0.markdown)) })
        let html = parser.html(from: markdown)
        return isAllowed(html) ? html : plainParagraphs(markdown)
    }

    /// Whether every tag in `html` is listed in ``allowed`` with listed attributes only.
    static func isAllowed(_ html: String) -> Bool {
        let tag = /<\/?([a-z0-9]+)((?: [a-z]+="[^"<>]*")*) ?\/?>/
        let attribute = /\s([a-z]+)="/
        var tags = 0
        for match in html.matches(of: tag) {
            guard let permitted = allowed[String(match.output.1)] else { return false }
            for found in match.output.2.matches(of: attribute)
            where !permitted.contains(String(found.output.1)) {
                return false
            }
            tags += 1
        }
        return tags == html.count(where: { $0 == "<" })
    }

    /// `&`, `<`, `>` and `"` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether a link may keep its target: a web address or a same-page
    /// anchor, with nothing that could end the attribute.
    static func isSafeTarget(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("#")
        else { return false }
        return url.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F
                && !"\"'<>`\\".unicodeScalars.contains(scalar)
        }
    }

    private static func link(_ html: String) -> String {
        let open = "<a href=\""
        guard html.hasPrefix(open), html.hasSuffix("</a>"),
            let end = html.dropFirst(open.count).range(of: "\">")
        else { return escape(html) }
        let url = String(html[html.index(html.startIndex, offsetBy: open.count)..<end.lowerBound])
        let title = String(html[end.upperBound..<html.index(html.endIndex, offsetBy: -4)])
        guard isSafeTarget(url) else { return title }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer\">\(title)</a>"
    }

    private static func imageText(_ markdown: String) -> String {
        guard let start = markdown.range(of: "!["), let end = markdown.range(of: "](") else {
            return ""
        }
        return escape(String(markdown[start.upperBound..<end.lowerBound]))
    }

    private static func heading(_ html: String, _ markdown: String) -> String {
        let level = markdown.prefix { $0 == "#" }.count
        let shown = min(level + 1, 6)
        let title = markdown.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        let text = String(title.reversed().drop { $0 == "#" }.reversed())
            .trimmingCharacters(in: .whitespaces)
        let body = html.drop { $0 != ">" }.dropFirst().dropLast("</h\(level)>".count)
        return "<h\(shown) id=\"\(Reading.anchor(of: text))\">\(body)</h\(shown)>"
    }

    private static func codeBlock(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        while let last = lines.last,
            last.trimmingCharacters(in: .whitespaces).isEmpty
                || last.hasPrefix("```")
        {
            lines.removeLast()
        }
        return "<pre><code>\(escape(lines.joined(separator: "\n")))</code></pre>"
    }

    private static func plainParagraphs(_ markdown: String) -> String {
        markdown.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { "<p>\(escape($0))</p>" }
            .joined(separator: "\n")
    }
}
