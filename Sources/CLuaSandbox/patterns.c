
// Guards for string.find, match, gmatch and gsub, whose matcher backtracks
// inside one C call where the count hook never fires.
//
// Pattern matching gets a worst-case cost estimate: starting positions times,
// for each repeated item, one more than the longest run of subject bytes the
// item can match (that is how far Lua's matcher can backtrack into it), times
// the subject length for balance items and back-references, times the pattern
// length. A call whose estimate exceeds the remaining budget is stopped before
// it starts, so a catastrophic pattern ends with the instruction-limit error
// instead of running for hours.

#include "internal.h"
#include <ctype.h>

/// Pattern work units per unit of fuel (measured: about 2.5 ns per matcher
/// step here, against 2 to 4 ns per VM instruction under the hook).
#define CLUA_STEPS_PER_UNIT 8

// Single-byte class test, after the Lua manual's "Character Class" list.
static int clua_class_matches(int c, int cl) {
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
static size_t clua_set_end(const char *p, size_t m, size_t i) {
    size_t q = i + 1;
    if (q < m && p[q] == '^') q++;
    // The first byte of a set is literal, even ']'.
    if (q < m) q += p[q] == '%' ? 2 : 1;
    while (q < m && p[q] != ']') q += p[q] == '%' ? 2 : 1;
    return q < m ? q + 1 : 0;
}

static int clua_set_matches(int c, const char *p, size_t start, size_t end) {
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

static int clua_item_matches(int c, const char *p, size_t start, size_t end) {
    switch (p[start]) {
    case '.': return 1;
    case '%': return clua_class_matches(c, (unsigned char)p[start + 1]);
    case '[': return clua_set_matches(c, p, start, end);
    default: return (unsigned char)p[start] == c;
    }
}

static double clua_longest_run(const char *s, size_t n, const char *p, size_t start,
                                      size_t end) {
    size_t best = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        run = clua_item_matches((unsigned char)s[k], p, start, end) ? run + 1 : 0;
        if (run > best) best = run;
    }
    return (double)best;
}

/// Worst-case matcher steps for one starting position of pattern `p` on
/// subject `s` (see the header comment); `*anchored` tells whether only one
/// start is tried. Malformed patterns get a small estimate: Lua rejects them.
static double clua_steps_per_start(const char *s, size_t n, const char *p, size_t m,
                                          int *anchored) {
    double cost = (double)m + 1;
    size_t i = 0;
    *anchored = m > 0 && p[0] == '^';
    if (*anchored) i = 1;
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
    return cost;
}


/// The pattern guards remember the last subject and pattern they estimated
/// (upvalues 3 and 4, which also keeps both strings alive, so equal pointers
/// mean the same strings) and the estimate (5, 6): a tokenizer calling find
/// from each position of one text scans the text once, not once per call.
/// The estimate covers the whole subject, an upper bound for any `init`.
static double clua_cached_steps_per_start(lua_State *L, int *anchored) {
    size_t n, m;
    const char *s = lua_tolstring(L, 1, &n);
    const char *p = lua_tolstring(L, 2, &m);
    if (lua_topointer(L, lua_upvalueindex(3)) == lua_topointer(L, 1) &&
        lua_topointer(L, lua_upvalueindex(4)) == lua_topointer(L, 2) &&
        lua_type(L, lua_upvalueindex(5)) == LUA_TNUMBER) {
        *anchored = lua_toboolean(L, lua_upvalueindex(6));
        return lua_tonumber(L, lua_upvalueindex(5));
    }
    double perStart = clua_steps_per_start(s, n, p, m, anchored);
    clua_charge(L, (double)n * ((double)m + 1) / CLUA_BYTES_PER_UNIT);
    lua_pushvalue(L, 1);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushvalue(L, 2);
    lua_replace(L, lua_upvalueindex(4));
    lua_pushnumber(L, perStart);
    lua_replace(L, lua_upvalueindex(5));
    lua_pushboolean(L, *anchored);
    lua_replace(L, lua_upvalueindex(6));
    return perStart;
}

/// string.find, match, gmatch, gsub. Before matching, a call whose worst
/// case exceeds the remaining budget is stopped; after it, find is charged
/// for the starting positions it actually tried (a tokenizer loop calling
/// find from each position pays for what it scans), the others for their
/// worst case. find with `plain` (or no special bytes) is a substring
/// search: at worst subject length times needle length.
int clua_guard_pattern(lua_State *L) {
    size_t n, m;
    luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &m);
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    lua_Integer init = 1;
    if (kind != CLUA_PATTERN_GSUB) {
        init = clua_position(luaL_optinteger(L, 3, 1), n);
        if (init > (lua_Integer)n + 1) init = (lua_Integer)n + 1;
    }
    int anchored = 0;
    double perStart;
    if (kind == CLUA_PATTERN_FIND && (lua_toboolean(L, 4) || strpbrk(p, "^$*+?.([%-") == NULL)) {
        perStart = (double)m + 1;
    } else {
        perStart = clua_cached_steps_per_start(L, &anchored);
    }
    double starts = anchored ? 1 : (double)n - (double)init + 2;
    clua_ctl *c = clua_ctl_of(L);
    if (perStart * starts / CLUA_STEPS_PER_UNIT >= (double)c->remaining) {
        c->remaining = 0;
        clua_kill(L, CLUA_KILL_INSTRUCTIONS);
    }
    int results = clua_tail_call_original(L);
    if (kind == CLUA_PATTERN_FIND && lua_type(L, 1) == LUA_TNUMBER) {
        starts = anchored ? 1 : (double)(lua_tointeger(L, 1) - init + 1);
    }
    clua_charge(L, perStart * starts / CLUA_STEPS_PER_UNIT);
    return results;
}

/// string.gsub: the pattern guard, plus a bound on the result when the
/// replacement is a string (each match adds at most the replacement's bytes,
/// and each `%d` in it at most the subject's length).
int clua_guard_gsub(lua_State *L) {
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

