// Host entry points. Everything that can raise a Lua error (building tables,
// pushing strings under the memory cap, loading, calling) runs inside
// `lua_pcall` of one of the `clua_do_*` C functions below, so no error ever
// longjmps through a Swift frame. Swift describes values as a flat tape of
// operations that C replays inside the protected call.

#include "internal.h"

/// Replays `count` operations from the tape, pushing the values they build.
void clua_replay(lua_State *L, clua_tape *tape, size_t count) {
    size_t end = tape->next + count;
    while (tape->next < end) {
        const clua_op *op = &tape->ops[tape->next++];
        luaL_checkstack(L, 3, "value too deeply nested");
        switch (op->kind) {
        case CLUA_OP_NIL: lua_pushnil(L); break;
        case CLUA_OP_BOOL: lua_pushboolean(L, op->integer != 0); break;
        case CLUA_OP_INT: lua_pushinteger(L, (lua_Integer)op->integer); break;
        case CLUA_OP_NUMBER: lua_pushnumber(L, (lua_Number)op->number); break;
        case CLUA_OP_STRING: lua_pushlstring(L, tape->bytes + op->offset, op->length); break;
        case CLUA_OP_TABLE: lua_createtable(L, (int)op->integer, (int)op->length); break;
        case CLUA_OP_SET_INDEX: lua_rawseti(L, -2, (lua_Integer)op->integer); break;
        case CLUA_OP_SET_FIELD: lua_rawset(L, -3); break;
        default: luaL_error(L, "invalid value tape");
        }
    }
}

static clua_tape *clua_tape_arg(lua_State *L) {
    return (clua_tape *)lua_touserdata(L, 1);
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

/// Tape: source, chunk name. Loads a text chunk (never bytecode), gives it
/// the sandbox environment, runs it and returns its first result.
int clua_do_load(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    clua_tape *tape = clua_tape_arg(L);
    const clua_op *source = &tape->ops[0];
    const clua_op *name = &tape->ops[1];
    lua_pushlstring(L, tape->bytes + name->offset, name->length);
    clua_charge(L, (double)source->length * CLUA_UNITS_PER_SOURCE_BYTE);
    int status = luaL_loadbufferx(L, tape->bytes + source->offset, source->length,
                                  lua_tostring(L, -1), "t");
    if (status != LUA_OK) {
        c->syntaxError = status == LUA_ERRSYNTAX;
        return lua_error(L);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->envRef);
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, 1);
    return 1;
}

/// Tape: function name, then the arguments. Calls the sandbox global.
int clua_do_call(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    clua_tape *tape = clua_tape_arg(L);
    lua_settop(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->envRef);
    clua_replay(L, tape, 1);
    lua_pushvalue(L, 3);
    lua_gettable(L, 2);
    if (lua_type(L, 4) != LUA_TFUNCTION) {
        return luaL_error(L, "plugin has no function '%s'", lua_tostring(L, 3));
    }
    clua_replay(L, tape, tape->count - tape->next);
    lua_call(L, lua_gettop(L) - 4, 1);
    return 1;
}

/// Tape: a name. Answers whether the sandbox global `name` is a function.
int clua_do_has_function(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    clua_tape *tape = clua_tape_arg(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->envRef);
    clua_replay(L, tape, 1);
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

/// print: joins its arguments like the standard one and hands the line to
/// the host, which refuses it once the output cap is reached.
int clua_print(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    int n = lua_gettop(L);
    luaL_Buffer line;
    luaL_buffinit(L, &line);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&line, '\t');
        // luaL_addvalue is the one buffer call that takes a value above the
        // buffer's box (and keeps the string alive until it is copied).
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&line);
    }
    luaL_addchar(&line, '\n');
    luaL_pushresult(&line);
    size_t length;
    const char *text = lua_tolstring(L, -1, &length);
    if (c->write == NULL || c->write(c->host, text, length) != 0) {
        c->outputRefused = 1;
        return luaL_error(L, "output limit exceeded");
    }
    return 0;
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
    const char *option = luaL_optstring(L, 1, "collect");
    if (strcmp(option, "count") != 0) {
        return luaL_error(L, "forbidden: collectgarbage(\"%s\") is not allowed", option);
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


int clua_run(lua_State *L, lua_CFunction entry, clua_tape *tape) {
    if (!lua_checkstack(L, 4)) return LUA_ERRMEM;
    lua_pushcfunction(L, clua_msgh);
    lua_pushcfunction(L, entry);
    lua_pushlightuserdata(L, tape);
    return lua_pcall(L, 1, 1, -3);
}

void clua_push_shadows(lua_State *L) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, clua_ctl_of(L)->shadowsRef);
}

const char *clua_error_file(const clua_ctl *c) { return c->errorFile; }
