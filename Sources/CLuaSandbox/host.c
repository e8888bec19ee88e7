// Host entry points and the errors only the host raises. Everything that can
// raise a Lua error (loading, calling, sealing, setup) runs inside
// `lua_pcall` of one of the `clua_do_*` C functions below, so no error ever
// longjmps through a Swift frame. Their arguments are pushed by the host
// with plain C-API calls while the allocator refuses nothing.

#include "internal.h"
#include <stdarg.h>

int clua_host_error(lua_State *L, int code, int level, const char *format, ...) {
    clua_ctl *c = clua_ctl_of(L);
    va_list arguments;
    if (level > 0) {
        luaL_where(L, level);
    } else {
        lua_pushliteral(L, "");
    }
    va_start(arguments, format);
    lua_pushvfstring(L, format, arguments);
    va_end(arguments);
    lua_concat(L, 2);
    // Only this very value carries the code: a plugin's own error with the
    // same text is another value (or, for an interned short string, the
    // plugin passing the host's error on, which keeps its meaning).
    lua_pushvalue(L, -1);
    lua_rawseti(L, LUA_REGISTRYINDEX, c->hostErrorRef);
    c->hostErrorCode = code;
    return lua_error(L);
}

int clua_host_error_code(lua_State *L, int index) {
    clua_ctl *c = clua_ctl_of(L);
    if (c->hostErrorCode == CLUA_HOST_ERROR_NONE || !lua_checkstack(L, 1)) {
        return CLUA_HOST_ERROR_NONE;
    }
    index = lua_absindex(L, index);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->hostErrorRef);
    int same = lua_rawequal(L, index, -1);
    lua_pop(L, 1);
    return same ? c->hostErrorCode : CLUA_HOST_ERROR_NONE;
}

/// forbid(message, level): the prelude's refusals (frozen tables, `__gc`),
/// raised as host errors with the position of `level` as `error` gives it.
int clua_forbid(lua_State *L) {
    const char *message = luaL_checkstring(L, 1);
    int level = (int)luaL_optinteger(L, 2, 1);
    return clua_host_error(L, CLUA_HOST_ERROR_FORBIDDEN, level, "%s", message);
}

/// Message handler: records where the error happened and turns the error
/// object into text. `__tostring` runs under the budget; if it fails, Lua
/// reports an error in error handling and the host uses a fixed text.
int clua_msgh(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    lua_Debug ar;
    // The innermost plugin line: prelude frames (freezing, load) are the
    // host's, not a place the plugin author can look up.
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && strcmp(ar.source, CLUA_PRELUDE_NAME) != 0) {
            strncpy(c->errorFile, ar.short_src, sizeof c->errorFile - 1);
            c->errorFile[sizeof c->errorFile - 1] = '\0';
            c->errorLine = ar.currentline;
            break;
        }
    }
    if (lua_type(L, 1) == LUA_TSTRING) return 1;
    if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        luaL_tolstring(L, 1, NULL);
        return 1;
    }
    if (lua_type(L, 1) == LUA_TNUMBER) {
        luaL_tolstring(L, 1, NULL);
        return 1;
    }
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    return 1;
}

int clua_push_entry(lua_State *L, lua_CFunction entry, int slots) {
    if (slots < 0 || !lua_checkstack(L, slots + 4)) return 0;
    lua_pushcfunction(L, clua_msgh);
    lua_pushcfunction(L, entry);
    return 1;
}

int clua_run(lua_State *L, int nargs) {
    return lua_pcall(L, nargs, 1, -(nargs + 2));
}

/// (source, chunk name): loads a text chunk (never bytecode), gives it the
/// sandbox environment, runs it and returns its first result.
int clua_do_load(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    size_t length;
    const char *source = luaL_checklstring(L, 1, &length);
    const char *name = luaL_checkstring(L, 2);
    clua_charge(L, (double)length * CLUA_UNITS_PER_SOURCE_BYTE);
    int status = luaL_loadbufferx(L, source, length, name, "t");
    if (status != LUA_OK) {
        c->syntaxError = status == LUA_ERRSYNTAX;
        return lua_error(L);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->envRef);
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, 1);
    return 1;
}

