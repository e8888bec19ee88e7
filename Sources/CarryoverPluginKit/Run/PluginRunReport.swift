import CarryoverCore
import CarryoverLua
import Foundation

/// One entry through every hook of a homework type, with what each hook
/// returned and the resources it used against the sandbox limits.
public struct PluginRunReport: Sendable {
    /// What one hook call used.
    public struct HookUsage: Sendable, Hashable {
        public var hook: String
        public var usage: ResourceUsage
    }

    public var plugin: String
    public var paramProblems: [ValidationProblem] = []
    public var problems: [ValidationProblem] = []
    public var scores: [String: Double] = [:]
    public var feedback: String?
    public var flags: [PluginFlag] = []
    /// The progress state after the entry (`advance` from no state).
    public var state: Value = .null
    /// The summary of a history holding just this entry.
    public var summary: Value = .null
    public var usages: [HookUsage] = []
    public var limits: SandboxLimits
    /// The hook error that stopped the run, if any.
    public var failure: SandboxError?

    /// Whether the params and the entry are valid and no hook failed.
    public var succeeded: Bool { paramProblems.isEmpty && problems.isEmpty && failure == nil }

    /// Runs `entry` with `params` through the homework type in `folder`, in
    /// the test clock and seed. Hook errors end up in ``failure``.
    /// - Throws: `SandboxError` when the plugin does not load.
    public static func run(
        _ folder: PluginFolder, entry: Value, params: Value, limits: SandboxLimits = .default
    ) throws -> Self {
        let type = try folder.load(limits: limits)
        var report = PluginRunReport(
            plugin: "\(folder.name) \(type.declaration.version)", limits: limits)
        report.paramProblems = type.validateParams(params)
        guard report.paramProblems.isEmpty else { return report }
        do {
            try report.runHooks(type, entry: entry, params: params)
        } catch let error as SandboxError {
            report.failure = error
        }
        return report
    }

    private mutating func runHooks(_ type: HomeworkType, entry: Value, params: Value) throws {
        let scope = "plugin-run"
        func measured<T>(_ hook: HomeworkHook, _ body: () throws -> T) throws -> T {
            let result = try body()
            if type.declaration.hooks.contains(hook) {
                usages.append(HookUsage(hook: hook.rawValue, usage: type.lastUsage))
            }
            return result
        }
        problems = try measured(.validate) {
            try type.validate(entry: entry, params: params, scope: scope)
        }
        guard problems.isEmpty else { return }
        scores = try measured(.score) { try type.score(entry: entry, params: params, scope: scope) }
        feedback = try measured(.feedback) {
            try type.feedback(entry: entry, params: params, scope: scope)
        }
        flags = try measured(.flags) { try type.flags(entry: entry, params: params, scope: scope) }
        state = try measured(.advance) {
            try type.advance(state: .null, entry: entry, params: params, scope: scope)
        }
        summary = try measured(.summarize) {
            try type.summarize(history: [entry], params: params, scope: scope)
        }
    }
}
