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
    /// The assignment's params with the type's declared defaults filled in.
    let params: Value
    /// The client id every call is scoped to.
    let scope: String

    init(_ type: HomeworkType, assignmentParams: Value, clientID: String) {
        self.type = type
        self.params = type.declaration.applyingParamDefaults(to: assignmentParams)
        self.scope = clientID
    }

    var declaration: HomeworkDeclaration { type.declaration }

    func validate(_ fields: Value) throws -> [ValidationProblem] {
        try run(.validate) { try type.validate(entry: fields, params: params, scope: scope) }
    }

    func score(_ fields: Value) throws -> [String: Double] {
        try run(.score) { try type.score(entry: fields, params: params, scope: scope) }
    }

    func feedback(_ fields: Value) throws -> String? {
        try run(.feedback) { try type.feedback(entry: fields, params: params, scope: scope) }
    }

    /// The flags on an entry, risk first (the order is otherwise the plugin's).
    func flags(_ fields: Value) throws -> [PluginFlag] {
        try run(.flags) {
            try type.flags(entry: fields, params: params, scope: scope)
                .enumerated().sorted {
                    ($0.element.level == .risk ? 0 : 1, $0.offset)
                        < ($1.element.level == .risk ? 0 : 1, $1.offset)
                }.map(\.element)
        }
    }

    func advance(_ state: Value, _ fields: Value) throws -> Value {
        try run(.advance) {
            try type.advance(state: state, entry: fields, params: params, scope: scope)
        }
    }

    /// Every problem of the fields, then (when there is none) their scores
    /// and flags, with the field-by-field error of `entryRejected` when any.
    func check(_ fields: Value) throws -> (scores: [String: Double], flags: [PluginFlag]) {
        let problems = try validate(fields)
        guard problems.isEmpty else {
            throw PracticeError(
                .entryRejected, "the entry has \(problems.count) problem(s); nothing was saved",
                problems: problems)
        }
        return (try score(fields), try flags(fields))
    }

    private func run<T>(_ hook: HomeworkHook, _ body: () throws -> T) throws -> T {
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
