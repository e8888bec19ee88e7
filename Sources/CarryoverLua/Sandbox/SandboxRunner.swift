import CLua
import CLuaSandbox
import CarryoverCore
import Foundation

/// Runs one protected entry point (setup, load, call, seal) under the
/// limits: pushes its arguments with direct C-API calls, calls it in one
/// `lua_pcall`, then reads its result (charged to the same budget and
/// deadline) or turns its failure into a ``SandboxError``.
struct SandboxRunner {
    let state: LuaState
    let plugin: String
    let limits: SandboxLimits
    let clock: any WallClock
    /// Receives the output and usage of each run.
    let report: (String, ResourceUsage) -> Void

    /// `arguments` pushes the entry's arguments through the writer; a nil
    /// `resultPath` skips reading the result.
    @discardableResult
    func run(
        _ entry: lua_CFunction, resultPath: String?,
        arguments: (inout LuaValueWriter) throws(SandboxError) -> Void
    ) throws(SandboxError) -> Value {
        let lua = state.pointer
        let control = state.control
        let base = lua_gettop(lua)
        prepare(control)
        let start = ContinuousClock.now
        clua_arm(
            lua, Int64(limits.instructions), limits.wallClockNanoseconds,
            Int64(max(limits.maxStringBytes, 0)))
        defer {
            lua_settop(lua, base)
            let spent =
                control.pointee.killed != 0
                ? control.pointee.budget : control.pointee.budget - control.pointee.remaining
            report(
                state.output.text,
                ResourceUsage(
                    instructions: Int(max(spent, 0)), peakMemoryBytes: control.pointee.memoryPeak,
                    duration: ContinuousClock.now - start))
        }
        try push(entry, arguments: arguments)
        let status = clua_run(lua, lua_gettop(lua) - base - 2)
        guard status == LUA_OK else { throw failure(status: status) }
        guard let resultPath else { return .null }
        clua_push_shadows(lua)
        var reader = LuaValueReader(
            state: lua, control: control, shadows: lua_gettop(lua), limits: limits, plugin: plugin)
        return try reader.read(at: -2, path: resultPath)
    }

    /// The message handler, the entry and its arguments. The allocator
    /// refuses nothing meanwhile (so no push raises); the memory cap is
    /// checked once they are all on the stack.
    private func push(
        _ entry: lua_CFunction, arguments: (inout LuaValueWriter) throws(SandboxError) -> Void
    ) throws(SandboxError) {
        let lua = state.pointer
        // Twice at most: garbage an earlier run left (one stopped by a limit
        // keeps what it built until a collection) must not count against
        // this call's arguments, so a full collection comes before refusing.
        for _ in 0..<2 {
            guard clua_push_entry(lua, entry, 8) != 0 else {
                throw SandboxError(
                    .memoryLimit, plugin: plugin, message: "the Lua stack cannot grow")
            }
            var writer = LuaValueWriter(state: lua, limits: limits, plugin: plugin)
            clua_begin_host_push(lua)
            var failure: SandboxError?
            do {
                try arguments(&writer)
            } catch {
                failure = error
            }
            let withinCap = clua_end_host_push(lua) != 0
            if let failure { throw failure }
            if withinCap { return }
            lua_settop(lua, -Int32(writer.count) - 3)
            clua_collect(lua)
        }
        throw SandboxError(
            .memoryLimit, plugin: plugin,
            message: "the arguments do not fit the memory limit of \(limits.memoryBytes) bytes")
    }

