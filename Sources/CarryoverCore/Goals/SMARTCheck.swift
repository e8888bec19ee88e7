import Foundation

/// A letter of SMART (after Doran 1981, "There's a S.M.A.R.T. way to write
/// management's goals and objectives", in the clinical reading: specific,
/// measurable, achievable, relevant, time-bound).
public enum SMARTLetter: String, Sendable, Hashable, Codable, CaseIterable {
    case specific = "S"
    case measurable = "M"
    case achievable = "A"
    case relevant = "R"
    case timeBound = "T"
}

/// One letter a goal misses or meets only weakly, with a hint to fix it.
public struct SMARTFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Problem: String, Sendable, Hashable, Codable {
        /// The field is empty.
        case missing
        /// The field is there but does not do its job (no number, date passed, ...).
        case weak
    }

    public var letter: SMARTLetter
    public var problem: Problem
    /// What to write, starting with the letter, e.g. "M: say how you will measure it, ...".
    public var hint: String

    public var description: String { hint }
}

extension Goal {
    /// The fewest words that can name a behaviour and its situation ("walk after lunch").
    static let minimumSpecificWords = 3
    /// Weeks from today proposed when the time bound is missing.
    static let suggestedWeeks = 8

    /// The SMART letters this goal misses or meets weakly, in S-M-A-R-T order;
    /// empty when every letter is there.
    ///
    /// - Parameter today: the client's local date (from the injected clock),
    ///   to tell a time bound in the past.
    public func smartCheck(today: LocalDate) -> [SMARTFinding] {
        var findings: [SMARTFinding] = []
        func add(_ letter: SMARTLetter, _ problem: SMARTFinding.Problem, _ hint: String) {
            findings.append(
                SMARTFinding(letter: letter, problem: problem, hint: "\(letter.rawValue): \(hint)"))
        }
        let specificWords = Self.words(specific)
        if specificWords.isEmpty {
            add(
                .specific, .missing,
                "say what the client will do, e.g. "
                    + "'write a thought record after each panic attack'")
        } else if specificWords.count < Self.minimumSpecificWords {
            add(
                .specific, .weak,
                "name the behaviour and when or where it happens, e.g. "
                    + "'walk for 20 minutes after lunch'")
        }
        if Self.words(measure).isEmpty {
            add(
                .measurable, .missing,
                "say how you will measure it, e.g. '3 thought records a week'")
        } else if !Self.containsNumber(measure) {
            add(
                .measurable, .weak,
                "put a number in the measure, e.g. '3 thought records a week' rather than 'more'")
        }
        if Self.words(achievable).isEmpty {
            add(
                .achievable, .missing,
                "note why the target is within reach, e.g. 'already writes 1 a week'")
        }
        if Self.words(relevant).isEmpty {
            add(
                .relevant, .missing,
                "link it to a treatment problem, e.g. 'panic disorder: catastrophic thoughts'")
        }
        if let timeBound {
            if timeBound < today {
                add(
                    .timeBound, .weak,
                    "the date \(timeBound) has passed; set a date from \(today) on")
            }
        } else {
            let suggestion = today.adding(days: 7 * Self.suggestedWeeks)
            add(
                .timeBound, .missing,
                "set a date by which the goal is met, e.g. \(suggestion) "
                    + "(\(Self.suggestedWeeks) weeks from today)")
        }
        return findings
    }

    private static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation })
    }

    /// Digits or an English number word: a target needs a count to check against.
    private static func containsNumber(_ text: String) -> Bool {
        if text.contains(where: \.isNumber) { return true }
        let numberWords: Set<String> = [
            "once", "twice", "half", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "hundred",
        ]
        return words(text).contains { numberWords.contains($0.lowercased()) }
    }
}
