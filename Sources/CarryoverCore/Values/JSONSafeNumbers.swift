/// Keeps every number in JSON output exact for readers that hold numbers as
/// IEEE doubles (JavaScript, jq): an integer beyond ±2^53 (a reinforcement
/// seed, a large integer a plugin stored) is written as a decimal string.
///
/// Doubles are left alone: they came from a double, so a double reads them
/// back exactly.
package enum JSONSafeNumbers {
    /// 2^53: every integer up to it in magnitude is exact as a double.
    package static let largestExactInteger: UInt64 = 9_007_199_254_740_992

    /// `json` with every integer literal beyond ±2^53 put in quotes; the rest
    /// byte for byte as it was.
    package static func quotingLargeIntegers(_ json: String) -> String {
        var output: [UInt8] = []
        let bytes = Array(json.utf8)
        output.reserveCapacity(bytes.count)
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                output.append(byte)
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    output.append(bytes[index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                output.append(byte)
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "-") || isDigit(byte) else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
            let token = bytes[index..<end]
            if isLargeInteger(token) {
                output.append(UInt8(ascii: "\""))
                output += token
                output.append(UInt8(ascii: "\""))
            } else {
                output += token
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        isDigit(byte)
            || [
                UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                UInt8(ascii: "+"), UInt8(ascii: "-"),
            ].contains(byte)
    }

    /// An integer literal (no fraction, no exponent) whose magnitude is above 2^53.
    private static func isLargeInteger(_ token: ArraySlice<UInt8>) -> Bool {
        let digits = token.first == UInt8(ascii: "-") ? token.dropFirst() : token
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return false }
        let limit = Array(String(largestExactInteger).utf8)
        if digits.count != limit.count { return digits.count > limit.count }
        return digits.lexicographicallyPrecedes(limit) == false && Array(digits) != limit
    }
}
