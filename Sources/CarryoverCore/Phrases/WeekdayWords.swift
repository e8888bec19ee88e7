/// The words a schedule phrase names weekdays with: exact names only (a
/// word that merely starts like a day, such as "mon-fri" once was, or
/// "monkey", is never taken for one), ranges and the two groups.
enum WeekdayWords {
    private static let names: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        let spellings: [(Weekday, [String])] = [
            (.monday, ["mon", "monday"]), (.tuesday, ["tue", "tues", "tuesday"]),
            (.wednesday, ["wed", "weds", "wednesday"]),
            (.thursday, ["thu", "thur", "thurs", "thursday"]), (.friday, ["fri", "friday"]),
            (.saturday, ["sat", "saturday"]), (.sunday, ["sun", "sunday"]),
        ]
        for (day, words) in spellings {
            for word in words { names[word] = day }
            names[words.last! + "s"] = day  // "mondays"
        }
        return names
    }()

    /// Words that join the two ends of a range: "mon to fri", "mon - fri".
    static let rangeWords: Set<String> = ["to", "through", "thru", "-", "–"]

    /// The day a single word names ("mon", "Monday", "mondays").
    static func day(_ word: String) -> Weekday? { names[word] }

    /// The days one word names: a day, a range written as one word
    /// ("mon-fri", "monday–friday"), "weekdays" or "weekends".
    static func days(_ word: String) -> [Weekday]? {
        if let day = names[word] { return [day] }
        switch word {
        case "weekdays": return range(.monday, .friday)
        case "weekends", "weekend": return [.saturday, .sunday]
        default: break
        }
        let ends = word.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
        guard ends.count == 2, let first = names[String(ends[0])],
            let last = names[String(ends[1])]
        else { return nil }
        return range(first, last)
    }

    /// The days from `first` through `last`, going forward through the week
    /// (so "fri-mon" is Friday, Saturday, Sunday and Monday).
    static func range(_ first: Weekday, _ last: Weekday) -> [Weekday] {
        let count = (last.offset - first.offset + 7) % 7 + 1
        return (0..<count).map { Weekday.allCases[(first.offset + $0) % 7] }
    }

    /// Whether a word that is not a day starts like one ("mon-fry", "tuesdy"),
    /// so the error can say how to write days.
    static func looksLikeADay(_ word: String) -> Bool {
        days(word) == nil && Weekday.allCases.contains { word.hasPrefix($0.rawValue) }
    }
}
