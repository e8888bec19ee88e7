#ifndef CARRYOVER_CLUA_SANDBOX_H
#define CARRYOVER_CLUA_SANDBOX_H

// The C side of Carryover's Lua sandbox: a capped allocator, an instruction
// budget (count hook) with a wall-clock deadline, fuel charged for work done
// inside C functions, guarded library functions, and the protected entry
// points the Swift host calls.
//
// Rule: no Lua error may longjmp through a Swift frame. Swift callbacks
// return a status and C raises; everything that can raise runs inside
// `lua_pcall` of one of the `clua_do_*` entry points (see clua_run). The host
// pushes arguments with plain C-API calls in between: while it does, the
// allocator refuses nothing (clua_begin_host_push), so no push can raise.

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/// Why the current run was stopped for good (sticky until the next run).
enum {
    CLUA_KILL_NONE = 0,
    CLUA_KILL_INSTRUCTIONS = 1,
    CLUA_KILL_TIME = 2,
};

/// The kinds of error only the host raises. A plugin's own error never
/// carries one of these codes, whatever its text says.
enum {
    CLUA_HOST_ERROR_NONE = 0,
    CLUA_HOST_ERROR_FORBIDDEN = 1,
    CLUA_HOST_ERROR_MEMORY = 2,
    CLUA_HOST_ERROR_OUTPUT = 3,
};

typedef int (*clua_write_fn)(void *host, const char *bytes, size_t length);

/// The control block of one state: owned by Swift (allocated before
/// lua_newstate, freed after lua_close), reached from C through the
/// allocator's userdata.
typedef struct clua_ctl {
    // Memory (whole state).
    size_t memoryUsed;
    size_t memoryPeak;
    size_t memoryLimit;
    int memoryRefused;
    // Largest string object (guards every way of building one, `..` too).
    size_t stringLimit;
    int stringRefused;
    // Set while the host pushes arguments: the allocator refuses nothing.
    int hostPushing;
    // Instruction budget and deadline (per run).
    int64_t budget;
    int64_t remaining;
    int64_t deadlineNanos;
    int killed;
    // Calls of cheap-per-call functions since the deadline was last read.
    int ticks;
    // Output capture (print), written through a Swift callback.
    void *host;
    clua_write_fn write;
    int outputRefused;
    // The injected clock, read once per run by the host.
    int64_t nowSeconds;
    char today[16];
    // Where the last error happened (filled by the message handler).
    char errorFile[LUA_IDSIZE];
    int errorLine;
    int syntaxError;
    // The last error the host raised (registry slot hostErrorRef holds the
    // error value itself, so a plugin's own text can never pass for it).
    int hostErrorCode;
    int hostErrorRef;
    // The thread running plugin code (the main thread, or the coroutine the
    // sandbox's resume entered), kept alive by the registry slot runningRef.
    lua_State *running;
    int runningRef;
    // Registry references: the sandbox environment, the seal function, the
    // map from frozen tables to their hidden contents, and the numbers that
    // `tostring` shows for tables, functions and threads instead of addresses.
    int envRef;
    int sealRef;
    int shadowsRef;
    int idsRef;
    lua_Integer lastId;
} clua_ctl;

/// Creates a state whose allocator counts into `ctl`. Until the first run
/// is armed, only the memory and string caps apply.
lua_State *clua_newstate(clua_ctl *ctl, size_t memoryLimit, size_t stringLimit);

/// Starts a run: a fresh budget, deadline and flags; the count hook on `L`.
void clua_arm(lua_State *L, int64_t instructions, int64_t nanos, int64_t maxStringBytes);

/// Kills the state before `lua_close`, so any Lua code that would still run
/// (a pending `__close`) stops at its first instruction.
void clua_disarm_for_close(lua_State *L);

/// Nanoseconds on the monotonic clock.
int64_t clua_monotonic_nanos(void);

/// Charges host work (reading a result) against the run: `units` of fuel,
/// and the deadline. Never raises; returns the kill reason, or
/// CLUA_KILL_NONE while the run may go on.
int clua_charge_host(clua_ctl *c, int64_t units);

/// Makes room for `slots` values and pushes the message handler and
/// `entry`; returns 0 when the stack cannot grow. Then push the entry's
/// arguments between clua_begin_host_push and clua_end_host_push, and call
/// clua_run.
int clua_push_entry(lua_State *L, lua_CFunction entry, int slots);

/// While the host pushes arguments the allocator refuses nothing, so no
/// push can raise. Returns 1 if the state is still within its memory cap.
void clua_begin_host_push(lua_State *L);
int clua_end_host_push(lua_State *L);

/// A full collection (after refused arguments were popped).
void clua_collect(lua_State *L);

/// Calls the entry pushed by clua_push_entry with the `nargs` values above
/// it, protected with the message handler. Leaves the first result or the
/// error value on top, above the handler.
int clua_run(lua_State *L, int nargs);

/// One of the host's own chunks, compiled once per process (never a plugin's).
typedef struct clua_chunk {
    const char *bytes;
    size_t length;
} clua_chunk;

/// Compiles the host's trusted text `source` in a scratch state and keeps
/// its bytecode (with debug information) in `chunk`, malloc'ed and never
/// freed: the process keeps it. Returns LUA_OK or the load status.
int clua_compile_trusted(const char *source, size_t length, const char *name, clua_chunk *chunk);

/// Entry points (push with clua_push_entry, run with clua_run).
/// (prelude chunk as light userdata, seed): opens the allow-listed
/// libraries, runs the compiled sandbox prelude.
int clua_do_setup(lua_State *L);
/// (source, chunk name): loads a text chunk into the sandbox and runs it.
int clua_do_load(lua_State *L);
/// (chunk as light userdata): runs a host chunk compiled by
/// clua_compile_trusted in the sandbox environment. Plugins never reach it:
/// their code, and `load` inside the sandbox, stay text-only.
int clua_do_load_trusted(lua_State *L);
/// (name, arguments...): calls the sandbox global `name`.
int clua_do_call(lua_State *L);
/// (name): whether the sandbox global `name` is a function.
int clua_do_has_function(lua_State *L);
/// (): calls the prelude's seal function.
int clua_do_seal(lua_State *L);

/// Pushes the map from frozen tables to their contents (no allocation).
void clua_push_shadows(lua_State *L);

/// The host error code of the value at `index`: one of CLUA_HOST_ERROR_*,
/// NONE unless it is the very error the host raised last in this run.
int clua_host_error_code(lua_State *L, int index);

/// The chunk name of the last error (see clua_ctl.errorLine).
const char *clua_error_file(const clua_ctl *c);

#endif
