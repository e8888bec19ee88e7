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

/// Wraps `library[name]` with `guard` (the original as upvalue 1) and
/// stores the guarded function in the host table (on top) as `name`.
static void clua_set_guard(lua_State *L, int library, const char *name, lua_CFunction guard) {
    lua_getfield(L, library, name);
    lua_pushcclosure(L, guard, 1);
    lua_setfield(L, -2, name);
}

/// A fresh registry slot (holding false until used).
static int clua_new_slot(lua_State *L) {
    lua_pushboolean(L, 0);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

/// (compiled prelude, seed): the libraries, the host table, the prelude.
int clua_do_setup(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    const clua_chunk *prelude = lua_touserdata(L, 1);
    if (prelude == NULL || prelude->bytes == NULL) return luaL_error(L, "no compiled prelude");
    lua_Integer seed = luaL_checkinteger(L, 2);
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

    c->runningRef = clua_new_slot(L);
    c->hostErrorRef = clua_new_slot(L);
    lua_createtable(L, 0, 0);  // tostring's numbers: weak keys
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    c->idsRef = luaL_ref(L, LUA_REGISTRYINDEX);

    if (clua_load_trusted(L, prelude, CLUA_PRELUDE_NAME) != LUA_OK) {
        return lua_error(L);
    }
    lua_createtable(L, 0, 32);
    clua_set_function(L, "print", clua_print);
    clua_set_function(L, "tostring", clua_tostring);
    clua_set_function(L, "next", clua_next);
    clua_set_function(L, "pairs", clua_pairs);
    clua_set_function(L, "forbid", clua_forbid);
    clua_set_function(L, "killed", clua_killed);
    clua_set_function(L, "now", clua_clock_now);
    clua_set_function(L, "today", clua_clock_today);
    clua_set_function(L, "collectgarbage", clua_collectgarbage);
    clua_set_function(L, "rawgetmetatable", clua_rawgetmetatable);
    clua_set_function(L, "rawsetmetatable", clua_rawsetmetatable);
    clua_set_function(L, "charge", clua_charge_function);
    clua_set_function(L, "enter", clua_enter);
    lua_pushinteger(L, CLUA_UNITS_PER_SOURCE_BYTE);
    lua_setfield(L, -2, "unitsPerSourceByte");
    clua_set_guard(L, string, "rep", clua_guard_rep);
    clua_set_guard(L, string, "format", clua_guard_format);
    clua_set_guard(L, string, "byte", clua_guard_range);
    clua_set_guard(L, table, "concat", clua_guard_concat);
    clua_set_guard(L, table, "sort", clua_guard_sort);
    clua_set_guard(L, table, "insert", clua_guard_shift);
    clua_set_guard(L, table, "remove", clua_guard_shift);
    clua_set_guard(L, table, "move", clua_guard_move);
    clua_set_guard(L, table, "unpack", clua_guard_unpack);
    clua_set_guard(L, base, "tonumber", clua_guard_scan);
    // The pattern functions are the sandbox's own metered copies.
    clua_set_function(L, "find", clua_find);
    clua_set_function(L, "match", clua_match);
    clua_set_function(L, "gmatch", clua_gmatch);
    clua_set_function(L, "gsub", clua_gsub);
    // utf8 and string share names, so utf8's guards go in a table of their own.
    lua_createtable(L, 0, 4);
    clua_set_guard(L, utf8, "codepoint", clua_guard_range);
    clua_set_guard(L, utf8, "len", clua_guard_scan);
    clua_set_guard(L, utf8, "offset", clua_guard_scan);
    clua_set_guard(L, utf8, "codes", clua_guard_codes);
    lua_setfield(L, -2, "utf8");
    lua_pushinteger(L, seed);
    lua_setfield(L, -2, "seed");
    lua_call(L, 1, 3);
    c->shadowsRef = luaL_ref(L, LUA_REGISTRYINDEX);
    c->sealRef = luaL_ref(L, LUA_REGISTRYINDEX);
    c->envRef = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}
