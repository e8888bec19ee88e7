#ifndef CARRYOVER_CLUA_INTERNAL_H
#define CARRYOVER_CLUA_INTERNAL_H

// Shared by the sandbox's C files; not visible to Swift.

#include "clua_sandbox.h"
#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

/// How many instructions run between two hook calls while the budget lasts.
#define CLUA_HOOK_PERIOD 1000
/// One unit of fuel is charged per this many bytes allocated or scanned.
#define CLUA_BYTES_PER_UNIT 64
/// Allocations at least this large are refused once the run is killed, and
/// check the deadline (clock reads are too costly for every allocation).
#define CLUA_LARGE_ALLOCATION 4096
/// Fuel per byte of Lua source: the parser takes about 11 ns per byte here
/// (measured on 1 MB chunks), some four instructions under the hook.
#define CLUA_UNITS_PER_SOURCE_BYTE 4
/// Functions whose one call is cheap but not constant (next over a sparse
/// table, one step of utf8.codes: at most a few milliseconds at the default
/// memory cap) read the deadline every this many calls.
#define CLUA_TICKS_PER_CLOCK_READ 16
/// The chunk name of the host's prelude.
#define CLUA_PRELUDE_NAME "=carryover-prelude"

clua_ctl *clua_ctl_of(lua_State *L);

/// Loads a chunk compiled by clua_compile_trusted (binary mode: host chunks only).
int clua_load_trusted(lua_State *L, const clua_chunk *chunk, const char *name);

/// Stops the run for good: from now on the hook fires on every instruction
/// and raises again, so `pcall` in a loop cannot swallow the error.
int clua_kill(lua_State *L, int why);

/// Charges `units` of fuel for work done inside a C function and raises the
/// budget or time error when the run is over. Only call from a C function
/// that Lua called (it may raise).
void clua_charge(lua_State *L, double units);

/// One call of a cheap-per-call function: reads the deadline every
/// CLUA_TICKS_PER_CLOCK_READ calls (may raise).
void clua_tick(lua_State *L);

/// Makes `thread` stop at its next instruction (its hook raises the kill).
void clua_stop(lua_State *thread);

/// Raises an error the host owns: `code` is recorded with the very error
/// value, so the host can tell it from a plugin's look-alike text. `level`
/// adds the position of that call level, as `error` does (0: none).
int clua_host_error(lua_State *L, int code, int level, const char *format, ...);

/// Calls the original function (upvalue 1) with this call's arguments.
int clua_tail_call_original(lua_State *L);

/// Raises a memory-limit error when `bytes` exceed the string limit.
void clua_refuse_size(lua_State *L, double bytes);

/// Absolute 1-based position of a string index (negative counts from the end).
lua_Integer clua_position(lua_Integer position, size_t length);

/// Pushes what `tostring` shows for the value at `index`: `__tostring` when
/// there is one, a per-state number instead of an address for tables,
/// functions, threads and userdata.
const char *clua_safe_tolstring(lua_State *L, int index, size_t *length);

// Guards (guards.c): each wraps the original as upvalue 1.
int clua_guard_rep(lua_State *L);
int clua_guard_format(lua_State *L);
int clua_guard_range(lua_State *L);
int clua_guard_scan(lua_State *L);
int clua_guard_sort(lua_State *L);
int clua_guard_shift(lua_State *L);
int clua_guard_move(lua_State *L);
int clua_guard_unpack(lua_State *L);
int clua_guard_concat(lua_State *L);
int clua_guard_codes(lua_State *L);
int clua_charge_function(lua_State *L);

// Pattern functions (patterns.c, match.c): Lua 5.4's matcher with a meter.
int clua_find(lua_State *L);
int clua_match(lua_State *L);
int clua_gmatch(lua_State *L);
int clua_gsub(lua_State *L);

// Host functions for the prelude (host.c, values.c).
int clua_msgh(lua_State *L);
int clua_print(lua_State *L);
int clua_tostring(lua_State *L);
int clua_next(lua_State *L);
int clua_pairs(lua_State *L);
int clua_forbid(lua_State *L);
int clua_killed(lua_State *L);
int clua_clock_now(lua_State *L);
int clua_clock_today(lua_State *L);
int clua_collectgarbage(lua_State *L);
int clua_enter(lua_State *L);
int clua_rawgetmetatable(lua_State *L);
int clua_rawsetmetatable(lua_State *L);

#endif
