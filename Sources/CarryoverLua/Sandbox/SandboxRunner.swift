import CLua
import CLuaSandbox
import CarryoverCore
import Foundation

/// Runs one protected entry point (setup, load, call, seal) under the
/// limits, then converts its result or turns its failure into a
/// ``SandboxError``.
struct SandboxRunner {
    let state: LuaState
    let plugin: String
    let limits: SandboxLimits
    let clock: any WallClock
    /// Receives the output and usage of each run.
    let report: (String, ResourceUsage) -> Void

    @discardableResult
    func run(_ entry: lua_CFunction, tape: ValueTape, resultPath: String?) throws(SandboxError)
        -> Value
    {
        let lua = state.pointer
        let control = state.control
        let base = lua_gettop(lua)
        defer { lua_settop(lua, base) }
        prepare(control)
        let start = ContinuousClock.now
        clua_arm(
            lua, Int64(limits.instructions), limits.wallClockNanoseconds,
            Int64(max(limits.maxStringBytes, 0)))
        let status = tape.withTape { clua_run(lua, entry, $0) }
        let spent =
            control.pointee.killed != 0
            ? control.pointee.budget : control.pointee.budget - control.pointee.remaining
        report(
            state.output.text,
            ResourceUsage(
                instructions: Int(max(spent, 0)), peakMemoryBytes: control.pointee.memoryPeak,
                duration: ContinuousClock.now - start))
        guard status == LUA_OK else { throw failure(status: status) }
        guard let resultPath else { return .null }
        clua_push_shadows(lua)
        var reader = LuaValueReader(
            state: lua, shadows: lua_gettop(lua), limits: limits, plugin: plugin)
        return try reader.read(at: -2, path: resultPath)
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
        switch control.killed {
        case Int32(CLUA_KILL_INSTRUCTIONS):
            code = .instructionLimit
            message = "instruction limit of \(limits.instructions) exceeded"
        case Int32(CLUA_KILL_TIME):
            code = .timeLimit
            message = "time limit of \(limits.wallClock) exceeded"
        default:
            // A refusal the plugin caught and replaced with another error is
            // not this run's failure: the flags only name the kind of refusal.
            let outOfMemory = status == LUA_ERRMEM || message == "not enough memory"
            if outOfMemory && control.stringRefused != 0 {
                code = .memoryLimit
                message = "a string longer than the \(limits.maxStringBytes)-byte limit was refused"
            } else if outOfMemory {
                code = .memoryLimit
                message = "memory limit of \(limits.memoryBytes) bytes exceeded"
            } else if control.outputRefused != 0 && message == "output limit exceeded" {
                code = .outputLimit
                message = "output limit of \(limits.outputBytes) bytes exceeded"
            } else if control.syntaxError != 0 {
                code = .syntax
            } else if let rest = ErrorText.dropPrefix("forbidden: ", from: message) {
                code = .forbidden
                message = rest
            } else if let rest = ErrorText.dropPrefix("memory-limit: ", from: message) {
                code = .memoryLimit
                message = rest
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

    static func dropPrefix(_ prefix: String, from text: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }
}