/// (name, arguments...): calls the sandbox global `name`.
int clua_do_call(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    int n = lua_gettop(L);
    luaL_checkstack(L, 2, NULL);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->envRef);
    lua_pushvalue(L, 1);
    lua_gettable(L, -2);
    if (lua_type(L, -1) != LUA_TFUNCTION) {
        return luaL_error(L, "plugin has no function '%s'", lua_tostring(L, 1));
    }
    lua_replace(L, 1);
    lua_pop(L, 1);
    lua_call(L, n - 1, 1);
    return 1;
}

/// (name): whether the sandbox global `name` is a function.
int clua_do_has_function(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->envRef);
    lua_pushvalue(L, 1);
    lua_gettable(L, -2);
    lua_pushboolean(L, lua_type(L, -1) == LUA_TFUNCTION);
    return 1;
}

/// Calls the prelude's seal function on the sandbox environment.
int clua_do_seal(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->sealRef);
    lua_call(L, 0, 0);
    return 0;
}

void clua_push_shadows(lua_State *L) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, clua_ctl_of(L)->shadowsRef);
}

const char *clua_error_file(const clua_ctl *c) { return c->errorFile; }

/// print: joins its arguments as the standard one does (tostring without
/// addresses) and hands the line to the host, which refuses it once the
/// output cap is reached.
int clua_print(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    int n = lua_gettop(L);
    luaL_Buffer line;
    luaL_buffinit(L, &line);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&line, '\t');
        // luaL_addvalue is the one buffer call that takes a value above the
        // buffer's box (and keeps the string alive until it is copied).
        clua_safe_tolstring(L, i, NULL);
        luaL_addvalue(&line);
    }
    luaL_addchar(&line, '\n');
    luaL_pushresult(&line);
    size_t length;
    const char *text = lua_tolstring(L, -1, &length);
    if (c->write == NULL || c->write(c->host, text, length) != 0) {
        c->outputRefused = 1;
        return clua_host_error(L, CLUA_HOST_ERROR_OUTPUT, 1, "output limit exceeded");
    }
    return 0;
}

/// killed(): whether the run is over (prelude use only: its xpcall).
int clua_killed(lua_State *L) {
    lua_pushboolean(L, clua_ctl_of(L)->killed != CLUA_KILL_NONE);
    return 1;
}

int clua_clock_now(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)clua_ctl_of(L)->nowSeconds);
    return 1;
}

int clua_clock_today(lua_State *L) {
    lua_pushstring(L, clua_ctl_of(L)->today);
    return 1;
}

/// collectgarbage limited to "count" (the default "collect", "stop",
/// "generational" and the rest are refused).
int clua_collectgarbage(lua_State *L) {
    size_t length;
    const char *option = luaL_optlstring(L, 1, "collect", &length);
    if (length != 5 || memcmp(option, "count", 5) != 0) {
        return clua_host_error(L, CLUA_HOST_ERROR_FORBIDDEN, 1,
                               "collectgarbage(\"%s\") is not allowed", option);
    }
    int kilobytes = lua_gc(L, LUA_GCCOUNT, 0);
    int bytes = lua_gc(L, LUA_GCCOUNTB, 0);
    lua_pushnumber(L, (lua_Number)kilobytes + ((lua_Number)bytes / 1024));
    return 1;
}

/// enter(thread): records the thread about to run plugin code, so the
/// allocator can stop it (prelude use only: the sandbox's resume, wrap and
/// close call it). The registry slot keeps the thread alive while recorded.
int clua_enter(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    lua_State *thread = lua_tothread(L, 1);
    if (thread == NULL) return 0;
    lua_settop(L, 1);
    lua_rawseti(L, LUA_REGISTRYINDEX, c->runningRef);
    c->running = thread;
    if (c->killed) clua_stop(thread);
    return 0;
}

/// getmetatable without honouring `__metatable` (prelude use only).
int clua_rawgetmetatable(lua_State *L) {
    if (!lua_getmetatable(L, 1)) lua_pushnil(L);
    return 1;
}

/// setmetatable without honouring `__metatable` (prelude use only).
int clua_rawsetmetatable(lua_State *L) {
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}
