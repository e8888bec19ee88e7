import CarryoverCore
import Testing

@testable import CarryoverServer

/// Reading material is a plugin's text: Markdown becomes HTML with no markup
/// of the plugin's own, links to the web or the page only, and no images.
@Suite struct SafeMarkdownTests {
    @Test func ordinaryMarkdownRendersWithAnchoredHeadings() {
        let html = SafeMarkdown.html(
            """
            ## Why it helps

            Writing a thought **down** slows it *down*.

            1. Situation
            2. Emotions

            - one
            - two
            """)
        #expect(html.contains(#"<h3 id="why-it-helps">Why it helps</h3>"#))
        #expect(html.contains("<strong>down</strong>"))
        #expect(html.contains("<em>down</em>"))
        #expect(html.contains("<ol><li>Situation</li><li>Emotions</li></ol>"))
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>"))
        #expect(SafeMarkdown.isAllowed(html))
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "Hello <script>alert(1)</script> there",
        "<div onclick=\"alert(1)\">click</div>",
        "<img src=x onerror=alert(1)>",
        "Text <b onmouseover=alert(1)>bold</b>",
        "<iframe src=\"https://evil.example\"></iframe>",
    ])
    func rawHTMLIsShownAsText(_ markdown: String) {
        let html = SafeMarkdown.html(markdown)
        #expect(!html.contains("<script"), "\(html)")
        #expect(!html.contains("<div"), "\(html)")
        #expect(!html.contains("<img"), "\(html)")
        #expect(!html.contains("<b "), "\(html)")
        #expect(!html.contains("<iframe"), "\(html)")
        #expect(html.contains("&lt;"), "\(html)")
        #expect(SafeMarkdown.isAllowed(html), "\(html)")
    }

    @Test func theScriptTagIsVisibleTextNotAnElement() {
        #expect(
            SafeMarkdown.html("<script>alert(1)</script>")
                == "&lt;script&gt;alert(1)&lt;/script&gt;")
    }

    @Test func webLinksStayWithNoReferrerAndOthersLoseTheirTarget() {
        #expect(
            SafeMarkdown.html("See [the NHS](https://www.nhs.uk/sleep).")
                == #"<p>See <a href="https://www.nhs.uk/sleep" rel="noopener noreferrer">the NHS</a>.</p>"#
        )
        #expect(
            SafeMarkdown.html("Go [up](#why-it-helps).")
                == ##"<p>Go <a href="#why-it-helps" rel="noopener noreferrer">up</a>.</p>"##)
        for target in [
            "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
            "vbscript:x", "//evil.example", "file:///etc/passwd",
        ] {
            let html = SafeMarkdown.html("Click [me](\(target)) now")
            #expect(!html.contains("href"), "\(target): \(html)")
            #expect(html.contains("me"), "\(target): \(html)")
            #expect(SafeMarkdown.isAllowed(html), "\(target): \(html)")
        }
    }

    @Test func aLinkThatTriesToLeaveItsAttributeIsNotRenderedAsMarkup() {
        let html = SafeMarkdown.html(#"[x](https://a.example"><script>alert(1)</script>)"#)
        #expect(!html.contains("<script"), "\(html)")
        #expect(SafeMarkdown.isAllowed(html), "\(html)")
        let quoted = SafeMarkdown.html(#"[x](https://a.example"onmouseover="alert(1))"#)
        #expect(!quoted.contains("onmouseover=\""), "\(quoted)")
    }

    @Test func imagesAreDroppedForTheirAltText() {
        let html = SafeMarkdown.html("Look: ![a calm bedroom](https://tracker.example/pixel.png)")
        #expect(!html.contains("<img"))
        #expect(!html.contains("tracker"))
        #expect(html.contains("a calm bedroom"))
    }

    @Test func codeBlocksLoseALanguageThatCouldBreakOut() {
        let html = SafeMarkdown.html("```x\" onmouseover=\"alert(1)\n<b>code</b>\n```")
        #expect(html == "<pre><code>&lt;b&gt;code&lt;/b&gt;</code></pre>")
    }

    @Test func theCheckRejectsAnythingUnlisted() {
        #expect(SafeMarkdown.isAllowed("<p>ok <a href=\"https://x\" rel=\"noopener\">x</a></p>"))
        #expect(!SafeMarkdown.isAllowed("<p onclick=\"x\">no</p>"))
        #expect(!SafeMarkdown.isAllowed("<script>x</script>"))
        #expect(!SafeMarkdown.isAllowed("<p>a < b</p>"))
        #expect(!SafeMarkdown.isAllowed("<img src=\"x\">"))
    }
}
