import CLua
import CarryoverCore
import Foundation

/// The baseline's Lua: a plain `luaL_newstate` with every standard library
/// (`luaL_openlibs`), no allocator cap, no hook, no frozen tables, no value
/// tape. Trusted code only: this is what the sandbox is measured against.
final class BareLua {
    private let state: OpaquePointer

    init() throws {
        guard let state = luaL_newstate() else { throw BenchError("luaL_newstate failed") }
        self.state = state
        luaL_openlibs(state)
    }

    deinit { lua_close(state) }

    /// Loads and runs a text chunk.
    func run(_ source: String, chunkName: String) throws {
        let status = source.withCString { text in
            luaL_loadbufferx(state, text, strlen(text), "=" + chunkName, "t")
        }
        guard status == LUA_OK, clua_pcall(state, 0, 0, 0) == LUA_OK else {
            throw BenchError("bare Lua: \(String(cString: clua_tostring(state, -1)))")
        }
    }

    /// Calls the DSL's `carryover_hook(hook, arguments...)` with tables built
    /// through the C API and returns how many items (or keys) its result has,
    /// after reading every number in it, as the engine reads a result.
    func callHook(_ hook: String, _ arguments: [Value]) throws -> Int {
        lua_settop(state, 0)
        lua_getglobal(state, "carryover_hook")
        lua_pushstring(state, hook)
        for argument in arguments { push(argument) }
        guard clua_pcall(state, Int32(arguments.count + 1), 1, 0) == LUA_OK else {
            throw BenchError("bare Lua \(hook): \(String(cString: clua_tostring(state, -1)))")
        }
        defer { lua_settop(state, 0) }
        guard lua_type(state, -1) == LUA_TTABLE else { return 0 }
        var count = 0
        lua_pushnil(state)
        while lua_next(state, -2) != 0 {
            if lua_type(state, -1) == LUA_TNUMBER { _ = lua_tonumberx(state, -1, nil) }
            count += 1
            clua_pop(state, 1)
        }
        return count
    }

    /// Pushes `value` as Lua data: objects and arrays as tables.
    private func push(_ value: Value) {
        switch value {
        case .null: lua_pushnil(state)
        case .bool(let flag): lua_pushboolean(state, flag ? 1 : 0)
        case .int(let number): lua_pushinteger(state, number)
        case .double(let number): lua_pushnumber(state, number)
        case .string(let text): lua_pushstring(state, text)
        case .array(let items):
            lua_createtable(state, Int32(items.count), 0)
            for (index, item) in items.enumerated() {
                push(item)
                lua_rawseti(state, -2, lua_Integer(index + 1))
            }
        case .object(let members):
            lua_createtable(state, 0, Int32(members.count))
            for (key, member) in members {
                push(member)
                lua_setfield(state, -2, key)
            }
        }
    }
}
