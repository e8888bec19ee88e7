// string.find, match, gmatch and gsub as in Lua 5.4.4's lstrlib.c (see
// match.h for the licence), on the metered matcher: each call pays for the
// matcher steps it takes, and a long one is interrupted by the budget or the
// deadline like a Lua loop. gmatch's iterator pays for its own steps.

#include "match.h"

/// Lua's `posrelatI`: a 1-based start position, clipped to 1.
static size_t clua_start_position(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos;
    if (pos == 0) return 1;
    if (pos < -(lua_Integer)len) return 1;
    return len + (size_t)pos + 1;
}

static int find_aux(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = clua_start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) {  // start after string's end?
        luaL_pushfail(L);
        return 1;
    }
    clua_match_state ms;
    clua_match_prepare(&ms, L, s, ls, p, lp);
    if (find && (lua_toboolean(L, 4) || clua_match_nospecials(p, lp))) {  // plain search
        const char *s2 = clua_match_memfind(&ms, s + init, ls - init, p, lp);
        clua_match_settle(&ms);
        if (s2) {
            lua_pushinteger(L, (s2 - s) + 1);
            lua_pushinteger(L, (s2 - s) + lp);
            return 2;
        }
    } else {
        const char *s1 = s + init;
        int anchor = (*p == '^');
        if (anchor) {
            p++;
            lp--;  // skip anchor character
        }
        clua_match_prepare(&ms, L, s, ls, p, lp);
        do {
            const char *res;
            clua_match_reset(&ms);
            if ((res = clua_match_at(&ms, s1, p)) != NULL) {
                clua_match_settle(&ms);
                if (find) {
                    lua_pushinteger(L, (s1 - s) + 1);  // start
                    lua_pushinteger(L, res - s);       // end
                    return clua_match_push_captures(&ms, NULL, 0) + 2;
                }
                return clua_match_push_captures(&ms, s1, res);
            }
        } while (s1++ < ms.src_end && !anchor);
        clua_match_settle(&ms);
    }
    luaL_pushfail(L);  // not found
    return 1;
}

int clua_find(lua_State *L) { return find_aux(L, 1); }

int clua_match(lua_State *L) { return find_aux(L, 0); }

/// gmatch's state, kept in a userdata upvalue of the iterator.
typedef struct {
    const char *src;        // current position
    const char *p;          // pattern
    const char *lastmatch;  // end of last match
    clua_match_state ms;
} clua_gmatch_state;

static int gmatch_aux(lua_State *L) {
    clua_gmatch_state *gm = (clua_gmatch_state *)lua_touserdata(L, lua_upvalueindex(3));
    gm->ms.L = L;
    for (const char *src = gm->src; src <= gm->ms.src_end; src++) {
        const char *e;
        clua_match_reset(&gm->ms);
        if ((e = clua_match_at(&gm->ms, src, gm->p)) != NULL && e != gm->lastmatch) {
            gm->src = gm->lastmatch = e;
            clua_match_settle(&gm->ms);
            return clua_match_push_captures(&gm->ms, src, e);
        }
    }
    clua_match_settle(&gm->ms);
    gm->src = gm->ms.src_end + 1;  // a further call finds nothing at once
    return 0;
}

int clua_gmatch(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = clua_start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    lua_settop(L, 2);  // keep strings on closure to avoid being collected
    clua_gmatch_state *gm = (clua_gmatch_state *)lua_newuserdatauv(L, sizeof *gm, 0);
    if (init > ls) init = ls + 1;  // start after string's end: avoid overflows in 's + init'
    clua_match_prepare(&gm->ms, L, s, ls, p, lp);
    gm->src = s + init;
    gm->p = p;
    gm->lastmatch = NULL;
    lua_pushcclosure(L, gmatch_aux, 3);
    return 1;
}

static void add_s(clua_match_state *ms, luaL_Buffer *b, const char *s, const char *e) {
    size_t l;
    lua_State *L = ms->L;
    const char *news = lua_tolstring(L, 3, &l);
    const char *p;
    while ((p = (char *)memchr(news, '%', l)) != NULL) {
        luaL_addlstring(b, news, p - news);
        p++;  // skip ESC
        if (*p == '%') {  // '%%'
            luaL_addchar(b, *p);
        } else if (*p == '0') {  // '%0'
            luaL_addlstring(b, s, e - s);
        } else if (*p >= '0' && *p <= '9') {  // '%n'
            const char *cap;
            ptrdiff_t resl = clua_match_capture(ms, *p - '1', s, e, &cap);
            if (resl == CLUA_CAP_POSITION)
                luaL_addvalue(b);  // add position to accumulated result
            else
                luaL_addlstring(b, cap, resl);
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", '%');
        }
        l -= p + 1 - news;
        news = p + 1;
    }
    luaL_addlstring(b, news, l);
}

/// Adds the replacement value; whether the subject changed (function calls
/// and table lookups giving nil or false keep the original text).
static int add_value(clua_match_state *ms, luaL_Buffer *b, const char *s, const char *e, int tr) {
    lua_State *L = ms->L;
    switch (tr) {
    case LUA_TFUNCTION: {  // call the function
        lua_pushvalue(L, 3);
        int n = clua_match_push_captures(ms, s, e);  // all captures as arguments
        lua_call(L, n, 1);
        break;
    }
    case LUA_TTABLE:  // index the table
        clua_match_push_capture(ms, 0, s, e);  // first capture is the index
        lua_gettable(L, 3);
        break;
    default:  // LUA_TNUMBER or LUA_TSTRING
        add_s(ms, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {  // nil or false?
        lua_pop(L, 1);
        luaL_addlstring(b, s, e - s);  // keep original text
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);  // add result to accumulator
    return 1;
}

int clua_gsub(lua_State *L) {
    size_t srcl, lp;
    const char *src = luaL_checklstring(L, 1, &srcl);  // subject
    const char *p = luaL_checklstring(L, 2, &lp);      // pattern
    const char *lastmatch = NULL;                      // end of last match
    int tr = lua_type(L, 3);                           // replacement type
    lua_Integer max_s = luaL_optinteger(L, 4, srcl + 1);  // max replacements
    int anchor = (*p == '^');
    lua_Integer n = 0;  // replacement count
    int changed = 0;    // change flag
    clua_match_state ms;
    luaL_Buffer b;
    luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION ||
                            tr == LUA_TTABLE,
                     3, "string/function/table");
    luaL_buffinit(L, &b);
    if (anchor) {
        p++;
        lp--;  // skip anchor character
    }
    clua_match_prepare(&ms, L, src, srcl, p, lp);
    while (n < max_s) {
        const char *e;
        clua_match_reset(&ms);
        if ((e = clua_match_at(&ms, src, p)) != NULL && e != lastmatch) {  // match?
            n++;
            changed = add_value(&ms, &b, src, e, tr) | changed;
            src = lastmatch = e;
        } else if (src < ms.src_end) {  // otherwise, skip one character
            luaL_addchar(&b, *src++);
        } else {
            break;  // end of subject
        }
        if (anchor) break;
    }
    clua_match_settle(&ms);
    if (!changed) {
        lua_pushvalue(L, 1);  // return original string
    } else {
        luaL_addlstring(&b, src, ms.src_end - src);
        luaL_pushresult(&b);  // create and return new string
    }
    lua_pushinteger(L, n);  // number of substitutions
    return 2;
}
