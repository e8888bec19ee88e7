import CarryoverCore

/// A homework type backed by a Lua plugin running in its own ``Sandbox``.
///
/// Loading runs the DSL prelude and the plugin, reads the declaration, checks
/// the params' defaults and seals the sandbox. Every hook call is scoped by
/// client id, so the sandbox rebuilds its state between clients and no data
/// can pass from one client's call to another's.
public final class HomeworkType {
    /// What the plugin declares.
    public let declaration: HomeworkDeclaration
    /// The plugin's file name, as used in error messages.
    public let file: String
    private let sandbox: Sandbox

    /// What the last hook call (or the load) used: instructions, peak memory, time.
    public var lastUsage: ResourceUsage { sandbox.lastUsage }
    /// Lua states built for this type so far (see `Sandbox.builds`).
    package var stateBuilds: Int { sandbox.builds }
    /// Hook calls made into the sandbox so far (a hook the plugin does not
    /// define is not called, and not counted).
    package private(set) var hookCalls = 0

    /// Loads a homework type from Lua source.
    ///
    /// - Throws: ``SandboxError`` naming `file` and the line on a syntax
    ///   error, a declaration mistake (missing id, bad version, unknown field
    ///   kind, a hook that is not a function, a default that breaks its own
    ///   param) or a limit hit.
    ///
    /// With a `scope` (the client id its hooks will be called for) the type
    /// is loaded already scoped: its first hook call for that client runs in
    /// the state just loaded, not in a rebuilt one.
    public init(
        source: String, file: String, limits: SandboxLimits = .default,
        clock: any WallClock = SystemClock(), seed: UInt64 = 0, scope: String? = nil
    ) throws {
        self.file = file
        sandbox = try Sandbox(plugin: file, limits: limits, clock: clock, seed: seed)
        declaration = try Self.declare(in: sandbox, source: source, file: file, scope: scope)
        try sandbox.seal()
    }

    /// Loads the prelude and the plugin into `sandbox` and reads the declaration.
    static func declare(
        in sandbox: Sandbox, source: String, file: String, scope: String? = nil
    ) throws -> HomeworkDeclaration {
        let locator = DeclarationLocator(source: source, file: file)
        try HomeworkEnvironment.prepare(sandbox)
        do {
            try sandbox.load(source, chunkName: file)
        } catch let error as SandboxError {
            throw locator.placed(error)
        }
        let declaration: HomeworkDeclaration
        do {
            declaration = try HomeworkDeclaration(
                value: try sandbox.call("carryover_hook", ["declaration"], scope: scope))
        } catch let error as CoreError {
            throw SandboxError(.conversion, plugin: file, file: file, message: error.message)
        }
        try locator.checkDefaults(of: declaration)
        return declaration
    }

    /// Every problem of an entry: the field checks first; the plugin's
    /// `validate` hook runs only on an entry whose fields are all well formed,
    /// so hooks can rely on the declared types.
    public func validate(entry: Value, params: Value, scope: String) throws -> [ValidationProblem] {
        try validate(entry: entry, params: HookParams.given(params), scope: scope)
    }

    /// Every problem of an assignment's params, after defaults are filled in.
    public func validateParams(_ params: Value) -> [ValidationProblem] {
        FieldValidator.validate(
            declaration.applyingParamDefaults(to: params), against: declaration.params)
    }

    /// The named numbers of an entry (only declared names; a name may be
    /// absent when it does not apply).
    public func score(entry: Value, params: Value, scope: String) throws -> [String: Double] {
        try scores(entry: entry, params: HookParams.given(params), scope: scope).numbers
    }

    /// A short message for the client, if the plugin has one.
    public func feedback(entry: Value, params: Value, scope: String) throws -> String? {
        try feedback(entry: entry, params: HookParams.given(params), scope: scope)
    }

    /// The progress state after `entry`; `state` is `.null` before the first entry.
    public func advance(state: Value, entry: Value, params: Value, scope: String) throws -> Value {
        try advance(state: state, entry: entry, params: HookParams.given(params), scope: scope)
    }

    /// Risk and attention flags raised by an entry.
    public func flags(entry: Value, params: Value, scope: String) throws -> [PluginFlag] {
        try flags(entry: entry, params: HookParams.given(params), scope: scope)
    }

    // MARK: One pass per entry

    /// An assignment's params with this type's defaults filled in, for the
    /// hooks of one entry: they take them as they are (defaults are filled
    /// once per entry, not once per hook).
    package func filled(_ params: Value) -> HookParams {
        HookParams(value: declaration.applyingParamDefaults(to: params), filled: true)
    }

