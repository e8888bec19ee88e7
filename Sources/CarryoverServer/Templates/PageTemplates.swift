/// The signed-in client's pages: today's homework, a homework form, the
/// answer after sending one, and the safety plan.
enum PageTemplates {
    static let today = #"""
        <h1>Today's homework</h1>
        <p class="lead">{{todayText}}</p>
        {{^hasHomework}}<p>Nothing is set for you right now. Your therapist will add homework after your next session.</p>{{/hasHomework}}
        <ul class="cards">
        {{#homework}}
        <li class="card">
        <h2>{{title}}</h2>
        <ul class="due">
        {{#due}}<li>{{text}} – {{#done}}<span class="done">done</span>{{/done}}{{^done}}{{#missed}}not done{{/missed}}{{^missed}}not done yet{{/missed}}{{/done}}</li>
        {{/due}}
        {{^hasDueToday}}<li>Nothing due today.</li>{{/hasDueToday}}
        {{#hasNext}}<li>Next: {{nextText}}</li>{{/hasNext}}
        </ul>
        <p class="progress">{{progressText}}</p>
        {{#hasEncouragements}}
        <div class="cheers">
        <h3>Messages for you</h3>
        <ul>{{#encouragements}}<li><q>{{text}}</q> <span class="from">– {{from}}, {{when}}</span></li>{{/encouragements}}</ul>
        </div>
        {{/hasEncouragements}}
        <p><a class="button" href="/homework/{{ref}}">Do “{{title}}” now</a></p>
        </li>
        {{/homework}}
        </ul>
        """#

    static let form = #"""
        <h1>{{title}}</h1>
        <div class="instructions">{{#instructions}}<p>{{.}}</p>{{/instructions}}</div>
        {{#hasProblems}}
        <section class="summary" aria-labelledby="summary-heading" tabindex="-1">
        <h2 id="summary-heading">Please check {{problemCount}} answer(s)</h2>
        <p>Nothing was saved yet. What you typed is still here.</p>
        <ul>
        {{#problems}}<li>{{#hasTarget}}<a href="#{{target}}">{{text}}</a>{{/hasTarget}}{{^hasTarget}}{{text}}{{/hasTarget}}</li>
        {{/problems}}
        </ul>
        </section>
        {{/hasProblems}}
        <form method="post" action="{{action}}" class="stack" novalidate>
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="_key" value="{{key}}">
        {{#fields}}{{> field}}{{/fields}}
        <button type="submit" name="_send" value="yes">{{submitLabel}}</button>
        </form>
        """#

    static let result = #"""
        {{#risk}}
        <section class="crisis" role="alert" aria-labelledby="crisis-heading">
        <h2 id="crisis-heading">Please read this now</h2>
        <p>{{crisisMessage}}</p>
        {{#hasSafetyPlan}}<p><a class="button" href="/safety-plan">Open my safety plan</a></p>{{/hasSafetyPlan}}
        <p>Your therapist has been told to look at your answers.</p>
        </section>
        {{/risk}}
        <h1>{{heading}}</h1>
        {{#replayed}}<p class="lead">This form was sent before, and your answers were saved once. Nothing was saved twice.</p>{{/replayed}}
        {{#hasFeedback}}<p class="feedback">{{feedback}}</p>{{/hasFeedback}}
        {{#late}}<p>This was saved after the time it was due, so it does not count toward your goal this time. Your therapist still sees it.</p>{{/late}}
        {{#hasEarned}}
        <h2>You earned</h2>
        <ul class="earned">{{#earned}}<li>{{.}}</li>{{/earned}}</ul>
        {{/hasEarned}}
        <ul class="facts">
        {{#hasBalance}}<li>Your balance: <strong>{{balance}}</strong></li>{{/hasBalance}}
        {{#hasStreak}}<li>Streak: <strong>{{streak}}</strong> in a row</li>{{/hasStreak}}
        <li>{{progressText}}</li>
        {{#hasNext}}<li>Next: {{nextText}}</li>{{/hasNext}}
        </ul>
        <p><a class="button" href="/">Back to today's homework</a></p>
        """#

    static let safetyPlan = #"""
        <h1>My safety plan</h1>
        <section class="crisis" aria-labelledby="crisis-heading">
        <h2 id="crisis-heading">If you are in crisis</h2>
        <p>{{crisisMessage}}</p>
        </section>
        {{^hasPlan}}<p>Your therapist will write your safety plan with you at your next session.</p>{{/hasPlan}}
        {{#sections}}
        <section class="plan">
        <h2>{{heading}}</h2>
        <ul>{{#items}}<li>{{text}}{{#hasPhone}} – <a href="tel:{{dial}}">call {{phone}}</a>{{/hasPhone}}</li>{{/items}}</ul>
        </section>
        {{/sections}}
        """#
}
