import CarryoverCore
import Foundation

@testable import CarryoverLua

/// Runs generated programs (``SandboxProgramGenerator``) and checks what
/// the sandbox promises for every one of them: the call ends within its
/// deadline plus a small margin, the state stays inside its memory cap, the
/// outcome is a result or a ``SandboxError`` (whose codes only the host
/// makes), and the next call works, in the same client scope and in another.
struct SandboxFuzzer {
    let limits: SandboxLimits
    let seed: UInt64
    /// What a run may take past its deadline: on this shared 2-core machine,
    /// with other builds running, a thread can wait that long for a core
    /// (measured: up to about 90 ms at a load average of 15).
    let margin = Duration.milliseconds(100)

    struct Report {
        var programs = 0
        var calls = 0
        var outcomes: [String: Int] = [:]
        /// The slowest call as a share of its deadline, how far past the
        /// deadline it went, and which program it was.
        var worstRatio = 0.0
        var worstOverrun = Duration.zero
        var worstProgram = 0
        var peakMemory = 0
        var findings: [String] = []

        var summary: String {
            let codes = outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return """
                sandbox fuzz: \(programs) programs, \(calls) calls; outcomes: \(codes.joined(separator: ", "))
                worst call: \(String(format: "%.2f", worstRatio))x its deadline, \(worstOverrun) past it \
                (program \(worstProgram)); \
                peak memory \(peakMemory) bytes; findings: \(findings.count)
                """
        }
    }

    /// Runs `count` programs from the seed, printing program `show` (to
    /// reproduce a finding).
    func run(programs count: Int, show: Int? = nil) -> Report {
        var generator = SandboxProgramGenerator(seed: seed)
        var report = Report()
        for index in 0..<count {
            let source = generator.program()
            let arguments = generator.arguments()
            report.programs += 1
            if show == index { print(source) }
            check(program: index, source: source, arguments: arguments, into: &report)
        }
        return report
    }

    private func check(
        program index: Int, source: String, arguments: [Value], into report: inout Report
    ) {
        let place = "seed \(seed) program \(index)"  // CARRYOVER_SANDBOX_FUZZ_SHOW=<index> prints it
        let sandbox: Sandbox
        do {
            sandbox = try Sandbox(
                plugin: "fuzz", limits: limits, clock: FixedClock(Date(timeIntervalSince1970: 0)),
                seed: seed &+ UInt64(index))
            try sandbox.load(source, chunkName: "fuzz.lua")
            if index.isMultiple(of: 2) { try sandbox.seal() }
        } catch {
            report.findings.append("\(place): the program does not load: \(error)")
            return
        }
        for scope in index.isMultiple(of: 3) ? ["a", "b"] : ["a"] {
            let start = ContinuousClock.now
            let outcome: String
            do {
                _ = try sandbox.call("run", arguments, scope: scope)
                outcome = "result"
            } catch let error as SandboxError {
                outcome = error.code.rawValue
            } catch {
                outcome = "other"
                report.findings.append("\(place): not a sandbox error: \(error)")
            }
            report.calls += 1
            report.outcomes[outcome, default: 0] += 1
            // The rebuild a new scope makes is not part of the run's time.
            let elapsed = scope == "a" ? ContinuousClock.now - start : sandbox.lastUsage.duration
            let ratio = elapsed / limits.wallClock
            if ratio > report.worstRatio {
                report.worstRatio = ratio
                report.worstOverrun = max(elapsed - limits.wallClock, .zero)
                report.worstProgram = index
            }
            if elapsed > limits.wallClock + margin {
                report.findings.append("\(place): took \(elapsed) (\(outcome))")
            }
            let memory = sandbox.lastUsage.peakMemoryBytes
            report.peakMemory = max(report.peakMemory, memory)
            if memory > limits.memoryBytes {
                report.findings.append("\(place): used \(memory) bytes (\(outcome))")
            }
            do {
                let answer = try sandbox.call("probe", [], scope: scope)
                if answer != 42 { report.findings.append("\(place): probe gave \(answer)") }
            } catch {
                report.findings.append("\(place): the next call failed: \(error)")
            }
        }
    }
}
