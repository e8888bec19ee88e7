#ifndef CARRYOVER_CLUA_SHIM_H
#define CARRYOVER_CLUA_SHIM_H

// Lua 5.4 from the system (liblua5.4-dev). Swift cannot import Lua's
// function-like macros, so each one used from Swift is wrapped here as a
// static inline function named `clua_<macro>`.
//
// Rule: no Lua error may longjmp through a Swift frame. Swift callbacks
// return a status; the C trampolines in this header raise the Lua error.

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

static inline void clua_newtable(lua_State *L) { lua_createtable(L, 0, 0); }

static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }

#endif
