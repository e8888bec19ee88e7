// Resource limits of one sandboxed lua_State: a capped allocator, an
// instruction budget enforced by a count hook, a wall-clock deadline, and a
// fuel charge for work done inside C functions (where hooks never fire).

#include "internal.h"
#include <stdlib.h>
#include <time.h>

/// A string object's size beyond its bytes in Lua 5.4: the 24-byte header
/// (offsetof(TString, contents)) and the terminating NUL.
#define CLUA_STRING_OVERHEAD 25

int64_t clua_monotonic_nanos(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

clua_ctl *clua_ctl_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (clua_ctl *)ud;
}

static const char *clua_kill_message(int killed) {
    return killed == CLUA_KILL_TIME ? "time limit exceeded" : "instruction limit exceeded";
}

static void clua_hook(lua_State *L, lua_Debug *ar);

/// lua_sethook only stores fields; Lua documents it as safe even from a
/// signal handler, so the allocator may call it mid-instruction.
void clua_stop(lua_State *thread) {
    if (thread != NULL) lua_sethook(thread, clua_hook, LUA_MASKCOUNT, 1);
}

/// Ends the run from inside the allocator, where no error can be raised:
/// mark it killed and stop the running thread at its next instruction.
static void clua_kill_quietly(clua_ctl *c, int why) {
    if (!c->killed) c->killed = why;
    clua_stop(c->running);
}

/// Every refusal makes Lua run a full emergency collection before it gives
/// up, work proportional to the heap inside one instruction: charge it, so
/// a loop of caught refusals ends by budget or deadline at once.
static void *clua_refuse(clua_ctl *c) {
    c->remaining -= (int64_t)(c->memoryUsed / CLUA_BYTES_PER_UNIT);
    if (c->remaining <= 0) clua_kill_quietly(c, CLUA_KILL_INSTRUCTIONS);
    if (clua_monotonic_nanos() > c->deadlineNanos) clua_kill_quietly(c, CLUA_KILL_TIME);
    if (c->killed) clua_stop(c->running);
    return NULL;
}

/// The allocator: caps the whole state's memory and the size of any one
/// string, charges fuel for large allocations, and refuses large ones once
/// the run is killed. In Lua 5.4 `osize` is a type tag, not a size, when
/// `ptr` is NULL: LUA_TSTRING when a new string object is created.
static void *clua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    clua_ctl *c = (clua_ctl *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        c->memoryUsed -= old;
        return NULL;
    }
    if (c->hostPushing) goto allocate;
    if (ptr == NULL && osize == LUA_TSTRING && nsize > c->stringLimit + CLUA_STRING_OVERHEAD) {
        c->stringRefused = 1;
        return clua_refuse(c);
    }
    if (nsize > old) {
        size_t growth = nsize - old;
        if (c->memoryUsed + growth > c->memoryLimit) {
            c->memoryRefused = 1;
            return clua_refuse(c);
        }
        if (growth >= CLUA_LARGE_ALLOCATION) {
            if (c->killed) return clua_refuse(c);
            c->remaining -= (int64_t)(growth / CLUA_BYTES_PER_UNIT);
            if (c->remaining <= 0) {
                clua_kill_quietly(c, CLUA_KILL_INSTRUCTIONS);
                return clua_refuse(c);
            }
            if (clua_monotonic_nanos() > c->deadlineNanos) {
                clua_kill_quietly(c, CLUA_KILL_TIME);
                return clua_refuse(c);
            }
        }
    }
allocate:;
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    c->memoryUsed = c->memoryUsed - old + nsize;
    if (c->memoryUsed > c->memoryPeak) c->memoryPeak = c->memoryUsed;
    return block;
}

int clua_kill(lua_State *L, int why) {
    clua_ctl *c = clua_ctl_of(L);
    if (!c->killed) c->killed = why;
    clua_stop(L);
    clua_stop(c->running);
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

void clua_charge(lua_State *L, double units) {
    clua_ctl *c = clua_ctl_of(L);
    if (c->killed) clua_kill(L, c->killed);
    if (units >= (double)c->remaining) {
        c->remaining = 0;
        clua_kill(L, CLUA_KILL_INSTRUCTIONS);
    }
    c->remaining -= (int64_t)units;
    if (clua_monotonic_nanos() > c->deadlineNanos) clua_kill(L, CLUA_KILL_TIME);
}

void clua_tick(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    if (++c->ticks < CLUA_TICKS_PER_CLOCK_READ) return;
    c->ticks = 0;
    clua_charge(L, CLUA_TICKS_PER_CLOCK_READ);
}

int clua_charge_host(clua_ctl *c, int64_t units) {
    if (!c->killed && units >= c->remaining) {
        c->remaining = 0;
        c->killed = CLUA_KILL_INSTRUCTIONS;
    }
    if (!c->killed) c->remaining -= units;
    if (!c->killed && clua_monotonic_nanos() > c->deadlineNanos) c->killed = CLUA_KILL_TIME;
    return c->killed;
}

void clua_begin_host_push(lua_State *L) { clua_ctl_of(L)->hostPushing = 1; }

int clua_end_host_push(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    c->hostPushing = 0;
    return c->memoryUsed <= c->memoryLimit;
}

void clua_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }

void clua_arm(lua_State *L, int64_t instructions, int64_t nanos, int64_t maxStringBytes) {
    clua_ctl *c = clua_ctl_of(L);
    c->budget = instructions;
    c->remaining = instructions;
    int64_t now = clua_monotonic_nanos();
    c->deadlineNanos = nanos > INT64_MAX - now ? INT64_MAX : now + nanos;
    c->killed = CLUA_KILL_NONE;
    c->memoryRefused = 0;
    c->stringRefused = 0;
    c->stringLimit = (size_t)maxStringBytes;
    c->memoryPeak = c->memoryUsed;
    c->outputRefused = 0;
    c->hostPushing = 0;
    c->ticks = 0;
    c->errorFile[0] = '\0';
    c->errorLine = 0;
    c->syntaxError = 0;
    c->hostErrorCode = CLUA_HOST_ERROR_NONE;
    c->running = L;
    int period = instructions < CLUA_HOOK_PERIOD ? (int)(instructions > 0 ? instructions : 1)
                                                 : CLUA_HOOK_PERIOD;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, period);
}

void clua_disarm_for_close(lua_State *L) {
    clua_ctl *c = clua_ctl_of(L);
    c->killed = CLUA_KILL_INSTRUCTIONS;
    c->running = NULL;  // lua_close frees every thread
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, 1);
}

lua_State *clua_newstate(clua_ctl *ctl, size_t memoryLimit, size_t stringLimit) {
    memset(ctl, 0, sizeof *ctl);
    ctl->memoryLimit = memoryLimit;
    ctl->stringLimit = stringLimit;
    ctl->remaining = INT64_MAX;
    ctl->deadlineNanos = INT64_MAX;
    ctl->runningRef = ctl->envRef = ctl->sealRef = ctl->shadowsRef = LUA_NOREF;
    ctl->idsRef = ctl->hostErrorRef = LUA_NOREF;
    return lua_newstate(clua_alloc, ctl);
}
