#ifndef CARRYOVER_CLUA_SANDBOX_H
#define CARRYOVER_CLUA_SANDBOX_H

// The C side of Carryover's Lua sandbox: a capped allocator, an instruction
// budget (count hook) with a wall-clock deadline, fuel charged for work done
// inside C functions, guarded library functions, and the protected entry
// points the Swift host calls.
//
// Rule: no Lua error may longjmp through a Swift frame. Swift callbacks
// return a status and C raises; everything that can raise runs inside
// `lua_pcall` of one of the `clua_do_*` entry points (see clua_run).

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/// Why the current run was stopped for good (sticky until the next run).
enum {
    CLUA_KILL_NONE = 0,
    CLUA_KILL_INSTRUCTIONS = 1,
    CLUA_KILL_TIME = 2,
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
    // The thread running plugin code (the main thread, or the coroutine the
    // sandbox's resume entered), kept alive by the registry slot runningRef.
    lua_State *running;
    int runningRef;
    // Registry references to the sandbox environment and the seal function.
    int envRef;
    int sealRef;
    int shadowsRef;  // frozen table -> its hidden contents (weak keys)
} clua_ctl;

/// Creates a state whose allocator counts into `ctl`. Until the first run
/// is armed, only the memory and string caps apply.
lua_State *clua_newstate(clua_ctl *ctl, size_t memoryLimit, size_t stringLimit);

/// Starts a run: a fresh budget, deadline and flags; the hook on `L`.
void clua_arm(lua_State *L, int64_t instructions, int64_t nanos, int64_t maxStringBytes);

/// Kills the state before `lua_close`, so any Lua code that would still run
/// (a pending `__close`) stops at its first instruction.
void clua_disarm_for_close(lua_State *L);

/// Nanoseconds on the monotonic clock.
int64_t clua_monotonic_nanos(void);

enum {
    CLUA_OP_NIL = 0,
    CLUA_OP_BOOL = 1,
    CLUA_OP_INT = 2,
    CLUA_OP_NUMBER = 3,
    CLUA_OP_STRING = 4,
    CLUA_OP_TABLE = 5,      // integer = array size hint, length = record size hint
    CLUA_OP_SET_INDEX = 6,  // t[integer] = pop; t is below the value
    CLUA_OP_SET_FIELD = 7,  // t[key] = value; key and value are above t
};

typedef struct clua_op {
    int32_t kind;
    int64_t integer;
    double number;
    size_t offset;  // strings: byte offset in the tape's byte buffer
    size_t length;
} clua_op;

typedef struct clua_tape {
    const clua_op *ops;
    size_t count;
    const char *bytes;
    size_t next;  // read position, advanced by the replay
} clua_tape;

/// Runs `entry` protected with the message handler. Leaves the first result
/// or the error text on top, above the handler.
int clua_run(lua_State *L, lua_CFunction entry, clua_tape *tape);

/// Entry points (run them through clua_run).
/// Tape: prelude source, seed. Opens the allow-listed libraries and runs the prelude.
int clua_do_setup(lua_State *L);
/// Tape: source, chunk name. Loads and runs a text chunk in the sandbox.
int clua_do_load(lua_State *L);
/// Tape: function name, arguments. Calls a sandbox global.
int clua_do_call(lua_State *L);
/// Tape: a name. Whether the sandbox global `name` is a function.
int clua_do_has_function(lua_State *L);
/// Calls the prelude's seal function.
int clua_do_seal(lua_State *L);

/// Pushes the map from frozen tables to their contents (no allocation).
void clua_push_shadows(lua_State *L);

/// The chunk name of the last error (see clua_ctl.errorLine).
const char *clua_error_file(const clua_ctl *c);

#endif
