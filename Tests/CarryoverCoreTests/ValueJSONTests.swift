import Foundation
import Testing

@testable import CarryoverCore

/// The direct JSON reader and writer against RFC 8259 and against
/// Foundation's JSONDecoder path they replace.
@Suite struct ValueJSONTests {
    @Test(arguments: [
        ("0", Value.int(0)), ("-12", .int(-12)), ("9223372036854775807", .int(.max)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)), ("2.5", .double(2.5)),
        ("2.0", .double(2)), ("1e3", .double(1000)), ("-1.5E-2", .double(-0.015)),
        ("true", .bool(true)), ("null", .null), (#""a\"b\\c\/d\n""#, .string("a\"b\\c/d\n")),
        (#""\u00e9\ud83d\ude00""#, .string("é😀")),
        (" [ 1 , [ ] , { } ] ", .array([.int(1), .array([]), .object([:])])),
        (
            #"{"b":1,"a":{"c":[true,false]}}"#,
            .object(["a": .object(["c": .array([.bool(true), .bool(false)])]), "b": .int(1)])
        ),
    ])
    func reads(json: String, value: Value) throws {
        #expect(try Value.parse(json: json) == value)
    }

    @Test(arguments: [
        "", "01", "1.", ".5", "-", "+1", "1e", "tru", "nul", "[1,]", "[1 2]", "{\"a\"}", "{a:1}",
        "\"abc", "\"\\x\"", "\"\\ud800\"", "\"\u{01}\"", "1 2", "NaN", "Infinity", "1e999",
    ])
    func refuses(json: String) {
        #expect(throws: CoreError.self) { try Value.parse(json: json) }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: CoreError.self) { try Value.parse(json: deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try Value.parse(json: fine) }
    }

    @Test func writesCanonicalJSON() {
        let value: Value = [
            "b": 2.0, "a": ["x\u{01}y\t\"", "é", .null, .int(-3), 0.1, 1e-5],
        ]
        #expect(value.canonicalJSON() == #"{"a":["x\u0001y\t\"","é",null,-3,0.1,1e-05],"b":2.0}"#)
    }

    /// Random values survive writing and reading unchanged, and JSONDecoder
    /// reads the writer's text to the same value (integral doubles aside,
    /// which it turns into integers: the reason for the writer's "2.0").
    @Test func roundTripsRandomValuesLikeFoundation() throws {
        var random = SeededRandom(seed: 8259)
        for _ in 0..<300 {
            let value = Self.randomValue(&random, depth: 0)
            let text = value.canonicalJSON()
            #expect(try Value.parse(json: text) == value, "\(text)")
            let foundation = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
            #expect(foundation.canonicalJSON() == Self.integralDoublesAsInts(value).canonicalJSON())
        }
    }

    static let plainStrings = [
        "", "a", "é", "😀", "line\nbreak", "quote\"", "tab\t", "\u{7f}", "back\\slash",
    ]

    /// A random value whose strings (and keys' tails) come from `strings`.
    static func randomValue(
        _ random: inout SeededRandom, depth: Int, strings: [String] = plainStrings
    ) -> Value {
        switch random.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int64(bitPattern: random.next()) >> (random.next() % 64))
        case 3:
            return .double(
                (random.nextUnitDouble() - 0.5) * pow(10, Double(random.next() % 20) - 10))
        case 4: return .string(strings[Int(random.next() % UInt64(strings.count))])
        case 5:
            return .array(
                (0..<Int(random.next() % 4)).map { _ in
                    randomValue(&random, depth: depth + 1, strings: strings)
                })
        default:
            var members: [String: Value] = [:]
            for index in 0..<Int(random.next() % 4) {
                members["k\(index)\(strings[index])"] = randomValue(
                    &random, depth: depth + 1, strings: strings)
            }
            return .object(members)
        }
    }

    static func integralDoublesAsInts(_ value: Value) -> Value {
        switch value {
        case .double(let d) where d.rounded() == d && abs(d) < 9e15: return .int(Int64(d))
        case .array(let a): return .array(a.map(integralDoublesAsInts))
        case .object(let o): return .object(o.mapValues(integralDoublesAsInts))
        default: return value
        }
    }
}

/// JSON output keeps every number exact for readers that use doubles.
@Suite struct JSONSafeNumbersTests {
    @Test func integersBeyondTwoToTheFiftyThreeBecomeStrings() {
        // 2^53 = 9007199254740992 is exact as a double; 2^53 + 1 is not.
        let json =
            #"{"a":9007199254740992,"b":9007199254740993,"c":-9007199254740993,"#
            + #""d":18446744073709551615,"e":1.5e300,"f":"12345678901234567890","g":[3,-4]}"#
        #expect(
            JSONSafeNumbers.quotingLargeIntegers(json)
                == #"{"a":9007199254740992,"b":"9007199254740993","c":"-9007199254740993","#
                + #""d":"18446744073709551615","e":1.5e300,"f":"12345678901234567890","g":[3,-4]}"#)
    }

    @Test func stringsWithQuotesAndDigitsAreLeftAlone() {
        let json = #"{"note":"seed \"18446744073709551615\" kept","n":10000000000000000000}"#
        #expect(
            JSONSafeNumbers.quotingLargeIntegers(json)
                == #"{"note":"seed \"18446744073709551615\" kept","n":"10000000000000000000"}"#)
    }
}
