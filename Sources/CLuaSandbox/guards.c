// Guards for C library functions that do much work per Lua instruction,
// where the count hook never fires. Each guard checks the size of what the
// function would build against `maxStringBytes` and charges fuel for the
// bytes it scans, then calls the original (upvalue 1). Pattern functions
// are metered instead (patterns.c).

#include "internal.h"
#include <ctype.h>

int clua_tail_call_original(lua_State *L) {
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

void clua_refuse_size(lua_State *L, double bytes) {
    clua_ctl *c = clua_ctl_of(L);
    if (bytes > (double)c->stringLimit) {
        clua_host_error(L, CLUA_HOST_ERROR_MEMORY, 1,
                        "result of %f bytes exceeds the %I-byte string limit", (lua_Number)bytes,
                        (LUAI_UACINT)c->stringLimit);
    }
}

/// Absolute 1-based position of a string index (negative counts from the end).
lua_Integer clua_position(lua_Integer position, size_t length) {
    if (position > 0) return position;
    if (position == 0 || position < -(lua_Integer)length) return 1;
    return (lua_Integer)length + position + 1;
}

int clua_guard_rep(lua_State *L) {
    size_t length, separator;
    luaL_checklstring(L, 1, &length);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &separator);
    double bytes = n <= 0 ? 0 : (double)length * (double)n + (double)separator * (double)(n - 1);
    clua_refuse_size(L, bytes);
    // rep loops n times even when nothing is copied: ("").rep("", 1e15) would
    // spin for days (measured 1.6 ns per empty copy, about half a unit).
    double copies = n <= 0 ? 0 : (double)n / 2;
    clua_charge(L, bytes / CLUA_BYTES_PER_UNIT + copies);
    return clua_tail_call_original(L);
}

/// The result (a string on top of `results` values) is checked against the
/// string limit and charged as fuel; its building was bounded by the memory cap.
static int clua_check_result(lua_State *L, int results) {
    size_t length = 0;
    if (results >= 1 && lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &length);
    clua_refuse_size(L, (double)length);
    clua_charge(L, (double)length / CLUA_BYTES_PER_UNIT);
    return results;
}

/// Whether a format string has a `%p` conversion (flags, width and
/// precision skipped as Lua's own parser does; NUL bytes are ordinary).
static int clua_has_pointer_conversion(const char *format, size_t length) {
    for (size_t i = 0; i < length; i++) {
        if (format[i] != '%') continue;
        if (++i < length && format[i] == '%') continue;
        while (i < length && format[i] != '\0' && strchr("-+ #0", format[i]) != NULL) i++;
        while (i < length && isdigit((unsigned char)format[i])) i++;
        if (i < length && format[i] == '.') {
            i++;
            while (i < length && isdigit((unsigned char)format[i])) i++;
        }
        if (i < length && format[i] == 'p') return 1;
    }
    return 0;
}

/// string.format without host addresses: `%p` is forbidden, and a table,
/// function, thread or userdata argument is shown by the sandbox's tostring
/// (a number, never an address). The result is checked and charged.
int clua_guard_format(lua_State *L) {
    size_t length;
    const char *format = luaL_checklstring(L, 1, &length);
    if (clua_has_pointer_conversion(format, length)) {
        return clua_host_error(L, CLUA_HOST_ERROR_FORBIDDEN, 1,
                               "string.format: '%%p' is not allowed (it shows host addresses)");
    }
    int n = lua_gettop(L);
    for (int i = 2; i <= n; i++) {
        int type = lua_type(L, i);
        if (type == LUA_TTABLE || type == LUA_TFUNCTION || type == LUA_TTHREAD ||
            type == LUA_TUSERDATA || type == LUA_TLIGHTUSERDATA) {
            clua_safe_tolstring(L, i, NULL);
            lua_replace(L, i);
        }
    }
    return clua_check_result(L, clua_tail_call_original(L));
}

/// utf8.codes: its iterator skips continuation bytes inside one call, so
/// each step ticks (see clua_tick).
static int clua_codes_step(lua_State *L) {
    clua_tick(L);
    return clua_tail_call_original(L);
}

int clua_guard_codes(lua_State *L) {
    int results = clua_tail_call_original(L);
    if (results >= 1 && lua_type(L, 1) == LUA_TFUNCTION) {
        lua_pushvalue(L, 1);
        lua_pushcclosure(L, clua_codes_step, 1);
        lua_replace(L, 1);
    }
    return results;
}

/// string.byte, utf8.codepoint: one unit per byte of `s[i..j]` (each may
/// become a result on the stack).
int clua_guard_range(lua_State *L) {
    size_t n;
    luaL_checklstring(L, 1, &n);
    lua_Integer i = clua_position(luaL_optinteger(L, 2, 1), n);
    lua_Integer j = clua_position(luaL_optinteger(L, 3, i), n);
    if (j > (lua_Integer)n) j = (lua_Integer)n;
    clua_charge(L, i <= j ? (double)(j - i + 1) : 0);
    return clua_tail_call_original(L);
}

/// utf8.len, utf8.offset, tonumber: they scan a string argument at 0.4 to
/// 1.6 ns per byte (measured), up to half an instruction's cost under the
/// hook. Other argument types are left to the original to judge.
int clua_guard_scan(lua_State *L) {
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t n;
        lua_tolstring(L, 1, &n);
        clua_charge(L, (double)n / 2);
    }
    return clua_tail_call_original(L);
}


/// charge(units): lets the prelude charge work it starts in C (load).
int clua_charge_function(lua_State *L) {
    clua_charge(L, luaL_checknumber(L, 1));
    return 0;
}

/// Elements between integer arguments `first` and `last` (0 if empty).
static double clua_span(lua_Integer first, lua_Integer last) {
    return last >= first ? (double)last - (double)first + 1 : 0;
}

/// table.sort: about n log2 n comparisons; insert and remove shift up to n
/// elements.
int clua_guard_sort(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    double n = (double)luaL_len(L, 1);
    double log2n = 1;
    for (double k = n; k > 2; k /= 2) log2n++;
    clua_charge(L, n * log2n);
    return clua_tail_call_original(L);
}

int clua_guard_shift(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    clua_charge(L, (double)luaL_len(L, 1) / 8);
    return clua_tail_call_original(L);
}

/// table.move(a1, f, e, t): e - f + 1 element copies, even over nils.
int clua_guard_move(lua_State *L) {
    clua_charge(L, clua_span(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3)));
    return clua_tail_call_original(L);
}

/// table.unpack(list, i, j) and table.concat(list, sep, i, j): j - i + 1
/// elements; concat also has its result size checked.
static double clua_list_span(lua_State *L, int firstArgument) {
    lua_Integer first = luaL_optinteger(L, firstArgument, 1);
    lua_Integer last = lua_isnoneornil(L, firstArgument + 1)
                           ? luaL_len(L, 1)
                           : luaL_checkinteger(L, firstArgument + 1);
    return clua_span(first, last);
}

int clua_guard_unpack(lua_State *L) {
    clua_charge(L, clua_list_span(L, 2));
    return clua_tail_call_original(L);
}

int clua_guard_concat(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    clua_charge(L, clua_list_span(L, 3));
    return clua_check_result(L, clua_tail_call_original(L));
}

