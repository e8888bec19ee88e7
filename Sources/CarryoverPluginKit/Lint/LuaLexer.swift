import CarryoverLua

/// One token of Lua source with the line it starts on.
struct LuaToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case name
        case keyword
        case string
        case number
        /// Operators and punctuation, e.g. `=`, `==`, `..`, `{`, `::`.
        case symbol
    }

    var kind: Kind
    var text: String
    var line: Int

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
    func isKeyword(_ word: String) -> Bool { kind == .keyword && text == word }
}

/// Splits Lua 5.4 source into tokens, skipping comments and whitespace.
///
/// Only what the linter needs: names, keywords, strings (short and long),
/// numbers and symbols, each with its line. Malformed source never traps; an
/// unterminated string or comment simply runs to the end (the loader reports
/// the syntax error itself).
struct LuaLexer {
    static let keywords = LuaLiteral.keywords
    /// Longest first, so `...` wins over `..` and `.`.
    private static let symbols = [
        "...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>",
        "+", "-", "*", "/", "%", "^", "#", "&", "~", "|", "<", ">", "=",
        "(", ")", "{", "}", "[", "]", ";", ":", ",", ".",
    ].map { Array($0.utf8) }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// Every token of the source, in order.
    static func tokens(_ source: String) -> [LuaToken] {
        var lexer = LuaLexer(source)
        var tokens: [LuaToken] = []
        while let token = lexer.next() { tokens.append(token) }
        return tokens
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
    }

    mutating func next() -> LuaToken? {
        skipSpaceAndComments()
        guard let byte = peek() else { return nil }
        let start = index
        let startLine = line
        func token(_ kind: LuaToken.Kind) -> LuaToken {
            LuaToken(
                kind: kind, text: String(decoding: bytes[start..<index], as: UTF8.self),
                line: startLine)
        }
        if isNameStart(byte) {
            while let next = peek(), isNameStart(next) || isDigit(next) { advance() }
            let word = token(.name)
            return Self.keywords.contains(word.text) ? token(.keyword) : word
        }
        if isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(isDigit) == true) {
            skipNumber()
            return token(.number)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            skipShortString(quote: byte)
            return token(.string)
        }
        if byte == UInt8(ascii: "["), let level = longBracketLevel() {
            skipLongBracket(level: level)
            return token(.string)
        }
        let symbol =
            Self.symbols.first { symbol in
                symbol.indices.allSatisfy { peek($0) == symbol[$0] }
            } ?? [byte]
        for _ in symbol { advance() }
        return token(.symbol)
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipSpaceAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-") {
                advance()
                advance()
                if peek() == UInt8(ascii: "["), let level = longBracketLevel() {
                    skipLongBracket(level: level)
                } else {
                    while let next = peek(), next != UInt8(ascii: "\n") { advance() }
                }
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B
                || byte == 0x0C
            {
                advance()
            } else {
                return
            }
        }
    }

    /// Digits, hex digits, a fraction, an exponent with its sign.
    private mutating func skipNumber() {
        while let byte = peek() {
            let isExponent =
                byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "p")
                || byte == UInt8(ascii: "P")
            if isExponent, let sign = peek(1),
                sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
            {
                advance()
                advance()
            } else if isNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".") {
                advance()
            } else {
                return
            }
        }
    }

    private mutating func skipShortString(quote: UInt8) {
        advance()
        while let byte = peek() {
            advance()
            if byte == quote || byte == UInt8(ascii: "\n") { return }
            if byte == UInt8(ascii: "\\"), peek() != nil { advance() }
        }
    }

    /// The level of a long bracket `[==[` starting here, or nil if this `[` opens none.
    private func longBracketLevel() -> Int? {
        var level = 0
        while peek(1 + level) == UInt8(ascii: "=") { level += 1 }
        return peek(1 + level) == UInt8(ascii: "[") ? level : nil
    }

    private mutating func skipLongBracket(level: Int) {
        for _ in 0..<(level + 2) { advance() }
        while let byte = peek() {
            if byte == UInt8(ascii: "]"), (0..<level).allSatisfy({ peek(1 + $0) == 0x3D }),
                peek(1 + level) == UInt8(ascii: "]")
            {
                for _ in 0..<(level + 2) { advance() }
                return
            }
            advance()
        }
    }
}
