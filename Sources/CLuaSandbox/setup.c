// Builds a sandbox in a fresh state: opens the allow-listed libraries (never
// luaL_openlibs), then runs the trusted prelude (Lua source from the host)
// with a table of host functions. The prelude returns the sandbox
// environment, its seal function and the table of frozen tables' contents,
// kept in the registry.

#include "internal.h"

static void clua_set_function(lua_State *L, const char *name, lua_CFunction f) {
    lua_pushcfunction(L, f);
    lua_setfield(L, -2, name);
}

/// Wraps `library[name]` with `guard` (original as upvalue 1, `kind` as 2,
/// upvalues 3 to 6 free for the guard's cache) and stores the guarded
/// function in the host table (on top) as `name`.
static void clua_set_guard(lua_State *L, int library, const char *name,
                                  lua_CFunction guard, int kind) {
    lua_getfield(L, library, name);
    lua_pushinteger(L, kind);
    for (int i = 0; i < 4; i++) lua_pushnil(L);
    lua_pushcclosure(L, guard, 6);
    lua_setfield(L, -2, name);
}

/// Tape: prelude source, seed (integer).
int clua_do_setup(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    clua_tape *tape = (clua_tape *)lua_touserdata(L, 1);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    int base = lua_gettop(L);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    int string = lua_gettop(L);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    int table = lua_gettop(L);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    int utf8 = lua_gettop(L);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);

    lua_pushboolean(L, 0);
    c->runningRef = luaL_ref(L, LUA_REGISTRYINDEX);

    const clua_op *source = &tape->ops[0];
    if (luaL_loadbufferx(L, tape->bytes + source->offset, source->length, CLUA_PRELUDE_NAME,
                         "t") != LUA_OK) {
        return lua_error(L);
    }
    lua_createtable(L, 0, 16);
    clua_set_function(L, "print", clua_print);
    clua_set_function(L, "now", clua_clock_now);
    clua_set_function(L, "today", clua_clock_today);
    clua_set_function(L, "collectgarbage", clua_collectgarbage);
    clua_set_function(L, "rawgetmetatable", clua_rawgetmetatable);
    clua_set_function(L, "rawsetmetatable", clua_rawsetmetatable);
    clua_set_function(L, "charge", clua_charge_function);
    clua_set_function(L, "enter", clua_enter);
    lua_pushinteger(L, CLUA_UNITS_PER_SOURCE_BYTE);
    lua_setfield(L, -2, "unitsPerSourceByte");
    clua_set_guard(L, string, "rep", clua_guard_rep, 0);
    clua_set_guard(L, string, "format", clua_guard_result_size, 0);
    clua_set_guard(L, string, "byte", clua_guard_range, 0);
    clua_set_guard(L, table, "concat", clua_guard_concat, 0);
    clua_set_guard(L, table, "sort", clua_guard_sort, 0);
    clua_set_guard(L, table, "insert", clua_guard_shift, 0);
    clua_set_guard(L, table, "remove", clua_guard_shift, 0);
    clua_set_guard(L, table, "move", clua_guard_move, 0);
    clua_set_guard(L, table, "unpack", clua_guard_unpack, 0);
    clua_set_guard(L, base, "tonumber", clua_guard_scan, 0);
    clua_set_guard(L, string, "find", clua_guard_pattern, CLUA_PATTERN_FIND);
    clua_set_guard(L, string, "match", clua_guard_pattern, CLUA_PATTERN_MATCH);
    clua_set_guard(L, string, "gmatch", clua_guard_pattern, CLUA_PATTERN_GMATCH);
    clua_set_guard(L, string, "gsub", clua_guard_gsub, CLUA_PATTERN_GSUB);
    // utf8 and string share names, so utf8's guards go in a table of their own.
    lua_createtable(L, 0, 3);
    clua_set_guard(L, utf8, "codepoint", clua_guard_range, 0);
    clua_set_guard(L, utf8, "len", clua_guard_scan, 0);
    clua_set_guard(L, utf8, "offset", clua_guard_scan, 0);
    lua_setfield(L, -2, "utf8");
    lua_pushinteger(L, (lua_Integer)tape->ops[1].integer);
    lua_setfield(L, -2, "seed");
    lua_call(L, 1, 3);
    c->shadowsRef = luaL_ref(L, LUA_REGISTRYINDEX);
    c->sealRef = luaL_ref(L, LUA_REGISTRYINDEX);
    c->envRef = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

