import CLua
import CLuaSandbox
import CarryoverCore
import Foundation

/// One sandboxed `lua_State` with its control block and output sink.
///
/// Owns the C memory: the control block is allocated before `lua_newstate`
/// (the allocator counts into it) and freed after `lua_close`.
final class LuaState {
    let pointer: OpaquePointer
    let control: UnsafeMutablePointer<clua_ctl>
    let output: OutputSink
    /// The UTC day (days since the epoch) whose date is in the control block.
    var todayCache: (day: Int64, text: String)?

    init(plugin: String, limits: SandboxLimits) throws(SandboxError) {
        control = .allocate(capacity: 1)
        control.initialize(to: clua_ctl())
        output = OutputSink(capacity: limits.outputBytes)
        let state = clua_newstate(
            control, max(limits.memoryBytes, 0), max(limits.maxStringBytes, 0))
        control.pointee.host = Unmanaged.passUnretained(output).toOpaque()
        control.pointee.write = Self.write
        guard let state else {
            control.deallocate()
            throw SandboxError(
                .memoryLimit, plugin: plugin,
                message: "cannot create a Lua state within \(limits.memoryBytes) bytes")
        }
        pointer = state
    }

    /// The print callback: appends to the sink and reports refusal as a
    /// status (the C trampoline raises the Lua error, never Swift).
    private static let write: clua_write_fn = { host, bytes, length in
        guard let host, let bytes else { return 1 }
        let sink = Unmanaged<OutputSink>.fromOpaque(host).takeUnretainedValue()
        return sink.append(UnsafeRawBufferPointer(start: bytes, count: length)) ? 0 : 1
    }

    deinit {
        clua_disarm_for_close(pointer)
        lua_close(pointer)
        control.deallocate()
    }
}

/// Collects what `print` writes during one run, up to a byte cap.
final class OutputSink {
    private(set) var bytes: [UInt8] = []
    var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Appends what fits; returns false when the cap is reached.
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        let room = capacity - bytes.count
        bytes.append(contentsOf: chunk.prefix(max(room, 0)))
        return chunk.count <= room
    }

    func reset(capacity: Int) {
        bytes.removeAll(keepingCapacity: true)
        self.capacity = capacity
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
