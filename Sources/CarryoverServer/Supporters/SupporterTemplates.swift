/// The supporter's pages: the homework they help with, and what they may
/// do for it. Nothing here shows a score, a note, a flag, a streak or a balance.
enum SupporterTemplates {
    static let start = #"""
        <h1>Helping with homework</h1>
        <p class="lead">Hello {{name}}. {{todayText}}</p>
        {{#paused}}<p class="notice">Your therapist has paused what you can do here for now. You can still look at this page.</p>{{/paused}}
        {{^hasHomework}}<p>There is nothing to help with right now. The therapist will tell you when there is.</p>{{/hasHomework}}
        <ul class="cards">
        {{#homework}}
        <li class="card">
        <h2>{{title}}</h2>
        {{#canSee}}
        <ul class="due">
        {{#due}}<li>{{text}} – {{#done}}<span class="done">done</span>{{/done}}{{^done}}{{#missed}}not done{{/missed}}{{^missed}}not done yet{{/missed}}{{/done}}</li>
        {{/due}}
        {{^hasDueToday}}<li>Nothing due today.</li>{{/hasDueToday}}
        {{#hasNext}}<li>Next: {{nextText}}</li>{{/hasNext}}
        </ul>
        {{/canSee}}
        {{#hasConfirmed}}<p>You confirmed practice today at {{confirmedText}}.</p>{{/hasConfirmed}}
        {{^paused}}
        <ul class="actions">
        {{#canConfirm}}<li><a class="button" href="/support/{{ref}}/confirm">I saw “{{title}}” happen</a></li>{{/canConfirm}}
        {{#canEncourage}}<li><a class="button" href="/support/{{ref}}/message">Send a message about “{{title}}”</a></li>{{/canEncourage}}
        {{#hasInformant}}<li><a class="button" href="/support/{{ref}}/informant">Fill in “{{informantTitle}}”</a></li>{{/hasInformant}}
        </ul>
        {{/paused}}
        </li>
        {{/homework}}
        </ul>
        """#

    static let done = #"""
        <h1>{{heading}}</h1>
        {{#replayed}}<p class="lead">This form was sent before and was saved once. Nothing was saved twice.</p>{{/replayed}}
        <p class="lead">{{message}}</p>
        <p><a class="button" href="/">Back to the start page</a></p>
        """#
}
