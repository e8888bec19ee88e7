// The matching core of Lua 5.4.4's lstrlib.c, with a meter (see match.h for
// the licence). Changes from the original: the `STEP` calls, and names.

#include "match.h"
#include <ctype.h>

#define L_ESC '%'
#define SPECIALS "^$*+?.([%-"
#define MAXCCALLS 200
#define uchar(c) ((unsigned char)(c))

/// Counts `n` steps; pays for a chunk of them when the credit runs out.
#define STEP(ms, n)                                                  \
    do {                                                             \
        if (((ms)->fuel -= (n)) < 0) clua_match_step((ms), 0);       \
    } while (0)

void clua_match_step(clua_match_state *ms, int64_t steps) {
    ms->fuel -= steps;
    int64_t used = CLUA_MATCH_CHUNK - ms->fuel;
    ms->fuel = CLUA_MATCH_CHUNK;
    clua_charge(ms->L, (double)used * CLUA_UNITS_PER_STEP);
}

void clua_match_settle(clua_match_state *ms) {
    int64_t used = CLUA_MATCH_CHUNK - ms->fuel;
    ms->fuel = CLUA_MATCH_CHUNK;
    // No clock read for a short call: the next hook or charge reads it.
    clua_ctl_of(ms->L)->remaining -= used * CLUA_UNITS_PER_STEP;
}

static const char *match(clua_match_state *ms, const char *s, const char *p);

static int check_capture(clua_match_state *ms, int l) {
    l -= '1';
    if (l < 0 || l >= ms->level || ms->capture[l].len == CLUA_CAP_UNFINISHED)
        return luaL_error(ms->L, "invalid capture index %%%d", l + 1);
    return l;
}

static int capture_to_close(clua_match_state *ms) {
    int level = ms->level;
    for (level--; level >= 0; level--)
        if (ms->capture[level].len == CLUA_CAP_UNFINISHED) return level;
    return luaL_error(ms->L, "invalid pattern capture");
}

static const char *classend(clua_match_state *ms, const char *p) {
    switch (*p++) {
    case L_ESC:
        if (p == ms->p_end) luaL_error(ms->L, "malformed pattern (ends with '%%')");
        return p + 1;
    case '[':
        if (*p == '^') p++;
        do {  // look for a ']'
            if (p == ms->p_end) luaL_error(ms->L, "malformed pattern (missing ']')");
            if (*(p++) == L_ESC && p < ms->p_end) p++;  // skip escapes (e.g. '%]')
        } while (*p != ']');
        return p + 1;
    default:
        return p;
    }
}

static int match_class(int c, int cl) {
    int res;
    switch (tolower(cl)) {
    case 'a': res = isalpha(c); break;
    case 'c': res = iscntrl(c); break;
    case 'd': res = isdigit(c); break;
    case 'g': res = isgraph(c); break;
    case 'l': res = islower(c); break;
    case 'p': res = ispunct(c); break;
    case 's': res = isspace(c); break;
    case 'u': res = isupper(c); break;
    case 'w': res = isalnum(c); break;
    case 'x': res = isxdigit(c); break;
    case 'z': res = (c == 0); break;  // deprecated option
    default: return (cl == c);
    }
    return (islower(cl) ? res : !res);
}

static int matchbracketclass(int c, const char *p, const char *ec) {
    int sig = 1;
    if (*(p + 1) == '^') {
        sig = 0;
        p++;  // skip the '^'
    }
    while (++p < ec) {
        if (*p == L_ESC) {
            p++;
            if (match_class(c, uchar(*p))) return sig;
        } else if ((*(p + 1) == '-') && (p + 2 < ec)) {
            p += 2;
            if (uchar(*(p - 2)) <= c && c <= uchar(*p)) return sig;
        } else if (uchar(*p) == c) {
            return sig;
        }
    }
    return !sig;
}

static int singlematch(clua_match_state *ms, const char *s, const char *p, const char *ep) {
    if (s >= ms->src_end) return 0;
    int c = uchar(*s);
    switch (*p) {
    case '.': return 1;  // matches any char
    case L_ESC: return match_class(c, uchar(*(p + 1)));
    case '[': return matchbracketclass(c, p, ep - 1);
    default: return (uchar(*p) == c);
    }
}

