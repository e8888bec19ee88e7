import Foundation

/// Reads the short English phrases a therapist types on the command line
/// ("daily at 20:00 for 3 weeks", "5 of 7 days", "token economy") one word at
/// a time. Words are lower-cased; commas separate like spaces.
struct PhraseReader {
    private(set) var words: [String]
    private var position = 0
    let phrase: String

    init(_ phrase: String) {
        self.phrase = phrase
        words = phrase.lowercased()
            .replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: \.isWhitespace)
            .map(String.init)
    }

    var atEnd: Bool { position >= words.count }
    var peek: String? { atEnd ? nil : words[position] }
    var rest: [String] { Array(words[min(position, words.count)...]) }

    mutating func next() -> String? {
        guard let word = peek else { return nil }
        position += 1
        return word
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

    /// Consumes a whole number. Digits beyond `Int`'s range read as `Int.max`,
    /// so the check of the value refuses them naming its bound (never a trap,
    /// never "not understood").
    mutating func int() -> Int? {
        guard let word = peek else { return nil }
        let digits = word.hasPrefix("-") || word.hasPrefix("+") ? word.dropFirst() : word[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        position += 1
        return Int(word) ?? (word.hasPrefix("-") ? Int.min : Int.max)
    }

    /// `value` times `factor`, or `Int.max` when that overflows (a count a
    /// check then refuses).
    static func scaled(_ value: Int, by factor: Int) -> Int {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? Int.max : product
    }

    /// Consumes a number, with an optional trailing "%" or "$".
    mutating func number() -> Double? {
        guard var word = peek else { return nil }
        word = word.trimmingCharacters(in: CharacterSet(charactersIn: "%$"))
        guard let value = Double(word), value.isFinite else { return nil }
        position += 1
        return value
    }
}
