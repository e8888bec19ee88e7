import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

extension LimitTests {
    /// Issue 14, classes 1 to 3: the pattern functions backtrack inside one
    /// C call, where the count hook never fires. However the pattern or the
    /// subject is built (NUL bytes, `%z`, gmatch's literal `^`, thousands of
    /// items), each call ends within 1.5 times its deadline. Sizes are chosen
    /// so that an unguarded matcher needs several seconds, not hours.
    @Suite struct Patterns {
        @Test(arguments: [
            // 1. A NUL byte in the pattern: C string functions stop at it.
            #"return string.find("\0" .. ("a"):rep(2000), "\0.-.-.-b")"#,
            #"return ("\0" .. ("a"):rep(2000)):match("\0.-.-.-b")"#,
            #"for _ in ("\0" .. ("a"):rep(2000)):gmatch("\0.-.-.-b") do end"#,
            #"return (("\0" .. ("a"):rep(2000)):gsub("\0.-.-.-b", ""))"#,
            #"return string.find("x\0" .. ("a"):rep(2000), "x\0.-.-.-b")"#,
            // ... and in the subject, matched by %z (also inside a set).
            #"return string.find(("\0"):rep(400), "%z-%z-%z-b")"#,
            #"return string.find(("\0"):rep(400), "[%z]-[%z]-[%z]-b")"#,
            #"return (("\0"):rep(400)):match("%z*%z*%z*b")"#,
            #"return (("\0"):rep(400)):gsub("[^%Z]-[^%Z]-[^%Z]-b", "")"#,
            // 2. gmatch: a leading '^' is a literal there, not an anchor.
            #"local s = ("^a"):rep(2^15) for _ in s:gmatch("^.-b") do end"#,
            #"local s = ("^a"):rep(2^15) local it = s:gmatch("^.-b") it() it()"#,
            // 3. The guard's own estimate scanned the subject once per item
            // before charging anything; failing late makes every start try
            // all 8,192 items.
            #"return string.find(("a"):rep(2^17), ("[b-c]*"):rep(8192) .. "d")"#,
            #"return (("a"):rep(2^17)):match(("%d*"):rep(8192) .. "d")"#,
        ])
        func backtrackingEndsInTime(attack: String) throws {
            let sandbox = try makeSandbox("function attack() \(attack) end")
            expectEndsInTime(calling: "attack", in: sandbox)
        }

        /// The estimate's own work, where the match itself is cheap (the
        /// empty match at the first position): it just has to end in time.
        @Test(arguments: [
            #"return string.find(("a"):rep(2^17), ("[b-c]*"):rep(8192))"#,
            #"return (("a"):rep(2^17)):match(("%d*"):rep(32768))"#,
        ])
        func cheapMatchesWithManyItemsEndInTime(attack: String) throws {
            let sandbox = try makeSandbox("function attack() \(attack) end")
            expectEndsInTime(calling: "attack", in: sandbox, codes: [nil])
        }

        /// The iterator charges its own work: each of many gmatch loops over
        /// one text pays for what it scans, and the loops end by budget.
        @Test func gmatchLoopsArePaidFor() throws {
            let sandbox = try makeSandbox(
                """
                local text = ("word "):rep(2^16)
                function attack() while true do for w in text:gmatch("%a+") do end end end
                """)
            expectEndsInTime(calling: "attack", in: sandbox)
        }
    }
}
