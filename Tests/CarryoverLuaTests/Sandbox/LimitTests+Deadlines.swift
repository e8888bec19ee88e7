import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

extension LimitTests {
    /// Every limit case ends within 1.5 times its deadline: the default 1 s,
    /// on a machine busy with other builds. Which limit comes first depends
    /// on the machine's speed (a slower one reaches the deadline before the
    /// budget), so any limit code will do; the time is what is checked.
    @Suite struct Deadlines {
        /// Loops, and C functions called in a loop whose single calls are
        /// bounded but not constant.
        static let loops = [
            "while true do end",
            "while true do pcall(function() while true do end end) end",
            "coroutine.wrap(function() while true do end end)()",
            "xpcall(function() while true do end end, function() while true do end end)",
            "error(setmetatable({}, { __tostring = function() while true do end end }))",
            "local t = {} for i = 1, 1e6 do t[i] = i end for i = 1, 1e6 - 1 do t[i] = nil end while true do local k = next(t) end",
            "local t = {} for i = 1, 1e6 do t[i] = i end for i = 1, 1e6 - 1 do t[i] = nil end while true do for k in pairs(t) do end end",
            "local f, s = utf8.codes(('\\x80'):rep(2^20)) while true do f(s, 0) end",
            "local s = ('x'):rep(2^20) while true do local u = s:upper() end",
            "local s, t = ('x'):rep(2^20), ('x'):rep(2^20) while true do local e = s == t end",
            "local s = ('x'):rep(2^20) while true do local h = { [s .. 'y'] = 1 } end",
            "while true do local ok = pcall(string.rep, 'x', 2^40) end",
            "local keep = {} while true do keep[#keep + 1] = tostring({}) end",
        ]

        @Test(arguments: loops + Fuel.memoryBombs + Fuel.amplifications)
        func everyLimitCaseEndsWithinOneAndAHalfDeadlines(attack: String) throws {
            let sandbox = try makeSandbox("function attack() \(attack) end")
            expectEndsInTime(
                calling: "attack", in: sandbox,
                codes: [.instructionLimit, .timeLimit, .memoryLimit, .outputLimit])
        }
    }
}