    /// Every problem of an entry, as ``validate(entry:params:scope:)`` with params as given.
    package func validate(entry: Value, params: HookParams, scope: String) throws
        -> [ValidationProblem]
    {
        let problems = FieldValidator.validate(entry, against: declaration.fields)
        guard problems.isEmpty, declaration.hooks.contains(.validate) else { return problems }
        let result = try call(.validate, [entry, params.value], scope: scope, params: params)
        return try HookResults(plugin: file).problems(result)
    }

    /// The entry's scores, as numbers and as the table the plugin returned:
    /// `feedback` and `flags` given them do not run `score` again.
    package func scores(entry: Value, params: HookParams, scope: String) throws -> EntryScores {
        guard declaration.hooks.contains(.score) else { return EntryScores() }
        let table = try call(.score, [entry, params.value], scope: scope, params: params)
        return EntryScores(
            numbers: try HookResults(plugin: file).scores(table, declared: declaration.scores),
            table: table)
    }

    /// A short message for the client; `scores`, when given, are the entry's.
    package func feedback(
        entry: Value, params: HookParams, scope: String, scores: EntryScores? = nil
    ) throws -> String? {
        guard declaration.hooks.contains(.feedback) else { return nil }
        let arguments = [entry, params.value] + (scores.map { [$0.table] } ?? [])
        return try call(.feedback, arguments, scope: scope, params: params).string
    }

    /// Flags raised by an entry; `scores`, when given, are the entry's.
    package func flags(entry: Value, params: HookParams, scope: String, scores: EntryScores? = nil)
        throws -> [PluginFlag]
    {
        guard declaration.hooks.contains(.flags) else { return [] }
        let arguments = [entry, params.value] + (scores.map { [$0.table] } ?? [])
        return try HookResults(plugin: file).flags(
            call(.flags, arguments, scope: scope, params: params))
    }

    /// The progress state after `entry`.
    package func advance(state: Value, entry: Value, params: HookParams, scope: String) throws
        -> Value
    {
        guard declaration.hooks.contains(.advance) else { return state }
        return try call(.advance, [state, entry, params.value], scope: scope, params: params)
    }

    /// The plugin's summary of a client's entries, oldest first (`.null` without a hook).
    public func summarize(history: [Value], params: Value, scope: String) throws -> Value {
        guard declaration.hooks.contains(.summarize) else { return .null }
        return try call(.summarize, [.array(history), params], scope: scope)
    }

    /// Risk and attention flags raised by an entry; `scores`, when given,
    /// are the entry's (else the hook computes them again).
    public func flags(entry: Value, params: Value, scope: String, scores: EntryScores? = nil)
        throws -> [PluginFlag]
    {
        guard declaration.hooks.contains(.flags) else { return [] }
        let arguments = [entry, params] + (scores.map { [$0.table] } ?? [])
        return try HookResults(plugin: file).flags(call(.flags, arguments, scope: scope))
    }

    /// An entry made with an older `version` of this type, brought up to this
    /// version (unchanged without a `migrate` hook).
    public func migrate(entry: Value, from version: String, scope: String) throws -> Value {
        guard declaration.hooks.contains(.migrate) else { return entry }
        return try call(.migrate, [entry, .string(version)], scope: scope)
    }

    /// Calls a hook; params the host filled in go through the prelude's
    /// entry point that takes them as they are.
    private func call(
        _ hook: HomeworkHook, _ arguments: [Value], scope: String, params: HookParams? = nil
    ) throws -> Value {
        hookCalls += 1
        let entry = params?.filled == true ? "carryover_hook_filled" : "carryover_hook"
        return try sandbox.call(entry, [.string(hook.rawValue)] + arguments, scope: scope)
    }
}

/// HookParams as a hook receives them: as given (the prelude fills in the
/// declared defaults) or already filled by `HomeworkType.filled(_:)`.
package struct HookParams: Sendable {
    /// The params.
    package let value: Value
    /// Whether the declared defaults are filled in already.
    let filled: Bool

    /// HookParams as the assignment gives them.
    static func given(_ value: Value) -> HookParams { HookParams(value: value, filled: false) }
}

/// An entry's scores from the plugin's `score` hook.
public struct EntryScores: Sendable {
    /// The scores by name.
    public let numbers: [String: Double]
    /// The table `score` returned, passed on unchanged to `feedback` and `flags`.
    let table: Value

    init(numbers: [String: Double] = [:], table: Value = .object([:])) {
        self.numbers = numbers
        self.table = table
    }
}
