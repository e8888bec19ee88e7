import CLua
import CarryoverCore

/// Reads a Lua value into a `Value` with raw API calls that never raise
/// (no metamethods, no allocation except stack growth, which reports failure
/// instead of raising), so it can run outside a protected call.
///
/// Frozen tables are read through their hidden contents. Object keys are
/// sorted before their values are read, so the first error reported is the
/// same on every run whatever `pairs` order the table has.
struct LuaValueReader {
    private let state: OpaquePointer
    private let limits: SandboxLimits
    private let plugin: String
    private let shadows: Int32
    private var size = 0
    private var visiting: Set<UnsafeRawPointer> = []

    /// `shadows` is the stack index of the frozen-table map.
    init(state: OpaquePointer, shadows: Int32, limits: SandboxLimits, plugin: String) {
        self.state = state
        self.shadows = shadows
        self.limits = limits
        self.plugin = plugin
    }

    mutating func read(at index: Int32, path: String, depth: Int = 0) throws(SandboxError) -> Value
    {
        let index = lua_absindex(state, index)
        size += 16
        guard size <= limits.maxValueBytes else {
            throw failure("\(path) is larger than \(limits.maxValueBytes) bytes")
        }
        switch lua_type(state, index) {
        case LUA_TNIL:
            return .null
        case LUA_TBOOLEAN:
            return .bool(lua_toboolean(state, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(state, index) != 0 { return .int(lua_tointegerx(state, index, nil)) }
            let number = lua_tonumberx(state, index, nil)
            guard number.isFinite else {
                throw failure("\(path) is not a finite number")
            }
            return .double(number)
        case LUA_TSTRING:
            let text = try string(at: index, path: path)
            size += text.utf8.count
            return .string(text)
        case LUA_TTABLE:
            return try table(at: index, path: path, depth: depth)
        default:
            let typeName = String(cString: lua_typename(state, lua_type(state, index)))
            throw failure("\(path) is a \(typeName), which cannot be converted")
        }
    }

    private func string(at index: Int32, path: String) throws(SandboxError) -> String {
        var length = 0
        let pointer = lua_tolstring(state, index, &length)!
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw failure("\(path) is not valid UTF-8")
        }
        return text
    }

    private mutating func table(at index: Int32, path: String, depth: Int) throws(SandboxError)
        -> Value
    {
        guard depth < limits.maxDepth else {
            throw failure("\(path) is nested deeper than \(limits.maxDepth) levels")
        }
        let identity = lua_topointer(state, index)!
        guard visiting.insert(identity).inserted else { throw failure("\(path) contains a cycle") }
        defer { visiting.remove(identity) }
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        guard lua_checkstack(state, 4) != 0 else { throw failure("\(path) is nested too deeply") }
        // A frozen table keeps its contents in its shadow.
        lua_pushvalue(state, index)
        let contents = lua_rawget(state, shadows) == LUA_TTABLE ? lua_gettop(state) : index

        // Keep the keys on the stack: pushing a copy of an existing key
        // never allocates, pushing a new string could.
        var integerKeys = 0
        var stringKeys: [Int32] = []
        lua_pushnil(state)
        while lua_next(state, contents) != 0 {
            lua_settop(state, -2)
            if lua_type(state, -1) == LUA_TNUMBER && lua_isinteger(state, -1) != 0 {
                integerKeys += 1
            } else if lua_type(state, -1) == LUA_TSTRING {
                guard lua_checkstack(state, 3) != 0 else {
                    throw failure("\(path) has too many keys")
                }
                lua_pushvalue(state, -1)
                stringKeys.append(lua_gettop(state) - 1)
            } else {
                let typeName = String(cString: lua_typename(state, lua_type(state, -1)))
                throw failure(
                    "\(path) has a \(typeName) key; only strings or 1...n can be converted")
            }
        }
        if stringKeys.isEmpty {
            return try array(contents, count: integerKeys, path: path, depth: depth)
        }
        guard integerKeys == 0 else {
            throw failure("\(path) mixes integer and string keys")
        }
        var keyed: [(key: String, slot: Int32)] = []
        for slot in stringKeys {
            let key = try string(at: slot, path: "\(path) key")
            size += key.utf8.count
            keyed.append((key, slot))
        }
        guard size <= limits.maxValueBytes else {
            throw failure("\(path) is larger than \(limits.maxValueBytes) bytes")
        }
        keyed.sort { $0.key < $1.key }
        var members: [String: Value] = [:]
        for (key, slot) in keyed {
            lua_pushvalue(state, slot)
            lua_rawget(state, contents)
            members[key] = try read(at: -1, path: ValuePath.member(path, key), depth: depth + 1)
            lua_settop(state, -2)
        }
        return .object(members)
    }

    private mutating func array(_ contents: Int32, count: Int, path: String, depth: Int)
        throws(SandboxError) -> Value
    {
        var elements: [Value] = []
        elements.reserveCapacity(count)
        for position in stride(from: 1, through: count, by: 1) {
            guard lua_rawgeti(state, contents, lua_Integer(position)) != LUA_TNIL else {
                throw failure("\(path) has integer keys that are not exactly 1...\(count)")
            }
            elements.append(try read(at: -1, path: "\(path)[\(position)]", depth: depth + 1))
            lua_settop(state, -2)
        }
        return .array(elements)
    }

    private func failure(_ message: String) -> SandboxError {
        SandboxError(.conversion, plugin: plugin, message: message)
    }
}
