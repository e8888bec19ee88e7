#ifndef CARRYOVER_CLUA_SHIM_H
#define CARRYOVER_CLUA_SHIM_H

// Lua 5.4 from the system (liblua5.4-dev). Swift cannot import Lua's
// function-like macros: the few that Swift code calls are wrapped here. The
// sandbox (allocator, hook, guards, entry points) is the CLuaSandbox target.

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static inline int clua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}

static inline const char *clua_tostring(lua_State *L, int index) {
    return lua_tolstring(L, index, NULL);
}

static inline void clua_pop(lua_State *L, int n) { lua_settop(L, -(n)-1); }

#endif
