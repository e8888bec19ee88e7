import CarryoverCore
import CarryoverLua
import Testing

@testable import CarryoverPluginKit

@Suite struct ShrinkAndLiteralTests {
    @Test func numbersMoveTowardZeroAndTheBoundsThenStop() {
        // Worked by hand: 10 -> candidates 0 (fails), 5 (a bound, holds);
        // 5 -> candidates 0 and 2 both fail, so 5 is the fixed point.
        var shrinker = InputShrinker(bounds: [0, 5])
        let result = shrinker.shrink(["a": 10, "b": "hello"]) { ($0["a"]?.number ?? 0) >= 3 }
        #expect(result == ["a": 5])
    }

    @Test func stringsShortenWhileTheFailureHolds() {
        // "abxcd" -> "abxc" -> "abx": every shorter prefix loses the "x".
        var shrinker = InputShrinker(bounds: [])
        let result = shrinker.shrink(.string("abxcd")) { $0.string?.contains("x") == true }
        #expect(result == .string("abx"))
    }

    @Test func listsLoseItemsAndFractionsGetShort() {
        var shrinker = InputShrinker(bounds: [])
        let list = shrinker.shrink([1, 2, 3, 4, 7, 8]) { $0.array?.contains(7) == true }
        #expect(list == [7])
        // 124.803: the whole candidates 0, 62 and 124 lose the fraction; 0.5 keeps it.
        let fraction = shrinker.shrink(.double(124.803)) { value in
            value.number.map { $0 != $0.rounded() } == true
        }
        #expect(fraction == .double(0.5))
    }

    @Test func luaLiteralsLoadBackToTheSameValue() throws {
        let value: Value = [
            "text": "Zoë said \"hi\"\n\tthen \u{1}left 😊",
            "end": true, "two words": [1, 2.5, "x"], "nested": ["n": -3],
        ]
        let sandbox = try Sandbox(
            plugin: "literal", clock: FixedClock(LuaTestRunner.testInstant), seed: 0)
        let loaded = try sandbox.load("return " + LuaLiteral.render(value), chunkName: "literal")
        #expect(loaded == value)
        #expect(LuaLiteral.render(["end": 1, "ok": "a\u{1}"]) == #"{ ["end"] = 1, ok = "a\001" }"#)
    }
}
