import Mustache

// The result page after every form answers Mustache by name, as the form's
// views do (FieldView+Mustache.swift): by reflection it was a tenth of the
// CPU of a form submission under load (benchmark scenario 6). Same values;
// a nil optional answers nil, as reflection did, so the lookup goes on up
// the stack.

extension ResultView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "risk": risk
        case "crisisMessage": crisisMessage
        case "hasSafetyPlan": hasSafetyPlan
        case "heading": heading
        case "replayed": replayed
        case "feedback": feedback
        case "hasFeedback": hasFeedback
        case "earned": earned
        case "hasEarned": hasEarned
        case "balance": balance
        case "hasBalance": hasBalance
        case "streak": streak
        case "hasStreak": hasStreak
        case "late": late
        case "progressText": progressText
        case "nextText": nextText
        case "hasNext": hasNext
        case "reading": reading
        default: nil
        }
    }
}

extension ReadingFeedbackView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lines": lines
        case "passed": passed
        case "retryHref": retryHref
        default: nil
        }
    }
}

extension ReadingFeedbackView.FeedbackLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "before": before
        case "linkText": linkText
        case "href": href
        case "hasLink": hasLink
        case "after": after
        default: nil
        }
    }
}
