// The sandbox's tostring, next and pairs: no host addresses, and a deadline
// read that follows `next` into sparse tables.

#include "internal.h"

const char *clua_safe_tolstring(lua_State *L, int index, size_t *length) {
    index = lua_absindex(L, index);
    int type = lua_type(L, index);
    int objects = type == LUA_TTABLE || type == LUA_TFUNCTION || type == LUA_TTHREAD ||
                  type == LUA_TUSERDATA || type == LUA_TLIGHTUSERDATA;
    if (!objects || luaL_getmetafield(L, index, "__tostring") != LUA_TNIL) {
        if (objects) lua_pop(L, 1);
        return luaL_tolstring(L, index, length);  // calls __tostring when there is one
    }
    // A number per object, in the order tostring first met them, instead of
    // lua_topointer's address (weak keys: the objects may still be freed).
    clua_ctl *c = clua_ctl_of(L);
    luaL_checkstack(L, 4, NULL);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->idsRef);
    lua_pushvalue(L, index);
    lua_rawget(L, -2);
    lua_Integer id = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (id == 0) {
        id = ++c->lastId;
        lua_pushvalue(L, index);
        lua_pushinteger(L, id);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
    int nameType = luaL_getmetafield(L, index, "__name");  // pushed unless nil
    const char *kind = nameType == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, index);
    lua_pushfstring(L, "%s: #%I", kind, (LUAI_UACINT)id);
    if (nameType != LUA_TNIL) lua_remove(L, -2);
    return lua_tolstring(L, -1, length);
}

/// tostring(v), as the standard one but without addresses.
int clua_tostring(lua_State *L) {
    luaL_checkany(L, 1);
    clua_safe_tolstring(L, 1, NULL);
    return 1;
}

/// next(t, k): the standard one, ticking (one call can scan the empty
/// slots of a sparse table, a few milliseconds at the default memory cap).
int clua_next(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    clua_tick(L);
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

/// pairs(t): `__pairs` when there is one, else the ticking next.
int clua_pairs(lua_State *L) {
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") == LUA_TNIL) {
        lua_pushcfunction(L, clua_next);
        lua_pushvalue(L, 1);
        lua_pushnil(L);
    } else {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
    }
    return 3;
}
