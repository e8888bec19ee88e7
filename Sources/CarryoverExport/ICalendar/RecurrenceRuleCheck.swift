/// Checks that an RRULE given as text is a plain RFC 5545 rule before it goes
/// into a file: known parts, each once, FREQ present, nothing that could break
/// out of the content line.
enum RecurrenceRuleCheck {
    private static let parts: Set<String> = [
        "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
        "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]
    private static let frequencies: Set<String> = [
        "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
    ]

    /// The rule in upper case, or an error saying what is wrong with it.
    static func validated(_ rule: String) throws -> String {
        let text = rule.uppercased()
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=;,+-")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }) else {
            throw invalid("use only letters, digits and = ; , + -")
        }
        var seen: Set<String> = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", omittingEmptySubsequences: false)
            guard pair.count == 2, !pair[1].isEmpty, parts.contains(String(pair[0])) else {
                throw invalid("write NAME=VALUE parts such as FREQ=DAILY;COUNT=21")
            }
            guard seen.insert(String(pair[0])).inserted else {
                throw invalid("give each part once")
            }
            if pair[0] == "FREQ", !frequencies.contains(String(pair[1])) {
                throw invalid("FREQ must be DAILY, WEEKLY, MONTHLY, YEARLY or finer")
            }
        }
        guard seen.contains("FREQ") else { throw invalid("start it with FREQ=...") }
        guard !(seen.contains("COUNT") && seen.contains("UNTIL")) else {
            throw invalid("use COUNT or UNTIL, not both")
        }
        return text
    }

    private static func invalid(_ advice: String) -> ExportError {
        ExportError(.invalidRecurrenceRule, "A reminder's RRULE is not valid: \(advice).")
    }
}
