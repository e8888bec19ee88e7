import CarryoverCore
import Foundation

@testable import CarryoverLua

/// Runs generated programs (``SandboxProgramGenerator``) and checks what
/// the sandbox promises for every one of them: the call ends within its
/// deadline plus a small margin, the state stays inside its memory cap, the
/// outcome is a result or a ``SandboxError`` (whose codes only the host
/// makes), and the next call works, in the same client scope and in another.
///
/// "Ends in time" is judged by the CPU time the call used (the sandbox runs
/// on the caller's thread): on this shared machine a thread can wait for a
/// core for a quarter of a second at a load average of 12 (measured: the
/// same programs, run again alone, took 1.04x their deadline), which says
/// nothing about the sandbox. Wall time is reported beside it.
struct SandboxFuzzer {
    let limits: SandboxLimits
    let seed: UInt64
    /// What a run may use past its deadline.
    let margin = Duration.milliseconds(50)
    /// Loads and the scope rebuild: a loaded machine's time, not the fuzz's.
    static let patient = SandboxLimits(wallClock: .seconds(10))

    struct Report {
        var programs = 0
        var calls = 0
        var outcomes: [String: Int] = [:]
        /// The most CPU time a call used, as a share of its deadline, and
        /// which program it was; the longest wall time likewise.
        var worstCPU = 0.0
        var worstCPUProgram = 0
        var worstWall = 0.0
        var worstWallProgram = 0
        var peakMemory = 0
        var findings: [String] = []

        var summary: String {
            let codes = outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return """
                sandbox fuzz: \(programs) programs, \(calls) calls; outcomes: \(codes.joined(separator: ", "))
                worst call: CPU \(String(format: "%.2f", worstCPU))x its deadline (program \
                \(worstCPUProgram)), wall \(String(format: "%.2f", worstWall))x (program \
                \(worstWallProgram)); peak memory \(peakMemory) bytes; findings: \(findings.count)
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
        // CARRYOVER_SANDBOX_FUZZ_SHOW=<index> prints the program.
        let place = "seed \(seed) program \(index)"
        let sandbox: Sandbox
        do {
            sandbox = try Sandbox(
                plugin: "fuzz", limits: Self.patient,
                clock: FixedClock(Date(timeIntervalSince1970: 0)), seed: seed &+ UInt64(index))
            try sandbox.load(source, chunkName: "fuzz.lua")
            if index.isMultiple(of: 2) { try sandbox.seal() }
        } catch {
            report.findings.append("\(place): the program does not load: \(error)")
            return
        }
        for scope in index.isMultiple(of: 3) ? ["a", "b"] : ["a"] {
            // A new scope rebuilds the state first: not part of the run's time.
            if scope != "a" { _ = try? sandbox.call("probe", [], scope: scope) }
            let start = ContinuousClock.now
            let cpuStart = threadCPUTime()
            let outcome: String
            do {
                _ = try sandbox.call("run", arguments, scope: scope, limits: limits)
                outcome = "result"
            } catch let error as SandboxError {
                outcome = error.code.rawValue
            } catch {
                outcome = "other"
                report.findings.append("\(place): not a sandbox error: \(error)")
            }
            let cpu = threadCPUTime() - cpuStart
            let wall = ContinuousClock.now - start
            report.calls += 1
            report.outcomes[outcome, default: 0] += 1
            if cpu / limits.wallClock > report.worstCPU {
                (report.worstCPU, report.worstCPUProgram) = (cpu / limits.wallClock, index)
            }
            if wall / limits.wallClock > report.worstWall {
                (report.worstWall, report.worstWallProgram) = (wall / limits.wallClock, index)
            }
            if cpu > limits.wallClock + margin {
                report.findings.append("\(place): used \(cpu) of CPU, \(wall) in all (\(outcome))")
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