static const char *matchbalance(clua_match_state *ms, const char *s, const char *p) {
    if (p >= ms->p_end - 1) luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
    if (*s != *p) return NULL;
    int b = *p;
    int e = *(p + 1);
    int cont = 1;
    while (++s < ms->src_end) {
        STEP(ms, 1);
        if (*s == e) {
            if (--cont == 0) return s + 1;
        } else if (*s == b) {
            cont++;
        }
    }
    return NULL;  // string ends out of balance
}

static const char *max_expand(clua_match_state *ms, const char *s, const char *p,
                              const char *ep) {
    ptrdiff_t i = 0;  // counts maximum expand for item
    while (singlematch(ms, s + i, p, ep)) {
        STEP(ms, 1);
        i++;
    }
    // keeps trying to match with the maximum repetitions
    while (i >= 0) {
        const char *res = match(ms, (s + i), ep + 1);
        if (res) return res;
        i--;  // else didn't match; reduce 1 repetition to try again
    }
    return NULL;
}

static const char *min_expand(clua_match_state *ms, const char *s, const char *p,
                              const char *ep) {
    for (;;) {
        const char *res = match(ms, s, ep + 1);
        if (res != NULL) return res;
        if (!singlematch(ms, s, p, ep)) return NULL;
        s++;  // try with one more repetition
    }
}

static const char *start_capture(clua_match_state *ms, const char *s, const char *p, int what) {
    const char *res;
    int level = ms->level;
    if (level >= CLUA_MAXCAPTURES) luaL_error(ms->L, "too many captures");
    ms->capture[level].init = s;
    ms->capture[level].len = what;
    ms->level = level + 1;
    if ((res = match(ms, s, p)) == NULL) ms->level--;  // match failed: undo capture
    return res;
}

static const char *end_capture(clua_match_state *ms, const char *s, const char *p) {
    int l = capture_to_close(ms);
    const char *res;
    ms->capture[l].len = s - ms->capture[l].init;  // close capture
    if ((res = match(ms, s, p)) == NULL) ms->capture[l].len = CLUA_CAP_UNFINISHED;
    return res;
}

static const char *match_capture(clua_match_state *ms, const char *s, int l) {
    l = check_capture(ms, l);
    size_t len = (size_t)ms->capture[l].len;  // a position capture: huge, never compared
    if ((size_t)(ms->src_end - s) < len) return NULL;
    STEP(ms, 1 + (int64_t)(len / 32));  // memcmp: about 32 bytes per step
    if (memcmp(ms->capture[l].init, s, len) == 0) return s + len;
    return NULL;
}

static const char *match(clua_match_state *ms, const char *s, const char *p) {
    if (ms->matchdepth-- == 0) luaL_error(ms->L, "pattern too complex");
init:  // using goto's to optimize tail recursion
    STEP(ms, 1);
    if (p != ms->p_end) {  // end of pattern?
        switch (*p) {
        case '(':  // start capture
            if (*(p + 1) == ')')  // position capture?
                s = start_capture(ms, s, p + 2, CLUA_CAP_POSITION);
            else
                s = start_capture(ms, s, p + 1, CLUA_CAP_UNFINISHED);
            break;
        case ')':  // end capture
            s = end_capture(ms, s, p + 1);
            break;
        case '$':
            if ((p + 1) != ms->p_end) goto dflt;  // not the last char: a plain '$'
            s = (s == ms->src_end) ? s : NULL;    // check end of string
            break;
        case L_ESC:  // escaped sequences not in the format class[*+?-]?
            switch (*(p + 1)) {
            case 'b':  // balanced string?
                s = matchbalance(ms, s, p + 2);
                if (s != NULL) {
                    p += 4;
                    goto init;
                }
                break;
            case 'f': {  // frontier?
                const char *ep;
                char previous;
                p += 2;
                if (*p != '[') luaL_error(ms->L, "missing '[' after '%%f' in pattern");
                ep = classend(ms, p);  // points to what is next
                previous = (s == ms->src_init) ? '\0' : *(s - 1);
                if (!matchbracketclass(uchar(previous), p, ep - 1) &&
                    matchbracketclass(uchar(*s), p, ep - 1)) {
                    p = ep;
                    goto init;
                }
                s = NULL;  // match failed
                break;
            }
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':  // capture results (%0-%9)?
                s = match_capture(ms, s, uchar(*(p + 1)));
                if (s != NULL) {
                    p += 2;
                    goto init;
                }
                break;
            default:
                goto dflt;
            }
            break;
        default:
        dflt: {  // pattern class plus optional suffix
            const char *ep = classend(ms, p);  // points to optional suffix
            if (!singlematch(ms, s, p, ep)) {  // does not match at least once?
                if (*ep == '*' || *ep == '?' || *ep == '-') {  // accept empty?
                    p = ep + 1;
                    goto init;
                }
                s = NULL;  // '+' or no suffix: fail
            } else {  // matched once
                switch (*ep) {  // handle optional suffix
                case '?': {
                    const char *res;
                    if ((res = match(ms, s + 1, ep + 1)) != NULL) {
                        s = res;
                    } else {
                        p = ep + 1;
                        goto init;
                    }
                    break;
                }
                case '+':  // 1 or more repetitions
                    s++;   // 1 match already done
                    // FALLTHROUGH
                case '*':  // 0 or more repetitions
                    s = max_expand(ms, s, p, ep);
                    break;
                case '-':  // 0 or more repetitions (minimum)
                    s = min_expand(ms, s, p, ep);
                    break;
                default:  // no suffix
                    s++;
                    p = ep;
                    goto init;
                }
            }
            break;
        }
        }
    }
    ms->matchdepth++;
    return s;
}

