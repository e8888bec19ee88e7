#ifndef CARRYOVER_CLUA_SHIM_H
#define CARRYOVER_CLUA_SHIM_H

// Lua 5.4 from the system (liblua5.4-dev). Swift cannot import Lua's
// function-like macros, so each one used from Swift is wrapped here as a
// static inline function named `clua_<macro>`.
//
// Rule: no Lua error may longjmp through a Swift frame. Swift callbacks
// return a status; the C trampolines in these headers raise the Lua error.
// The sandbox itself lives in clua_limits.h (allocator, hook, fuel),
// clua_host.h (protected entry points, message handler, print, clock),
// clua_guards.h (size guards and fuel), clua_patterns.h (pattern cost) and
// clua_setup.h (libraries).

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "clua_setup.h"

static inline int clua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}

static inline const char *clua_tostring(lua_State *L, int index) {
    return lua_tolstring(L, index, NULL);
}

static inline void clua_pop(lua_State *L, int n) { lua_settop(L, -(n)-1); }

static inline void clua_newtable(lua_State *L) { lua_createtable(L, 0, 0); }

static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }

/// Runs `entry` protected with the message handler: pushes the handler,
/// the entry and the tape (none of which allocates), then `lua_pcall`.
/// Leaves the first result or the error text on top, above the handler.
static inline int clua_run(lua_State *L, lua_CFunction entry, clua_tape *tape) {
    if (!lua_checkstack(L, 4)) return LUA_ERRMEM;
    lua_pushcfunction(L, clua_msgh);
    lua_pushcfunction(L, entry);
    lua_pushlightuserdata(L, tape);
    return lua_pcall(L, 1, 1, -3);
}

/// Pushes the map from frozen tables to their contents (no allocation).
static inline void clua_push_shadows(lua_State *L) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, clua_ctl_of(L)->shadowsRef);
}

static inline const char *clua_error_file(const clua_ctl *c) { return c->errorFile; }

#endif
