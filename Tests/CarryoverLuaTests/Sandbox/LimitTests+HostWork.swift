import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

extension LimitTests {
    /// Issue 14, class 5: the host's work on a plugin's result counts
    /// against the plugin's budget and deadline. A result within the value
    /// size limit (150,000 string keys, or as many strings in a list) is read
    /// within 1.5 times the deadline, or refused with a limit error.
    @Suite struct HostWork {
        static let prebuilt = """
            local keyed, listed = {}, {}
            for i = 1, 150000 do keyed["k" .. i] = i end
            for i = 1, 150000 do listed[i] = "v" .. i end
            function keys() return keyed end
            function list() return listed end
            function nested() return { a = { b = keyed } } end
            """
        /// Building the tables at load time takes a while on a loaded machine.
        static let patient = SandboxLimits(wallClock: .seconds(20))

        @Test(arguments: ["keys", "list", "nested"])
        func readingAHugeResultEndsInTime(function: String) throws {
            let sandbox = try makeSandbox(Self.prebuilt, limits: Self.patient)
            expectEndsInTime(
                calling: function, in: sandbox, deadline: .milliseconds(200),
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
    }
}