const char *clua_match_at(clua_match_state *ms, const char *s, const char *p) {
    return match(ms, s, p);
}

const char *clua_match_memfind(clua_match_state *ms, const char *s1, size_t l1, const char *s2,
                               size_t l2) {
    if (l2 == 0) return s1;  // empty strings are everywhere
    if (l2 > l1) return NULL;
    const char *init;  // to search for a '*s2' inside 's1'
    l2--;              // 1st char will be checked by 'memchr'
    l1 = l1 - l2;      // 's2' cannot be found after that
    while (l1 > 0 && (init = (const char *)memchr(s1, *s2, l1)) != NULL) {
        // memchr: about 256 bytes per step; memcmp: about 32.
        STEP(ms, 1 + (int64_t)((size_t)(init - s1) / 256 + l2 / 32));
        init++;  // 1st char is already checked
        if (memcmp(init, s2 + 1, l2) == 0) return init - 1;
        l1 -= init - s1;  // correct 'l1' and 's1' to try again
        s1 = init;
    }
    STEP(ms, (int64_t)(l1 / 256));
    return NULL;
}

size_t clua_match_capture(clua_match_state *ms, int i, const char *s, const char *e,
                          const char **cap) {
    if (i >= ms->level) {
        if (i != 0) luaL_error(ms->L, "invalid capture index %%%d", i + 1);
        *cap = s;
        return e - s;
    }
    ptrdiff_t capl = ms->capture[i].len;
    *cap = ms->capture[i].init;
    if (capl == CLUA_CAP_UNFINISHED)
        luaL_error(ms->L, "unfinished capture");
    else if (capl == CLUA_CAP_POSITION)
        lua_pushinteger(ms->L, (ms->capture[i].init - ms->src_init) + 1);
    return capl;
}

void clua_match_push_capture(clua_match_state *ms, int i, const char *s, const char *e) {
    const char *cap;
    ptrdiff_t l = clua_match_capture(ms, i, s, e, &cap);
    if (l != CLUA_CAP_POSITION) lua_pushlstring(ms->L, cap, l);
}

int clua_match_push_captures(clua_match_state *ms, const char *s, const char *e) {
    int nlevels = (ms->level == 0 && s) ? 1 : ms->level;
    luaL_checkstack(ms->L, nlevels, "too many captures");
    for (int i = 0; i < nlevels; i++) clua_match_push_capture(ms, i, s, e);
    return nlevels;
}

int clua_match_nospecials(const char *p, size_t l) {
    // Lua scans each NUL-separated piece; memchr-based here, to the same effect.
    for (size_t i = 0; i < l; i++) {
        if (p[i] != '\0' && strchr(SPECIALS, p[i]) != NULL) return 0;
    }
    return 1;
}

void clua_match_prepare(clua_match_state *ms, lua_State *L, const char *s, size_t ls,
                        const char *p, size_t lp) {
    ms->L = L;
    ms->matchdepth = MAXCCALLS;
    ms->src_init = s;
    ms->src_end = s + ls;
    ms->p_end = p + lp;
    ms->fuel = CLUA_MATCH_CHUNK;
}

void clua_match_reset(clua_match_state *ms) { ms->level = 0; }
