#ifndef CARRYOVER_CLUA_GUARDS_H
#define CARRYOVER_CLUA_GUARDS_H

// Guards for C library functions that do much work per Lua instruction,
// where the count hook never fires. Each guard checks the size of what the
// function would build against `maxStringBytes` and charges fuel for the
// bytes it scans, then calls the original (upvalue 1).
//
// Pattern matching gets a worst-case cost estimate: starting positions times,
// for each repeated item, one more than the longest run of subject bytes the
// item can match (that is how far Lua's matcher can backtrack into it), times
// the subject length for balance items and back-references, times the pattern
// length. The estimate is charged as fuel before matching, so a catastrophic
// pattern ends with the instruction-limit error instead of running for hours.

#include "clua_limits.h"
#include <ctype.h>

/// Pattern work units per unit of fuel (measured: about 2.5 ns per matcher
/// step here, against 2 to 4 ns per VM instruction under the hook).
#define CLUA_STEPS_PER_UNIT 8

static inline int clua_tail_call_original(lua_State *L) {
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

static inline void clua_refuse_size(lua_State *L, double bytes) {
    clua_ctl *c = clua_ctl_of(L);
    if (bytes > (double)c->maxStringBytes) {
        luaL_error(L, "memory-limit: result of %f bytes exceeds the %d-byte string limit", bytes,
                   (int)c->maxStringBytes);
    }
}

static inline int clua_guard_rep(lua_State *L) {
    size_t length, separator;
    luaL_checklstring(L, 1, &length);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &separator);
    double bytes = n <= 0 ? 0 : (double)length * (double)n + (double)separator * (double)(n - 1);
    clua_refuse_size(L, bytes);
    clua_charge(L, bytes / CLUA_BYTES_PER_UNIT);
    return clua_tail_call_original(L);
}

/// string.format and table.concat: the result is checked after the call (its
/// building is bounded by the memory cap) and charged as fuel.
static inline int clua_guard_result_size(lua_State *L) {
    int results = clua_tail_call_original(L);
    size_t length = 0;
    if (results >= 1 && lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &length);
    clua_refuse_size(L, (double)length);
    clua_charge(L, (double)length / CLUA_BYTES_PER_UNIT);
    return results;
}

// Single-byte class test, after the Lua manual's "Character Class" list.
static inline int clua_class_matches(int c, int cl) {
    int result;
    switch (tolower(cl)) {
    case 'a': result = isalpha(c); break;
    case 'c': result = iscntrl(c); break;
    case 'd': result = isdigit(c); break;
    case 'g': result = isgraph(c); break;
    case 'l': result = islower(c); break;
    case 'p': result = ispunct(c); break;
    case 's': result = isspace(c); break;
    case 'u': result = isupper(c); break;
    case 'w': result = isalnum(c); break;
    case 'x': result = isxdigit(c); break;
    default: return cl == c;
    }
    return isupper(cl) ? !result : result;
}

/// Index just past the set that starts with '[' at `i`, or 0 if unclosed.
static inline size_t clua_set_end(const char *p, size_t m, size_t i) {
    size_t q = i + 1;
    if (q < m && p[q] == '^') q++;
    // The first byte of a set is literal, even ']'.
    if (q < m) q += p[q] == '%' ? 2 : 1;
    while (q < m && p[q] != ']') q += p[q] == '%' ? 2 : 1;
    return q < m ? q + 1 : 0;
}

static inline int clua_set_matches(int c, const char *p, size_t start, size_t end) {
    size_t q = start + 1, close = end - 1;
    int negate = 0;
    if (p[q] == '^') {
        negate = 1;
        q++;
    }
    while (q < close) {
        if (p[q] == '%' && q + 1 < close) {
            if (clua_class_matches(c, (unsigned char)p[q + 1])) return !negate;
            q += 2;
        } else if (q + 2 < close && p[q + 1] == '-') {
            if ((unsigned char)p[q] <= c && c <= (unsigned char)p[q + 2]) return !negate;
            q += 3;
        } else {
            if ((unsigned char)p[q] == c) return !negate;
            q++;
        }
    }
    return negate;
}

static inline int clua_item_matches(int c, const char *p, size_t start, size_t end) {
    switch (p[start]) {
    case '.': return 1;
    case '%': return clua_class_matches(c, (unsigned char)p[start + 1]);
    case '[': return clua_set_matches(c, p, start, end);
    default: return (unsigned char)p[start] == c;
    }
}

static inline double clua_longest_run(const char *s, size_t n, const char *p, size_t start,
                                      size_t end) {
    size_t best = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        run = clua_item_matches((unsigned char)s[k], p, start, end) ? run + 1 : 0;
        if (run > best) best = run;
    }
    return (double)best;
}

