import CLua
import CLuaSandbox
import CarryoverCore

/// Reads a Lua value into a ``Value`` with raw API calls that never raise
/// (no metamethods, no allocation, no stack growth beyond a few slots per
/// level), so it runs outside a protected call.
///
/// The reading is the plugin's cost: it is charged against the run's
/// instruction budget and stops at its deadline (issue 14: a result within
/// the size limit must not cost seconds of host work after the clock
/// stopped). Frozen tables are read through their hidden contents. The
/// error reported is the same whatever `pairs` order a table has: the
/// member error with the smallest key wins, and a size overflow inside an
/// object names the object's place, not the member that happened to tip it.
struct LuaValueReader {
    /// Fuel per value read and per 32 bytes of string copied (measured in a
    /// release build: a result of 40,000 string keys took about 60 ns a key,
    /// 9 units, against 10 to 19 ns per VM instruction under the hook).
    static let unitsPerNode: Int64 = 8
    static let bytesPerUnit = 32
    /// Charges are paid (and the deadline read) in steps of this many units.
    static let unitsPerCharge: Int64 = 4096

    private let state: OpaquePointer
    private let control: UnsafeMutablePointer<clua_ctl>
    private let limits: SandboxLimits
    private let plugin: String
    private let shadows: Int32
    private var size = 0
    private var owed: Int64 = 0
    private var visiting: [UnsafeRawPointer] = []

    /// Why reading stopped: a member's own problem, which a smaller key of
    /// the same object may outrank, or one that ends the reading at once.
    private enum Failure: Error {
        case member(SandboxError)
        case fatal(SandboxError)
        var error: SandboxError {
            switch self {
            case .member(let error), .fatal(let error): return error
            }
        }
    }

    /// `shadows` is the stack index of the frozen-table map.
    init(
        state: OpaquePointer, control: UnsafeMutablePointer<clua_ctl>, shadows: Int32,
        limits: SandboxLimits, plugin: String
    ) {
        self.state = state
        self.control = control
        self.shadows = shadows
        self.limits = limits
        self.plugin = plugin
    }

    mutating func read(at index: Int32, path: String) throws(SandboxError) -> Value {
        do {
            let value = try node(
                at: lua_absindex(state, index), path: path, sizePath: path, insideObject: false,
                depth: 0)
            try pay(all: true)
            return value
        } catch {
            throw error.error
        }
    }

