/// The resource limits of a ``Sandbox``: what one load or one call may use.
///
/// Every limit ends the run with a typed ``SandboxError`` and leaves the
/// sandbox usable for the next call.
public struct SandboxLimits: Sendable, Hashable {
    /// VM instructions per load and per call, plus fuel charged for work
    /// inside C functions (one unit per 64 bytes built, pattern matching per
    /// matcher step) and for reading the result (8 per value).
    public var instructions: Int
    /// Cap on the whole `lua_State`'s memory, enforced by the allocator.
    public var memoryBytes: Int
    /// Wall-clock time per load and per call (checked by the hook and the fuel
    /// charges, on the machine's monotonic clock, not the injected one).
    public var wallClock: Duration
    /// Bytes `print` may write during one call.
    public var outputBytes: Int
    /// Largest string a plugin may build, however it builds it.
    public var maxStringBytes: Int
    /// Deepest nesting of tables converted between Swift and Lua.
    public var maxDepth: Int
    /// Total size of one value passed to Lua: string bytes plus 16 per node.
    public var maxValueBytes: Int
    /// Total size of one value a plugin hands back, counted the same way.
    /// What the host does with a result afterwards (checking, storing it as
    /// JSON, its audit record) grows with its size: at 1 MiB a whole `log`
    /// with the largest state stays under a second (at 4 MiB it took 1.4 to
    /// 3.5 s and 190 MB, issue 14), a small multiple of the call's own budget.
    public var maxResultBytes: Int

    /// Creates limits; every argument defaults to the value in ``default``.
    public init(
        instructions: Int = 20_000_000,
        memoryBytes: Int = 32 << 20,
        wallClock: Duration = .seconds(1),
        outputBytes: Int = 64 << 10,
        maxStringBytes: Int = 1 << 20,
        maxDepth: Int = 64,
        maxValueBytes: Int = 4 << 20,
        maxResultBytes: Int = 1 << 20
    ) {
        self.instructions = instructions
        self.memoryBytes = memoryBytes
        self.wallClock = wallClock
        self.outputBytes = outputBytes
        self.maxStringBytes = maxStringBytes
        self.maxDepth = maxDepth
        self.maxValueBytes = maxValueBytes
        self.maxResultBytes = maxResultBytes
    }

    /// 20 million instructions, 32 MiB, 1 s, 64 KiB output, 1 MiB strings,
    /// depth 64, 4 MiB per value passed in, 1 MiB per result.
    public static let `default` = SandboxLimits()

    /// The wall-clock limit in nanoseconds, saturating instead of overflowing
    /// (a limit of centuries is as good as none).
    var wallClockNanoseconds: Int64 {
        let (seconds, attoseconds) = wallClock.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? 0 : .max }
        let (total, overflowAgain) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowAgain ? .max : total
    }
}

/// What the last load or call used.
public struct ResourceUsage: Sendable, Hashable {
    /// Instructions and fuel units charged (the hook counts in steps of 1,000).
    public var instructions: Int
    /// Highest memory of the whole state during the run.
    public var peakMemoryBytes: Int
    /// Wall time of the run, on the monotonic clock.
    public var duration: Duration

    public init(instructions: Int = 0, peakMemoryBytes: Int = 0, duration: Duration = .zero) {
        self.instructions = instructions
        self.peakMemoryBytes = peakMemoryBytes
        self.duration = duration
    }
}
