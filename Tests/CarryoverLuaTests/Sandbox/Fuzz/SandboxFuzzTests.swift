import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

extension LimitTests {
    /// The sandbox fuzzer (issue 14): generated programs over the whole
    /// allowed library, each checked by ``SandboxFuzzer``. `make test` runs
    /// a bounded run (1,500 programs, seed 14); `make fuzz-sandbox` a long one
    /// (CARRYOVER_SANDBOX_FUZZ_PROGRAMS, _SEED, _REPORT for a file to write
    /// the summary to, _SHOW to print one program). Serialized with the
    /// other limit tests: it measures wall time against deadlines.
    @Suite struct Fuzz {
        /// A short deadline keeps thousands of programs within seconds; the
        /// budget and caps are small for the same reason.
        static let limits = SandboxLimits(
            instructions: 500_000, memoryBytes: 16 << 20, wallClock: .milliseconds(100),
            outputBytes: 4 << 10)

        @Test func generatedProgramsKeepEveryPromise() throws {
            let environment = ProcessInfo.processInfo.environment
            let programs =
                environment["CARRYOVER_SANDBOX_FUZZ_PROGRAMS"].flatMap { Int($0) } ?? 1500
            let seed = environment["CARRYOVER_SANDBOX_FUZZ_SEED"].flatMap { UInt64($0) } ?? 14
            let show = environment["CARRYOVER_SANDBOX_FUZZ_SHOW"].flatMap { Int($0) }
            let report = SandboxFuzzer(limits: Self.limits, seed: seed).run(
                programs: programs, show: show)
            print(report.summary)
            if let path = environment["CARRYOVER_SANDBOX_FUZZ_REPORT"] {
                let text = ([report.summary] + report.findings).joined(separator: "\n") + "\n"
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
            #expect(report.programs == programs)
            #expect(report.findings.isEmpty, "\(report.findings.prefix(5))")
            // The generator reaches results and every kind of refusal.
            for outcome in ["result", "runtime", "instruction-limit", "memory-limit", "forbidden"] {
                #expect(
                    report.outcomes[outcome, default: 0] > 0, "no \(outcome) in \(report.outcomes)")
            }
        }
    }
}
