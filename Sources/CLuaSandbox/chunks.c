// The host's own Lua (the sandbox prelude, the DSL prelude, the instrument
// table) compiled once per process and kept as bytecode, so each new state
// loads it without parsing it again. Only chunks the host compiled itself
// from its own source are ever loaded in binary mode: plugins and `load`
// inside the sandbox stay text-only.

#include "internal.h"
#include <stdlib.h>

typedef struct clua_buffer {
    char *bytes;
    size_t length;
    size_t capacity;
} clua_buffer;

static int clua_append(lua_State *L, const void *bytes, size_t length, void *data) {
    (void)L;
    clua_buffer *buffer = data;
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (capacity < buffer->length + length) capacity *= 2;
        char *grown = realloc(buffer->bytes, capacity);
        if (grown == NULL) return 1;
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, bytes, length);
    buffer->length += length;
    return 0;
}

int clua_compile_trusted(const char *source, size_t length, const char *name, clua_chunk *chunk) {
    chunk->bytes = NULL;
    chunk->length = 0;
    lua_State *L = luaL_newstate();
    if (L == NULL) return LUA_ERRMEM;
    int status = luaL_loadbufferx(L, source, length, name, "t");
    clua_buffer buffer = {NULL, 0, 0};
    // Debug information stays (strip = 0): error positions and the message
    // handler's test for prelude frames read the chunk name and lines.
    if (status == LUA_OK && lua_dump(L, clua_append, &buffer, 0) != 0) {
        status = LUA_ERRMEM;
    }
    lua_close(L);
    if (status != LUA_OK) {
        free(buffer.bytes);
        return status;
    }
    chunk->bytes = buffer.bytes;
    chunk->length = buffer.length;
    return LUA_OK;
}

int clua_load_trusted(lua_State *L, const clua_chunk *chunk, const char *name) {
    return luaL_loadbufferx(L, chunk->bytes, chunk->length, name, "b");
}

/// (chunk): runs one of the host's compiled chunks in the sandbox
/// environment, as clua_do_load runs a text chunk; returns its first result.
int clua_do_load_trusted(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    const clua_chunk *chunk = lua_touserdata(L, 1);
    if (chunk == NULL || chunk->bytes == NULL) return luaL_error(L, "no compiled chunk");
    if (clua_load_trusted(L, chunk, "=?") != LUA_OK) return lua_error(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->envRef);
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, 1);
    return 1;
}