/// Worst-case matcher steps for pattern `p` on subject `s` (see the header
/// comment). Malformed patterns get a small estimate: Lua rejects them.
static inline double clua_pattern_cost(const char *s, size_t n, const char *p, size_t m) {
    double cost = (double)m + 1;
    size_t i = 0;
    int anchored = m > 0 && p[0] == '^';
    if (anchored) i = 1;
    while (i < m) {
        char ch = p[i];
        if (ch == '(' || ch == ')' || (ch == '$' && i + 1 == m)) {
            i++;
            continue;
        }
        size_t end;
        if (ch == '%') {
            if (i + 1 >= m) return cost;
            char next = p[i + 1];
            if (next == 'b') {
                cost *= (double)n + 1;
                i += 4;
                continue;
            }
            if (next == 'f') {
                end = i + 2 < m && p[i + 2] == '[' ? clua_set_end(p, m, i + 2) : 0;
                if (end == 0) return cost;
                i = end;
                continue;
            }
            if (isdigit((unsigned char)next)) {
                cost *= (double)n + 1;
                i += 2;
                continue;
            }
            end = i + 2;
        } else if (ch == '[') {
            end = clua_set_end(p, m, i);
            if (end == 0) return cost;
        } else {
            end = i + 1;
        }
        if (end < m && (p[end] == '*' || p[end] == '+' || p[end] == '-')) {
            cost *= clua_longest_run(s, n, p, i, end) + 1;
            i = end + 1;
        } else if (end < m && p[end] == '?') {
            cost *= 2;
            i = end + 1;
        } else {
            i = end;
        }
    }
    return anchored ? cost : cost * ((double)n + 1);
}

/// string.find, match, gmatch, gsub: charges the scan and the pattern's
/// worst case before matching. find with `plain` (or no special bytes) is a
/// substring search: subject length times needle length at worst.
static inline int clua_guard_pattern(lua_State *L) {
    size_t n, m;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &m);
    int isFind = lua_toboolean(L, lua_upvalueindex(2));
    double steps;
    if (isFind && (lua_toboolean(L, 4) || strpbrk(p, "^$*+?.([%-") == NULL)) {
        steps = ((double)n + 1) * ((double)m + 1);
    } else {
        steps = clua_pattern_cost(s, n, p, m);
    }
    clua_charge(L, steps / CLUA_STEPS_PER_UNIT + (double)n / CLUA_BYTES_PER_UNIT);
    return clua_tail_call_original(L);
}

/// string.gsub: the pattern guard, plus a bound on the result when the
/// replacement is a string (each match adds at most the replacement's bytes,
/// and each `%d` in it at most the subject's length).
static inline int clua_guard_gsub(lua_State *L) {
    size_t n, r;
    luaL_checklstring(L, 1, &n);
    if (lua_type(L, 3) == LUA_TSTRING || lua_type(L, 3) == LUA_TNUMBER) {
        const char *replacement = lua_tolstring(L, 3, &r);
        double matches = (double)n + 1;
        if (lua_type(L, 4) == LUA_TNUMBER) {
            double limit = lua_tonumber(L, 4);
            if (limit < matches) matches = limit < 0 ? 0 : limit;
        }
        double escapes = 0;
        for (size_t k = 0; k + 1 < r; k++) {
            if (replacement[k] == '%') {
                escapes++;
                k++;
            }
        }
        clua_refuse_size(L, (double)n + matches * (double)r + escapes * (double)n);
    }
    int results = clua_guard_pattern(L);
    size_t length = 0;
    if (lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &length);
    clua_refuse_size(L, (double)length);
    return results;
}

/// Absolute 1-based position of a string index (negative counts from the end).
static inline lua_Integer clua_position(lua_Integer position, size_t length) {
    if (position > 0) return position;
    if (position == 0 || position < -(lua_Integer)length) return 1;
    return (lua_Integer)length + position + 1;
}

/// string.byte, utf8.codepoint: one unit per byte of `s[i..j]` (each may
/// become a result on the stack).
static inline int clua_guard_range(lua_State *L) {
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
static inline int clua_guard_scan(lua_State *L) {
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t n;
        lua_tolstring(L, 1, &n);
        clua_charge(L, (double)n / 2);
    }
    return clua_tail_call_original(L);
}

/// Fuel per byte of Lua source: the parser takes about 11 ns per byte here
/// (measured on 1 MB chunks), some four instructions under the hook.
#define CLUA_UNITS_PER_SOURCE_BYTE 4

/// charge(units): lets the prelude charge work it starts in C (load).
static inline int clua_charge_function(lua_State *L) {
    clua_charge(L, luaL_checknumber(L, 1));
    return 0;
}

/// Elements between integer arguments `first` and `last` (0 if empty).
static inline double clua_span(lua_Integer first, lua_Integer last) {
    return last >= first ? (double)last - (double)first + 1 : 0;
}

/// table.sort: about n log2 n comparisons; insert and remove shift up to n
/// elements.
static inline int clua_guard_sort(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    double n = (double)luaL_len(L, 1);
    double log2n = 1;
    for (double k = n; k > 2; k /= 2) log2n++;
    clua_charge(L, n * log2n);
    return clua_tail_call_original(L);
}

static inline int clua_guard_shift(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    clua_charge(L, (double)luaL_len(L, 1) / 8);
    return clua_tail_call_original(L);
}

/// table.move(a1, f, e, t): e - f + 1 element copies, even over nils.
static inline int clua_guard_move(lua_State *L) {
    clua_charge(L, clua_span(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3)));
    return clua_tail_call_original(L);
}

/// table.unpack(list, i, j) and table.concat(list, sep, i, j): j - i + 1
/// elements; concat also has its result size checked.
static inline double clua_list_span(lua_State *L, int firstArgument) {
    lua_Integer first = luaL_optinteger(L, firstArgument, 1);
    lua_Integer last = lua_isnoneornil(L, firstArgument + 1)
                           ? luaL_len(L, 1)
                           : luaL_checkinteger(L, firstArgument + 1);
    return clua_span(first, last);
}

static inline int clua_guard_unpack(lua_State *L) {
    clua_charge(L, clua_list_span(L, 2));
    return clua_tail_call_original(L);
}

static inline int clua_guard_concat(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    clua_charge(L, clua_list_span(L, 3));
    return clua_guard_result_size(L);
}

#endif
