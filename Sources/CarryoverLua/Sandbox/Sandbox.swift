import CLua
import CLuaSandbox
import CarryoverCore

/// A sandbox for one untrusted plugin: one `lua_State` with allow-listed
/// libraries, resource limits and Swift<->Lua value conversion.
///
/// Not `Sendable`: use it from one thread at a time. Calls with a different
/// client `scope` than the previous call run in a freshly rebuilt state, so
/// no upvalue or table can carry one client's data into another's call.
public final class Sandbox {
    /// The plugin's name, used in every error.
    public let plugin: String
    /// The limits for loads and for calls that pass no limits of their own.
    public let limits: SandboxLimits
    private let clock: any WallClock
    private let seed: UInt64
    private var state: LuaState
    /// What was loaded, in order, for a rebuild to replay.
    private var sources: [Chunk] = []
    private var sealed = false
    private var scope: String?
    private var callsSinceBuild = 0
    /// A load or seal failed part-way: the state may hold half its effects,
    /// so the next call runs in a state rebuilt from what succeeded.
    private var dirty = false

    /// What `print` wrote during the last load or call (capped).
    public private(set) var output = ""
    /// What the last load or call used.
    public private(set) var lastUsage = ResourceUsage()
    /// Lua states built so far: the first, then one per rebuild (a new
    /// client scope, or a failed load or seal).
    package private(set) var builds = 1

    /// Creates a sandbox; `clock` is the only time plugins see, `seed` seeds
    /// `math.random`.
    public init(
        plugin: String, limits: SandboxLimits = .default, clock: any WallClock, seed: UInt64
    ) throws {
        self.plugin = plugin
        self.limits = limits
        self.clock = clock
        self.seed = seed
        state = try Self.makeState(plugin: plugin, limits: limits, seed: seed, clock: clock)
    }

    /// Runs a text chunk (never bytecode) in the sandbox's environment; returns its first result.
    @discardableResult
    public func load(_ source: String, chunkName: String) throws -> Value {
        if dirty { try rebuild() }
        do {
            let result = try Self.load(
                .text(source, chunkName: chunkName), in: state, runner: runner(limits))
            sources.append(.text(source, chunkName: chunkName))
            return result
        } catch let error as SandboxError where error.code == .conversion {
            // The chunk ran; only its result could not be read. A rebuilt
            // state must run it too.
            sources.append(.text(source, chunkName: chunkName))
            throw error
        } catch {
            dirty = true
            throw error
        }
    }

    /// Runs one of the host's compiled chunks (a prelude) in the sandbox's
    /// environment, as ``load(_:chunkName:)`` runs text; its result is not read.
    func load(trusted chunk: TrustedChunk) throws {
        if dirty { try rebuild() }
        do {
            try Self.load(.trusted(chunk), in: state, runner: runner(limits), reading: false)
            sources.append(.trusted(chunk))
        } catch {
            dirty = true
            throw error
        }
    }

    /// Calls the global function `name` with converted arguments; returns its first result (.null if none).
    public func call(
        _ name: String, _ arguments: [Value], scope: String? = nil, limits: SandboxLimits? = nil
    ) throws -> Value {
        if dirty || (scope != self.scope && callsSinceBuild > 0) { try rebuild() }
        self.scope = scope
        callsSinceBuild += 1
        let limits = limits ?? self.limits
        return try runner(limits).run(clua_do_call, resultPath: "result") {
            writer throws(SandboxError) in
            try writer.push(text: name)
            for (position, argument) in arguments.enumerated() {
                try writer.push(argument, path: "arguments[\(position + 1)]")
            }
        }
    }

    /// Whether the plugin defines a global function `name` (for optional hooks).
    public func hasFunction(_ name: String) throws -> Bool {
        if dirty { try rebuild() }
        return try runner(limits).run(clua_do_has_function, resultPath: "result") {
            writer throws(SandboxError) in try writer.push(text: name)
        } == true
    }

    /// After plugin code is loaded: make the globals table and every table reachable from it read-only, so calls cannot keep state in globals.
    public func seal() throws {
        if dirty { try rebuild() }
        do {
            try runner(limits).run(clua_do_seal, resultPath: nil) { _ throws(SandboxError) in }
            sealed = true
        } catch {
            dirty = true
            throw error
        }
    }

    private func runner(_ limits: SandboxLimits) -> SandboxRunner {
        SandboxRunner(state: state, plugin: plugin, limits: limits, clock: clock) {
            [unowned self] output, usage in
            self.output = output
            self.lastUsage = usage
        }
    }

    /// Replaces the state with a fresh one built from the same sources.
    private func rebuild() throws {
        let fresh = try Self.makeState(plugin: plugin, limits: limits, seed: seed, clock: clock)
        let freshRunner = SandboxRunner(state: fresh, plugin: plugin, limits: limits, clock: clock)
        { _, _ in }
        for chunk in sources {
            try Self.load(chunk, in: fresh, runner: freshRunner, reading: false)
        }
        if sealed {
            try freshRunner.run(clua_do_seal, resultPath: nil) { _ throws(SandboxError) in }
        }
        state = fresh
        builds += 1
        callsSinceBuild = 0
        dirty = false
    }

    /// Runs a chunk; `reading: false` skips converting its result (a replay
    /// needs the chunk's effects, not its result).
    @discardableResult
    private static func load(
        _ chunk: Chunk, in state: LuaState, runner: SandboxRunner, reading: Bool = true
    ) throws -> Value {
        switch chunk {
        case .text(let source, let chunkName):
            try runner.run(clua_do_load, resultPath: reading ? "result" : nil) {
                writer throws(SandboxError) in
                try writer.push(text: source)
                try writer.push(text: "=" + chunkName)
            }
        case .trusted(let chunk):
            try runner.run(clua_do_load_trusted, resultPath: reading ? "result" : nil) {
                writer throws(SandboxError) in writer.push(chunk: chunk)
            }
        }
    }

    /// A chunk loaded into the sandbox: a plugin's text, or the host's compiled code.
    private enum Chunk {
        case text(String, chunkName: String)
        case trusted(TrustedChunk)
    }

    private static func makeState(
        plugin: String, limits: SandboxLimits, seed: UInt64, clock: any WallClock
    ) throws -> LuaState {
        let state = try LuaState(plugin: plugin, limits: limits)
        let runner = SandboxRunner(state: state, plugin: plugin, limits: limits, clock: clock) {
            _, _ in
        }
        try runner.run(clua_do_setup, resultPath: nil) { writer throws(SandboxError) in
            writer.push(chunk: TrustedChunk.sandboxPrelude)
            try writer.push(.int(Int64(bitPattern: seed)), path: "seed")
        }
        return state
    }
}
