/// The page frame and the small pages every visitor may see. Mustache
/// escapes every `{{value}}`; the one triple-stache, `{{{body}}}`, inserts a
/// page that was itself rendered from an escaping template.
enum LayoutTemplates {
    static let layout = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{title}} – {{clinic}}</title>
        <link rel="stylesheet" href="/portal.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="top">
        <p class="brand">{{clinic}}</p>
        {{#signedIn}}
        <nav aria-label="Portal">
        <ul>
        <li><a href="/">Today</a></li>
        {{#hasSafetyPlan}}<li><a class="safety" href="/safety-plan">My safety plan</a></li>{{/hasSafetyPlan}}
        <li><form method="post" action="/sign-out"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">Sign out</button></form></li>
        </ul>
        </nav>
        {{/signedIn}}
        </header>
        <main id="main" tabindex="-1">
        {{{body}}}
        </main>
        <footer class="bottom"><p><a href="/help">Need help now?</a></p></footer>
        </body>
        </html>
        """#

    static let message = #"""
        <h1>{{heading}}</h1>
        <p class="lead">{{message}}</p>
        {{#showHome}}<p><a class="button" href="/">Go to today's homework</a></p>{{/showHome}}
        """#

    static let help = #"""
        <h1>Need help now?</h1>
        <section class="crisis" aria-labelledby="crisis-heading">
        <h2 id="crisis-heading">If you are in crisis</h2>
        <p>{{crisisMessage}}</p>
        </section>
        {{#hasSafetyPlan}}<p><a class="button" href="/safety-plan">Open my safety plan</a></p>{{/hasSafetyPlan}}
        <p>This page is not watched around the clock: your therapist reads your homework before your next session.</p>
        """#

    static let invite = #"""
        <h1>Welcome</h1>
        {{^supporter}}<p class="lead">This link signs you in to the homework your therapist set for you. It works once.</p>{{/supporter}}
        {{#supporter}}<p class="lead">This link signs you in as a supporter: you can help with the homework the therapist asked you to. It works once.</p>{{/supporter}}
        <form method="post" action="/invite" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="token" value="{{token}}">
        <div class="option">
        <input type="checkbox" id="keep" name="keep" value="yes">
        <label for="keep">Keep me signed in on this device for 30 days</label>
        </div>
        <p class="help">Leave this unticked on a shared or public device: you will be signed out after 12 hours.</p>
        <button type="submit">Open my homework</button>
        </form>
        """#
}
