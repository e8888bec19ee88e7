import CarryoverCore
import CarryoverLua

/// A hook that failed while probing one input.
struct ProbeFailure: Error {
    var hook: String
    var error: SandboxError
}

/// Runs one entry through every hook of a homework type, the way the engine
/// would, and collects everything the hooks returned as one value.
struct HookProbe {
    let type: HomeworkType
    /// Highest instructions and memory seen in any hook call.
    private(set) var peak = ResourceUsage()

    init(type: HomeworkType) {
        self.type = type
    }

    /// The hooks in the order they run; `advance` runs twice (from no state,
    /// then from the state it returned) and `summarize` over the one entry.
    static let order = ["validate", "score", "feedback", "flags", "advance", "summarize"]

    /// Everything the hooks return for `entry`, keyed by hook; stops after
    /// `validate` when it finds problems, as the engine does.
    mutating func outcome(entry: Value, params: Value, scope: String) throws(ProbeFailure) -> Value
    {
        let type = self.type  // the closures read it while `step` updates `peak`
        var result: [String: Value] = [:]
        let problems = try step("validate") {
            try type.validate(entry: entry, params: params, scope: scope)
        }
        result["validate"] = .array(problems.map { .string($0.description) })
        guard problems.isEmpty else { return .object(result) }
        let scores = try step("score") {
            try type.score(entry: entry, params: params, scope: scope)
        }
        result["score"] = .object(scores.mapValues(Value.double))
        result["feedback"] =
            try step("feedback") { try type.feedback(entry: entry, params: params, scope: scope) }
            .map(Value.string) ?? .null
        let flags = try step("flags") { try type.flags(entry: entry, params: params, scope: scope) }
        result["flags"] = .array(
            flags.map { .string("\($0.level.rawValue) \($0.code): \($0.message)") })
        result["advance"] = try step("advance") {
            let first = try type.advance(state: .null, entry: entry, params: params, scope: scope)
            let second = try type.advance(state: first, entry: entry, params: params, scope: scope)
            return .array([first, second])
        }
        result["summarize"] = try step("summarize") {
            try type.summarize(history: [entry], params: params, scope: scope)
        }
        return .object(result)
    }

    private mutating func step<T>(_ hook: String, _ body: () throws -> T) throws(ProbeFailure) -> T
    {
        defer {
            let usage = type.lastUsage
            peak.instructions = max(peak.instructions, usage.instructions)
            peak.peakMemoryBytes = max(peak.peakMemoryBytes, usage.peakMemoryBytes)
            peak.duration = max(peak.duration, usage.duration)
        }
        do {
            return try body()
        } catch let error as SandboxError {
            throw ProbeFailure(hook: hook, error: error)
        } catch {
            throw ProbeFailure(
                hook: hook,
                error: SandboxError(.runtime, plugin: type.file, message: "\(error)"))
        }
    }
}
