import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

extension LimitTests {
    /// Issue 14, class 5: the host's work on a plugin's result counts
    /// against the plugin's budget and deadline. Reading 150,000 string keys
    /// (or as many strings in a list; allowed here by a larger result limit)
    /// ends within 1.5 times the deadline, or with a limit error; at the
    /// default 1 MiB result limit such a result is refused as too large.
    @Suite struct HostWork {
        static let prebuilt = """
            local keyed, listed = {}, {}
            for i = 1, 150000 do keyed["k" .. i] = i end
            for i = 1, 150000 do listed[i] = "v" .. i end
            function keys() return keyed end
            function list() return listed end
            function nested() return { a = { b = keyed } } end
            """
        /// Building the tables at load time takes a while on a loaded machine;
        /// results up to 8 MiB, so that reading them is what is measured.
        static let patient = SandboxLimits(wallClock: .seconds(20), maxResultBytes: 8 << 20)

        @Test(arguments: ["keys", "list", "nested"])
        func readingAHugeResultEndsInTime(function: String) throws {
            let sandbox = try makeSandbox(Self.prebuilt, limits: Self.patient)
            expectEndsInTime(
                calling: function, in: sandbox, deadline: .seconds(1),
                codes: [nil, .instructionLimit, .timeLimit])
        }

        /// Reading 150,000 keys costs more than a budget of 100,000: the
        /// conversion is charged, one unit per key at least.
        @Test func readingIsChargedToTheBudget() throws {
            let sandbox = try makeSandbox(Self.prebuilt, limits: Self.patient)
            let error = sandboxError {
                _ = try sandbox.call(
                    "keys", [],
                    limits: SandboxLimits(instructions: 100_000, wallClock: .seconds(20)))
            }
            #expect(error?.code == .instructionLimit)
            #expect(try sandbox.call("keys", [], limits: Self.patient).object?.count == 150_000)
            #expect(sandbox.lastUsage.instructions >= 150_000)
        }

        /// The deadline is read while the result is read: the function only
        /// returns a prebuilt table, so a 30 ms deadline can only strike
        /// during the reading (150,000 keys take longer than that).
        @Test func readingStopsAtTheDeadline() throws {
            let sandbox = try makeSandbox(Self.prebuilt, limits: Self.patient)
            var limits = Self.patient
            limits.wallClock = .milliseconds(30)
            let start = ContinuousClock.now
            let error = sandboxError { _ = try sandbox.call("keys", [], limits: limits) }
            #expect(error?.code == .timeLimit)
            #expect(ContinuousClock.now - start < .seconds(1))
        }

        /// At the default limits a 150,000-key result is refused by its size
        /// as soon as reading passes 1 MiB; one of 40,000 keys is read.
        @Test func theDefaultResultLimitKeepsHostWorkSmall() throws {
            let sandbox = try makeSandbox(
                Self.prebuilt
                    + "\nfunction some() local t = {} for i = 1, 40000 do t['k' .. i] = i end return t end",
                limits: Self.patient)
            let error = sandboxError { _ = try sandbox.call("keys", [], limits: .default) }
            #expect(error?.code == .conversion)
            #expect(error?.message == "result is larger than 1048576 bytes")
            // 16 for the table, 16 per value, and the keys "k1" to "k40000":
            // 9 * 2 + 90 * 3 + 900 * 4 + 9,000 * 5 + 30,001 * 6 = 228,894 bytes;
            // 16 + 640,000 + 228,894 = 868,910, under 1,048,576.
            #expect(try sandbox.call("some", [], limits: .default).object?.count == 40_000)
        }
    }
}
