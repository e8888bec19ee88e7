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
    /// Lua states built for this type so far (see ``Sandbox/builds``).
    public var stateBuilds: Int { sandbox.builds }
    /// Hook calls made into the sandbox so far (a hook the plugin does not
    /// define is not called, and not counted).
    public private(set) var hookCalls = 0

    /// Loads a homework type from Lua source.
    ///
    /// - Throws: ``SandboxError`` naming `file` and the line on a syntax
    ///   error, a declaration mistake (missing id, bad version, unknown field
    ///   kind, a hook that is not a function, a default that breaks its own
    ///   param) or a limit hit.
    public init(
        source: String, file: String, limits: SandboxLimits = .default,
        clock: any WallClock = SystemClock(), seed: UInt64 = 0
    ) throws {
        self.file = file
        sandbox = try Sandbox(plugin: file, limits: limits, clock: clock, seed: seed)
        declaration = try Self.declare(in: sandbox, source: source, file: file)
        try sandbox.seal()
    }

    /// Loads the prelude and the plugin into `sandbox` and reads the declaration.
    static func declare(in sandbox: Sandbox, source: String, file: String) throws
        -> HomeworkDeclaration
    {
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
                value: try sandbox.call("carryover_hook", ["declaration"]))
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
        let problems = FieldValidator.validate(entry, against: declaration.fields)
        guard problems.isEmpty, declaration.hooks.contains(.validate) else { return problems }
        let result = try call(.validate, [entry, params], scope: scope)
        return try HookResults(plugin: file).problems(result)
    }

    /// Every problem of an assignment's params, after defaults are filled in.
    public func validateParams(_ params: Value) -> [ValidationProblem] {
        FieldValidator.validate(
            declaration.applyingParamDefaults(to: params), against: declaration.params)
    }

    /// The named numbers of an entry (only declared names; a name may be
    /// absent when it does not apply).
    public func score(entry: Value, params: Value, scope: String) throws -> [String: Double] {
        guard declaration.hooks.contains(.score) else { return [:] }
        return try HookResults(plugin: file).scores(call(.score, [entry, params], scope: scope))
    }

    /// A short message for the client, if the plugin has one.
    public func feedback(entry: Value, params: Value, scope: String) throws -> String? {
        guard declaration.hooks.contains(.feedback) else { return nil }
        return try call(.feedback, [entry, params], scope: scope).string
    }

    /// The progress state after `entry`; `state` is `.null` before the first entry.
    public func advance(state: Value, entry: Value, params: Value, scope: String) throws -> Value {
        guard declaration.hooks.contains(.advance) else { return state }
        return try call(.advance, [state, entry, params], scope: scope)
    }

    /// The plugin's summary of a client's entries, oldest first (`.null` without a hook).
    public func summarize(history: [Value], params: Value, scope: String) throws -> Value {
        guard declaration.hooks.contains(.summarize) else { return .null }
        return try call(.summarize, [.array(history), params], scope: scope)
    }

    /// Risk and attention flags raised by an entry.
    public func flags(entry: Value, params: Value, scope: String) throws -> [PluginFlag] {
        guard declaration.hooks.contains(.flags) else { return [] }
        return try HookResults(plugin: file).flags(call(.flags, [entry, params], scope: scope))
    }

    /// An entry made with an older `version` of this type, brought up to this
    /// version (unchanged without a `migrate` hook).
    public func migrate(entry: Value, from version: String, scope: String) throws -> Value {
        guard declaration.hooks.contains(.migrate) else { return entry }
        return try call(.migrate, [entry, .string(version)], scope: scope)
    }

    private func call(_ hook: HomeworkHook, _ arguments: [Value], scope: String) throws -> Value {
        hookCalls += 1
        return try sandbox.call(
            "carryover_hook", [.string(hook.rawValue)] + arguments, scope: scope)
    }
}
