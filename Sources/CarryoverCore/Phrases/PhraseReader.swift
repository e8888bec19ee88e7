import Foundation

/// Reads the short English phrases a therapist types on the command line
/// ("daily at 20:00 for 3 weeks", "5 of 7 days", "token economy") one word at
/// a time. Words are lower-cased; commas separate like spaces.
///
/// A reader never skips a word: a phrase is read only when every word was
/// used, and ``stopped(_:what:example:)`` says where reading stopped when one
/// was not, so a misread is always an error, never a silent guess.
struct PhraseReader {
    private(set) var words: [String]
    /// The words as typed, for names kept as they are (a reinforcer's name).
    private let typed: [String]
    private(set) var position = 0
    let phrase: String

    init(_ phrase: String) {
        self.phrase = phrase
        typed = phrase.replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: \.isWhitespace)
            .map(String.init)
        words = typed.map { $0.lowercased() }
    }

    var atEnd: Bool { position >= words.count }
    var peek: String? { atEnd ? nil : words[position] }
    /// The word after the next one.
    var peekSecond: String? { position + 1 < words.count ? words[position + 1] : nil }
    var rest: [String] { Array(words[min(position, words.count)...]) }

    mutating func next() -> String? {
        guard let word = peek else { return nil }
        position += 1
        return word
    }

    /// Consumes every word left and returns them as typed, or nil at the end.
    mutating func restAsTyped() -> String? {
        guard !atEnd else { return nil }
        defer { position = words.count }
        return typed[position...].joined(separator: " ")
    }

    /// Consumes `word` when it comes next.
    mutating func take(_ word: String) -> Bool {
        guard peek == word else { return false }
        position += 1
        return true
    }

    /// Consumes the first of `words` that comes next.
    mutating func takeAny(_ choices: Set<String>) -> String? {
        guard let word = peek, choices.contains(word) else { return nil }
        position += 1
        return word
    }

    /// Consumes a sequence of words when all of them come next.
    mutating func take(sequence: [String]) -> Bool {
        guard position + sequence.count <= words.count,
            Array(words[position..<position + sequence.count]) == sequence
        else { return false }
        position += sequence.count
        return true
    }

    /// Consumes a whole number written in digits only ("3", not "+3" or "3.0").
    /// Digits beyond `Int`'s range read as `Int.max`, so the check of the value
    /// refuses them naming its bound (never a trap, never "not understood").
    mutating func int() -> Int? {
        guard let word = peek, Self.isWholeNumber(word) else {
            return nil
        }
        position += 1
        return Int(word) ?? Int.max
    }

    /// `value` times `factor`, or `Int.max` when that overflows (a count a
    /// check then refuses).
    static func scaled(_ value: Int, by factor: Int) -> Int {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? Int.max : product
    }

    /// Consumes a number, with an optional trailing "%" or leading "$".
    mutating func number() -> Double? {
        guard var word = peek else { return nil }
        if word.hasSuffix("%") {
            word.removeLast()
        } else if word.hasPrefix("$") {
            word.removeFirst()
        }
        guard Self.isPlainNumber(word), let value = Double(word), value.isFinite else {
            return nil
        }
        position += 1
        return value
    }

    /// Digits only.
    static func isWholeNumber(_ word: String) -> Bool {
        !word.isEmpty && word.allSatisfy(\.isASCIIDigit)
    }

    /// Digits with at most one decimal point, and an optional leading minus:
    /// no exponents, "inf", "nan" or hexadecimal, which `Double` would accept.
    static func isPlainNumber(_ word: String) -> Bool {
        let digits = word.hasPrefix("-") ? word.dropFirst() : Substring(word)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && !parts[0].isEmpty
            && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
            && (parts.count == 1 || !parts[1].isEmpty)
    }

    /// The words read so far and the first one not understood, for an error:
    /// "read 'weekly on' but not 'mon-fry at 07:00'".
    var whereItStopped: String {
        let done = words[..<min(position, words.count)].joined(separator: " ")
        let left = rest.joined(separator: " ")
        if left.isEmpty { return "it ends too early, after '\(done)'" }
        if done.isEmpty { return "'\(left)' is not understood from its first word" }
        return "read '\(done)' but not '\(left)'"
    }

    /// The error for a phrase not read to its end: what it is, where reading
    /// stopped, a hint for the word it stopped at, and an example.
    func stopped(_ code: CoreError.Code, what: String, example: String) -> CoreError {
        let hint = peek.flatMap(Self.hint(for:)).map { "; \($0)" } ?? ""
        return CoreError(
            code,
            "cannot read the \(what) '\(phrase.trimmingCharacters(in: .whitespaces))': "
                + "\(whereItStopped)\(hint); write it like \(example)")
    }

    /// What a word that looks almost right should look like.
    private static func hint(for word: String) -> String? {
        let lower = word.lowercased()
        if lower.contains(":") || lower.hasSuffix("am") || lower.hasSuffix("pm") {
            return "times are 24-hour HH:MM, e.g. 07:30 or 19:00"
        }
        if lower.first?.isASCIIDigit == true, lower.contains("-") || lower.contains("/") {
            return "dates are YYYY-MM-DD, e.g. 2026-12-03"
        }
        if WeekdayWords.looksLikeADay(lower) {
            return "name weekdays mon, tue, wed, thu, fri, sat, sun (or in full), "
                + "a range such as mon-fri, or 'weekdays'"
        }
        return nil
    }
}

extension Character {
    /// 0-9 only (`isNumber` also takes other scripts' digits and fractions).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
