import CarryoverCore
import CarryoverLua
import Logging

/// A homework type's entry hooks with one assignment's params and client
/// scope, as the workflow calls them: a hook that fails or hits a sandbox
/// limit becomes one ``PracticeError`` (`pluginFailed`) naming the plugin
/// and the hook, thrown before anything is written.
///
/// `@unchecked Sendable`: the store runs `advance` inside its write
/// transaction while the task that logs waits for it, so the plugin's Lua
/// state is only ever used by one thread at a time; `HomeworkType` is not
/// `Sendable` only because a Lua state must never be shared.
struct EntryHooks: @unchecked Sendable {
    let type: HomeworkType
    /// The assignment's params with the type's declared defaults filled in
    /// (once per entry: the hooks take them as they are).
    let filled: HookParams
    var params: Value { filled.value }
    /// The client id every call is scoped to.
    let scope: String
    /// Where hook calls and Lua state builds are counted.
    let usage: PracticeUsage?

    init(
        _ type: HomeworkType, assignmentParams: Value, clientID: String,
        usage: PracticeUsage? = nil
    ) {
        self.type = type
        self.filled = type.filled(assignmentParams)
        self.scope = clientID
        self.usage = usage
    }

    var declaration: HomeworkDeclaration { type.declaration }

    func validate(_ fields: Value) throws -> [ValidationProblem] {
        try run(.validate) { try type.validate(entry: fields, params: filled, scope: scope) }
    }

    func scores(_ fields: Value) throws -> EntryScores {
        try run(.score) { try type.scores(entry: fields, params: filled, scope: scope) }
    }

    /// The flags on an entry, risk first (the order is otherwise the
    /// plugin's); `scores` are the entry's, when already computed.
    func flags(_ fields: Value, scores: EntryScores? = nil) throws -> [PluginFlag] {
        try run(.flags) {
            try type.flags(entry: fields, params: filled, scope: scope, scores: scores)
                .enumerated().sorted {
                    ($0.element.level == .risk ? 0 : 1, $0.offset)
                        < ($1.element.level == .risk ? 0 : 1, $1.offset)
                }.map(\.element)
        }
    }

    func advance(_ state: Value, _ fields: Value) throws -> Value {
        try run(.advance) {
            try type.advance(state: state, entry: fields, params: filled, scope: scope)
        }
    }

    /// One pass over an entry: `validate`, then (when there is no problem)
    /// `score`, `flags` and, with `feedback`, `feedback`, each once, the
    /// scores passed on to the hooks after it; the field-by-field error of
    /// `entryRejected` when there is a problem.
    func check(_ fields: Value, feedback: Bool = false) throws -> CheckedEntry {
        let problems = try validate(fields)
        guard problems.isEmpty else {
            throw PracticeError(
                .entryRejected, "the entry has \(problems.count) problem(s); nothing was saved",
                problems: problems)
        }
        let scores = try scores(fields)
        return CheckedEntry(
            scores: scores.numbers, flags: try flags(fields, scores: scores),
            feedback: feedback
                ? try run(.feedback) {
                    try type.feedback(entry: fields, params: filled, scope: scope, scores: scores)
                } : nil)
    }

    private func run<T>(_ hook: HomeworkHook, _ body: () throws -> T) throws -> T {
        let (builds, calls) = (type.stateBuilds, type.hookCalls)
        defer {
            usage?.count("hook.\(hook.rawValue)", type.hookCalls - calls)
            usage?.count("build", type.stateBuilds - builds)
        }
        do {
            return try body()
        } catch let error as SandboxError {
            // The code, never the message: a plugin's message may quote the entry.
            PracticeDiagnostics.logger.debug(
                "hook failed",
                metadata: [
                    "type": "\(declaration.id) \(declaration.version)", "hook": "\(hook.rawValue)",
                    "code": "\(error.code.rawValue)",
                ])
            throw PracticeError(
                .pluginFailed,
                "the \(hook.rawValue) hook of \(declaration.id) \(declaration.version) failed "
                    + "(\(error.code.rawValue)): \(error.description); nothing was saved",
                cause: error)
        }
    }
}

/// What the hooks made of one valid entry.
struct CheckedEntry: Sendable {
    var scores: [String: Double] = [:]
    /// Risk first.
    var flags: [PluginFlag] = []
    /// The plugin's message for the client, when asked for and given.
    var feedback: String? = nil
}
