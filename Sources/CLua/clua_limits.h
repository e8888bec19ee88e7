#ifndef CARRYOVER_CLUA_LIMITS_H
#define CARRYOVER_CLUA_LIMITS_H

// Resource limits of one sandboxed lua_State: a capped allocator, an
// instruction budget enforced by a count hook, a wall-clock deadline, and a
// fuel charge for work done inside C functions (where hooks never fire).
//
// The control block is owned by Swift (allocated before lua_newstate, freed
// after lua_close) and reached from C through the allocator's userdata.

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lua.h>
#include <lauxlib.h>

/// Why the current run was stopped for good (sticky until the next run).
enum {
    CLUA_KILL_NONE = 0,
    CLUA_KILL_INSTRUCTIONS = 1,
    CLUA_KILL_TIME = 2,
};

/// How many instructions run between two hook calls while the budget lasts.
#define CLUA_HOOK_PERIOD 1000
/// One unit of fuel is charged per this many bytes allocated or scanned.
#define CLUA_BYTES_PER_UNIT 64
/// Allocations at least this large are refused once the run is killed, and
/// check the deadline (clock reads are too costly for every allocation).
#define CLUA_LARGE_ALLOCATION 4096

typedef int (*clua_write_fn)(void *host, const char *bytes, size_t length);

typedef struct clua_ctl {
    // Memory (whole state).
    size_t memoryUsed;
    size_t memoryPeak;
    size_t memoryLimit;
    int memoryRefused;
    // Largest string object (guards every way of building one, `..` too).
    size_t stringLimit;
    int stringRefused;
    // Instruction budget and deadline (per run).
    int64_t budget;
    int64_t remaining;
    int64_t deadlineNanos;
    int killed;
    // Output capture (print), written through a Swift callback.
    void *host;
    clua_write_fn write;
    int outputRefused;
    // Size guard for strings built by C functions.
    int64_t maxStringBytes;
    // The injected clock, read once per run by the host.
    int64_t nowSeconds;
    char today[16];
    // Where the last error happened (filled by the message handler).
    char errorFile[LUA_IDSIZE];
    int errorLine;
    int syntaxError;
    // Registry references to the sandbox environment and the seal function.
    int envRef;
    int sealRef;
    int shadowsRef;  // frozen table -> its hidden contents (weak keys)
} clua_ctl;

static inline int64_t clua_monotonic_nanos(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static inline clua_ctl *clua_ctl_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (clua_ctl *)ud;
}

/// A string object's size beyond its bytes in Lua 5.4: the 24-byte header
/// (offsetof(TString, contents)) and the terminating NUL.
#define CLUA_STRING_OVERHEAD 25

/// The allocator: caps the whole state's memory and the size of any one
/// string, charges fuel for large allocations, and refuses large ones once
/// the run is killed. In Lua 5.4 `osize` is a type tag, not a size, when
/// `ptr` is NULL: LUA_TSTRING when a new string object is created.
static inline void *clua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    clua_ctl *c = (clua_ctl *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        c->memoryUsed -= old;
        return NULL;
    }
    if (ptr == NULL && osize == LUA_TSTRING && nsize > c->stringLimit + CLUA_STRING_OVERHEAD) {
        c->stringRefused = 1;
        return NULL;
    }
    if (nsize > old) {
        size_t growth = nsize - old;
        if (c->memoryUsed + growth > c->memoryLimit) {
            c->memoryRefused = 1;
            return NULL;
        }
        if (growth >= CLUA_LARGE_ALLOCATION) {
            if (c->killed) return NULL;
            c->remaining -= (int64_t)(growth / CLUA_BYTES_PER_UNIT);
            if (c->remaining <= 0) {
                c->killed = CLUA_KILL_INSTRUCTIONS;
                return NULL;
            }
            if (clua_monotonic_nanos() > c->deadlineNanos) {
                c->killed = CLUA_KILL_TIME;
                return NULL;
            }
        }
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    c->memoryUsed = c->memoryUsed - old + nsize;
    if (c->memoryUsed > c->memoryPeak) c->memoryPeak = c->memoryUsed;
    return block;
}

static inline const char *clua_kill_message(int killed) {
    return killed == CLUA_KILL_TIME ? "time limit exceeded" : "instruction limit exceeded";
}

static void clua_hook(lua_State *L, lua_Debug *ar);

/// Stops the run for good: from now on the hook fires on every instruction
/// and raises again, so `pcall` in a loop cannot swallow the error.
static inline int clua_kill(lua_State *L, int why) {
    clua_ctl *c = clua_ctl_of(L);
    if (!c->killed) c->killed = why;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", clua_kill_message(c->killed));
}

static void clua_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    clua_ctl *c = clua_ctl_of(L);
    if (c->killed) {
        clua_kill(L, c->killed);
        return;
    }
    // A coroutine keeps the count it was created with, so charge what this
    // thread actually ran.
    c->remaining -= lua_gethookcount(L);
    if (c->remaining <= 0) clua_kill(L, CLUA_KILL_INSTRUCTIONS);
    if (clua_monotonic_nanos() > c->deadlineNanos) clua_kill(L, CLUA_KILL_TIME);
}

/// Charges `units` of fuel for work done inside a C function and raises the
/// budget or time error when the run is over. Only call from a C function
/// that Lua called (it may raise).
static inline void clua_charge(lua_State *L, double units) {
    clua_ctl *c = clua_ctl_of(L);
    if (c->killed) clua_kill(L, c->killed);
    if (units >= (double)c->remaining) {
        c->remaining = 0;
        clua_kill(L, CLUA_KILL_INSTRUCTIONS);
    }
    c->remaining -= (int64_t)units;
    if (clua_monotonic_nanos() > c->deadlineNanos) clua_kill(L, CLUA_KILL_TIME);
}

/// Starts a run: a fresh budget, deadline and flags; the hook on `L` (new
/// coroutines inherit it).
static inline void clua_arm(lua_State *L, int64_t instructions, int64_t nanos,
                            int64_t maxStringBytes) {
    clua_ctl *c = clua_ctl_of(L);
    c->budget = instructions;
    c->remaining = instructions;
    c->deadlineNanos = clua_monotonic_nanos() + nanos;
    c->killed = CLUA_KILL_NONE;
    c->memoryRefused = 0;
    c->stringRefused = 0;
    c->stringLimit = (size_t)maxStringBytes;
    c->memoryPeak = c->memoryUsed;
    c->outputRefused = 0;
    c->maxStringBytes = maxStringBytes;
    c->errorFile[0] = '\0';
    c->errorLine = 0;
    c->syntaxError = 0;
    int period = instructions < CLUA_HOOK_PERIOD ? (int)(instructions > 0 ? instructions : 1)
                                                 : CLUA_HOOK_PERIOD;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, period);
}

/// Kills the state before `lua_close`, so any Lua code that would still run
/// (a pending `__close`) stops at its first instruction.
static inline void clua_disarm_for_close(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    c->killed = CLUA_KILL_INSTRUCTIONS;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, 1);
}

/// Creates a state whose allocator counts into `ctl`. Until the first run
/// is armed, only the memory and string caps apply.
static inline lua_State *clua_newstate(clua_ctl *ctl, size_t memoryLimit, size_t stringLimit) {
    memset(ctl, 0, sizeof *ctl);
    ctl->memoryLimit = memoryLimit;
    ctl->stringLimit = stringLimit;
    ctl->remaining = INT64_MAX;
    ctl->deadlineNanos = INT64_MAX;
    return lua_newstate(clua_alloc, ctl);
}

#endif