    /// `sizePath` is the part of `path` that does not depend on member order
    /// (inside an object the size limit may be reached in any member). Paths
    /// are built only when an error needs them.
    private mutating func node(
        at index: Int32, path: @autoclosure () -> String, sizePath: @autoclosure () -> String,
        insideObject: Bool, depth: Int
    ) throws(Failure) -> Value {
        size += 16
        owed += Self.unitsPerNode
        try checkSize(sizePath())
        if owed >= Self.unitsPerCharge { try pay(all: false) }
        switch lua_type(state, index) {
        case LUA_TNIL:
            return .null
        case LUA_TBOOLEAN:
            return .bool(lua_toboolean(state, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(state, index) != 0 { return .int(lua_tointegerx(state, index, nil)) }
            let number = lua_tonumberx(state, index, nil)
            guard number.isFinite else { throw member("\(path()) is not a finite number") }
            return .double(number)
        case LUA_TSTRING:
            let text = try string(at: index, path: path())
            size += text.utf8.count
            try checkSize(sizePath())
            return .string(text)
        case LUA_TTABLE:
            return try table(
                at: index, path: path(), sizePath: sizePath(), insideObject: insideObject,
                depth: depth)
        default:
            let typeName = String(cString: lua_typename(state, lua_type(state, index)))
            throw member("\(path()) is a \(typeName), which cannot be converted")
        }
    }

    /// The string at `index` (which must be a string: lua_tolstring would
    /// convert a number in place).
    private mutating func string(at index: Int32, path: @autoclosure () -> String) throws(Failure)
        -> String
    {
        var length = 0
        let pointer = lua_tolstring(state, index, &length)!
        owed += Int64(length / Self.bytesPerUnit)
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw member("\(path()) is not valid UTF-8")
        }
        return text
    }

    private mutating func table(
        at index: Int32, path: @autoclosure () -> String, sizePath: @autoclosure () -> String,
        insideObject: Bool, depth: Int
    ) throws(Failure) -> Value {
        guard depth < limits.maxDepth else {
            throw member("\(path()) is nested deeper than \(limits.maxDepth) levels")
        }
        let identity = lua_topointer(state, index)!
        guard !visiting.contains(identity) else { throw member("\(path()) contains a cycle") }
        visiting.append(identity)
        let base = lua_gettop(state)
        defer {
            lua_settop(state, base)
            visiting.removeLast()
        }
        guard lua_checkstack(state, 4) != 0 else { throw fatal("\(path()) is nested too deeply") }
        // A frozen table keeps its contents in its shadow.
        lua_pushvalue(state, index)
        let contents = lua_rawget(state, shadows) == LUA_TTABLE ? lua_gettop(state) : index
        let keys = try classifyKeys(contents, path: path())
        if keys.strings == 0 {
            return try array(
                contents, count: keys.integers, path: path(), sizePath: sizePath(),
                insideObject: insideObject, depth: depth)
        }
        guard keys.integers == 0 else { throw member("\(path()) mixes integer and string keys") }
        return try object(
            contents, count: keys.strings, path: path(), sizePath: sizePath(), depth: depth)
    }

    /// How many integer and string keys `contents` has; any other key is an
    /// error (the smallest type name, so the message does not depend on order).
    private mutating func classifyKeys(_ contents: Int32, path: @autoclosure () -> String)
        throws(Failure) -> (integers: Int, strings: Int)
    {
        var integers = 0
        var strings = 0
        var other: String?
        lua_pushnil(state)
        while lua_next(state, contents) != 0 {
            lua_settop(state, -2)
            owed += 1
            if lua_type(state, -1) == LUA_TNUMBER && lua_isinteger(state, -1) != 0 {
                integers += 1
            } else if lua_type(state, -1) == LUA_TSTRING {
                strings += 1
            } else {
                let typeName = String(cString: lua_typename(state, lua_type(state, -1)))
                other = min(other ?? typeName, typeName)
            }
        }
        if let other {
            throw member("\(path()) has a \(other) key; only strings or 1...n can be converted")
        }
        return (integers, strings)
    }

    private mutating func array(
        _ contents: Int32, count: Int, path: @autoclosure () -> String,
        sizePath: @autoclosure () -> String, insideObject: Bool, depth: Int
    ) throws(Failure) -> Value {
        var elements: [Value] = []
        elements.reserveCapacity(count)
        for position in stride(from: 1, through: count, by: 1) {
            guard lua_rawgeti(state, contents, lua_Integer(position)) != LUA_TNIL else {
                throw member("\(path()) has integer keys that are not exactly 1...\(count)")
            }
            // Arrays are read in order: outside objects an element's place is stable.
            let element = try node(
                at: lua_gettop(state), path: "\(path())[\(position)]",
                sizePath: insideObject ? sizePath() : "\(path())[\(position)]",
                insideObject: insideObject, depth: depth + 1)
            elements.append(element)
            lua_settop(state, -2)
        }
        return .array(elements)
    }

    private mutating func object(
        _ contents: Int32, count: Int, path: @autoclosure () -> String,
        sizePath: @autoclosure () -> String, depth: Int
    ) throws(Failure) -> Value {
        var members: [String: Value] = [:]
        members.reserveCapacity(count)
        var first: (key: String, error: SandboxError)?
        lua_pushnil(state)
        while lua_next(state, contents) != 0 {
            defer { lua_settop(state, -2) }
            let key: String
            do {
                key = try string(at: -2, path: "\(path()) key")
            } catch {
                let bytes = lua_tolstring(state, -2, nil).map { String(cString: $0) } ?? ""
                if first.map({ bytes < $0.key }) ?? true { first = (bytes, error.error) }
                continue
            }
            size += key.utf8.count
            try checkSize(sizePath())
            // Once a member failed, only a smaller key can change the error.
            if let first, first.key <= key { continue }
            do {
                members[key] = try node(
                    at: lua_gettop(state), path: ValuePath.member(path(), key),
                    sizePath: sizePath(), insideObject: true, depth: depth + 1)
            } catch .member(let error) {
                first = (key, error)
            }
        }
        if let first { throw .member(first.error) }
        return .object(members)
    }

    /// Charges what reading has cost so far; `all` pays every unit owed.
    private mutating func pay(all: Bool) throws(Failure) {
        guard owed > 0, all || owed >= Self.unitsPerCharge else { return }
        let killed = clua_charge_host(control, owed)
        owed = 0
        guard killed == Int32(CLUA_KILL_NONE) else {
            throw .fatal(SandboxError.limit(killed: killed, plugin: plugin, limits: limits))
        }
    }

    private func checkSize(_ path: @autoclosure () -> String) throws(Failure) {
        guard size <= limits.maxResultBytes else {
            throw fatal("\(path()) is larger than \(limits.maxResultBytes) bytes")
        }
    }

    private func member(_ message: String) -> Failure {
        .member(SandboxError(.conversion, plugin: plugin, message: message))
    }

    private func fatal(_ message: String) -> Failure {
        .fatal(SandboxError(.conversion, plugin: plugin, message: message))
    }
}
