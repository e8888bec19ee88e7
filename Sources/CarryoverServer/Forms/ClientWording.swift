/// Validation messages in words for the client filling a form: the field
/// checks speak to a therapist at a terminal ("is required"), a form beside
/// the field says "Please answer this." The plugin's own messages pass as
/// written (capitalised), since a homework type writes them for clients.
enum ClientWording {
    static func message(_ text: String) -> String {
        let exact: [String: String] = [
            "is required": "Please answer this.",
            "must not be empty": "Please write something here.",
            "expected a number": "Please enter a number.",
            "must be a whole number": "Please enter a whole number.",
            "expected a date written YYYY-MM-DD": "Please enter a date.",
            "expected a time written HH:MM (24-hour)": "Please enter a time.",
            "expected true or false": "Please choose yes or no.",
            "is chosen twice": "This is chosen twice.",
            "is not a field of this form":
                "Something unexpected was sent with this form; reload the page and try again.",
        ]
        if let plain = exact[text] { return plain }
        if text.hasPrefix("must be one of") { return "Please choose one of the options." }
        if text.hasPrefix("needs at least "), let count = number(after: "needs at least ", in: text)
        {
            return "Please fill in at least \(count)."
        }
        if text.hasPrefix("allows at most "), let count = number(after: "allows at most ", in: text)
        {
            return "Please keep it to \(count) at most."
        }
        if text.hasPrefix("must be ") { return "This " + text + "." }
        if text.hasPrefix("is "), text.contains("the most allowed is") {
            return "This "
                + text.replacingOccurrences(
                    of: "; the most allowed is", with: "; please keep it to")
                + "."
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private static func number(after prefix: String, in text: String) -> Int? {
        Int(text.dropFirst(prefix.count).prefix { $0.isNumber })
    }
}
