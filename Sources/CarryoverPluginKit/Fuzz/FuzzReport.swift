import CarryoverCore
import CarryoverLua

/// One kind of failure the fuzzer found, with its smallest known input.
public struct FuzzFailure: Sendable, Hashable {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// A hook raised a Lua error (not a validation problem).
        case runtimeError = "runtime-error"
        /// A hook ran out of instructions, memory, time or output.
        case limitHit = "limit-hit"
        /// `score` returned an undeclared name, NaN, infinity or a non-number.
        case badScore = "bad-score"
        /// The same input gave different results in two fresh sandboxes.
        case nonDeterministic = "non-deterministic"
        /// An input built to break a field rule passed the field checks.
        case acceptedInvalid = "accepted-invalid"
    }

    public var kind: Kind
    /// The hook where it happened (`fields` or `params` for accepted-invalid inputs).
    public var hook: String
    public var message: String
    /// The run (from 0) that first found it; with the seed it replays the input.
    public var run: Int
    /// How many runs failed this way.
    public var count: Int
    /// The shrunk input.
    public var entry: Value
    public var params: Value
    /// A ready-to-paste `it("...", function() ... end)` reproducing the failure.
    public var luaTestCase: String
}

/// What a fuzz run did and found.
public struct FuzzReport: Sendable {
    public var plugin: String
    public var seed: UInt64
    public var runs: Int
    /// Runs with a valid entry and valid params.
    public var validInputs = 0
    /// Valid inputs that passed the `validate` hook and so ran every other hook.
    public var reachedAllHooks = 0
    /// Runs with an entry, or params, built to be invalid.
    public var invalidInputs = 0
    /// The example inputs the run started from (``FuzzExample/name``).
    public var examples: [String] = []
    /// Runs whose input started from an example.
    public var inputsFromExamples = 0
    /// The failures found, shrunk, at most ``FuzzOptions/maxReported``.
    public var failures: [FuzzFailure] = []
    /// Distinct failures found beyond those reported.
    public var unreportedKinds = 0
    /// The most any single hook call used.
    public var peak = ResourceUsage()
    public var duration: Duration = .zero

    /// No failure of any kind.
    public var passed: Bool { failures.isEmpty && unreportedKinds == 0 }

    /// The report for people: counts, then each failure with its test case.
    public func render() -> String {
        var lines = [
            "\(plugin): \(runs) runs (seed \(seed)) in \(String(format: "%.1f", duration.seconds)) s",
            "  \(validInputs) valid inputs (\(reachedAllHooks) passed validate and ran every hook), "
                + "\(invalidInputs) invalid inputs",
            examples.isEmpty
                ? "  no examples/entry*.json: every input drawn from the declarations"
                : "  \(inputsFromExamples) inputs started from \(examples.joined(separator: ", "))",
            "  peak per hook call: \(peak.instructions) instructions (counted per 1,000), "
                + "\(peak.peakMemoryBytes / 1024) KiB, \(String(format: "%.1f", peak.duration.seconds * 1000)) ms",
        ]
        if failures.isEmpty {
            lines.append("  no runtime errors, limit hits, bad scores or non-determinism")
        }
        for failure in failures {
            lines.append("")
            lines.append(
                "\(failure.kind.rawValue) in \(failure.hook) (\(failure.count) run(s), first run \(failure.run)): \(failure.message)"
            )
            lines.append(failure.luaTestCase)
        }
        if unreportedKinds > 0 {
            lines.append("")
            lines.append(
                "... and \(unreportedKinds) more kind(s) of failure: fix these, then fuzz again")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