    /// Fresh output, the memory cap, and the injected clock read once.
    private func prepare(_ control: UnsafeMutablePointer<clua_ctl>) {
        state.output.reset(capacity: limits.outputBytes)
        // size_t in C: a negative limit must mean none allowed, not no limit.
        control.pointee.memoryLimit = max(limits.memoryBytes, 0)
        let seconds = Int64(floor(clock.now().timeIntervalSince1970))
        control.pointee.nowSeconds = seconds
        // Calendar work costs microseconds; the date changes once a day.
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        guard state.todayCache?.day != day else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let text = String(
            format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        withUnsafeMutableBytes(of: &control.pointee.today) { buffer in
            let bytes = Array(text.utf8.prefix(buffer.count - 1)) + [0]
            buffer.copyBytes(from: bytes)
        }
        state.todayCache = (day, text)
    }

    private func failure(status: Int32) -> SandboxError {
        let lua = state.pointer
        let control = state.control.pointee
        var text = "error object could not be converted to text"
        if status != LUA_ERRERR && lua_type(lua, -1) == LUA_TSTRING {
            var length = 0
            let pointer = lua_tolstring(lua, -1, &length)!
            let bytes = UnsafeRawBufferPointer(start: pointer, count: min(length, 2000))
            text = String(decoding: bytes, as: UTF8.self)
        }
        let recordedFile =
            control.errorLine > 0 ? String(cString: clua_error_file(state.control)) : nil
        var (file, line, message) = ErrorText.splitPosition(text, knownFile: recordedFile)
        // Positions inside the host's prelude mean nothing to a plugin author:
        // use the innermost plugin line the message handler recorded.
        if file == nil || file == ErrorText.preludeName {
            file = recordedFile
            line = recordedFile == nil ? nil : Int(control.errorLine)
        }
        let code: SandboxError.Code
        let killed = control.killed
        if killed != Int32(CLUA_KILL_NONE) {
            let limit = SandboxError.limit(killed: killed, plugin: plugin, limits: limits)
            code = limit.code
            message = limit.message
        } else {
            // Codes come from the host alone: a refusal flag of this run, or
            // the very error value the host raised (never the error's text).
            let hostCode = clua_host_error_code(lua, -1)
            let refused = control.memoryRefused != 0 || control.stringRefused != 0
            // Lua raises `error("not enough memory", 0)` as a memory error
            // too (lua_error compares with its own message): only a refusal
            // of this run makes it one.
            let outOfMemory = refused && (status == LUA_ERRMEM || message == "not enough memory")
            if outOfMemory && control.stringRefused != 0 {
                code = .memoryLimit
                message = "a string longer than the \(limits.maxStringBytes)-byte limit was refused"
            } else if outOfMemory {
                code = .memoryLimit
                message = "memory limit of \(limits.memoryBytes) bytes exceeded"
            } else if hostCode == Int32(CLUA_HOST_ERROR_OUTPUT) {
                code = .outputLimit
                message = "output limit of \(limits.outputBytes) bytes exceeded"
            } else if hostCode == Int32(CLUA_HOST_ERROR_FORBIDDEN) {
                code = .forbidden
            } else if hostCode == Int32(CLUA_HOST_ERROR_MEMORY) {
                code = .memoryLimit
            } else if control.syntaxError != 0 {
                code = .syntax
            } else {
                code = .runtime
            }
        }
        return SandboxError(
            code, plugin: plugin, file: file, line: line, message: String(message.prefix(1000)))
    }
}

/// Parsing of Lua error text.
enum ErrorText {
    /// The prelude's chunk name as Lua shows it (without the leading "=").
    static let preludeName = "carryover-prelude"

    /// Splits `<file>:<line>: <message>` (as `error` and the compiler write
    /// it); text without a position comes back whole. A candidate file must
    /// be `knownFile`, a `[string "..."]` name, or free of spaces, so a
    /// message like "due: 10:30: late" is not mistaken for a position.
    static func splitPosition(_ text: String, knownFile: String? = nil) -> (
        file: String?, line: Int?, message: String
    ) {
        var searchStart = text.startIndex
        while let colon = text[searchStart...].firstIndex(of: ":") {
            let afterColon = text.index(after: colon)
            let digits = text[afterColon...].prefix { ("0"..."9").contains($0) }
            let rest = text[digits.endIndex...]
            let candidate = text[..<colon]
            let plausible =
                String(candidate) == knownFile || candidate.hasPrefix("[string \"")
                || !candidate.contains(where: \.isWhitespace)
            if !digits.isEmpty, rest.hasPrefix(": "), !candidate.isEmpty, plausible,
                let line = Int(digits)
            {
                return (String(text[..<colon]), line, String(rest.dropFirst(2)))
            }
            searchStart = afterColon
        }
        return (nil, nil, text)
    }

}

extension SandboxError {
    /// The error of a run the host stopped (`clua_ctl.killed`).
    static func limit(killed: Int32, plugin: String, limits: SandboxLimits) -> SandboxError {
        killed == Int32(CLUA_KILL_TIME)
            ? SandboxError(
                .timeLimit, plugin: plugin, message: "time limit of \(limits.wallClock) exceeded")
            : SandboxError(
                .instructionLimit, plugin: plugin,
                message: "instruction limit of \(limits.instructions) exceeded")
    }
}
