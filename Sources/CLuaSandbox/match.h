#ifndef CARRYOVER_CLUA_MATCH_H
#define CARRYOVER_CLUA_MATCH_H

// Lua 5.4.4's pattern matcher (lstrlib.c), with a meter: every step of the
// backtracking matcher is counted and paid for in fuel, and the deadline is
// read every CLUA_MATCH_CHUNK steps, so a catastrophic pattern is
// interrupted like a Lua loop instead of running for hours inside one call.
// The matching rules are Lua's own, NUL bytes and gmatch's literal '^'
// included.
//
// Lua is Copyright (C) 1994-2022 Lua.org, PUC-Rio, under the MIT license:
// Permission is hereby granted, free of charge, to any person obtaining a
// copy of this software and associated documentation files (the
// "Software"), to deal in the Software without restriction, including
// without limitation the rights to use, copy, modify, merge, publish,
// distribute, sublicense, and/or sell copies of the Software, and to permit
// persons to whom the Software is furnished to do so, subject to the
// following conditions: The above copyright notice and this permission
// notice shall be included in all copies or substantial portions of the
// Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
// EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
// MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
// NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
// DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
// OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
// USE OR OTHER DEALINGS IN THE SOFTWARE.

#include "internal.h"

#define CLUA_MAXCAPTURES 32
/// Fuel per matcher step (measured in a release build on this machine: a
/// step took 30 ns, a VM instruction under the hook 10 to 19 ns).
#define CLUA_UNITS_PER_STEP 2
/// Steps between two charges (and deadline reads) inside one call.
#define CLUA_MATCH_CHUNK 4096

typedef struct clua_match_state {
    const char *src_init;  // start of the subject
    const char *src_end;   // end ('\0') of the subject
    const char *p_end;     // end ('\0') of the pattern
    lua_State *L;
    int matchdepth;        // recursion left (C stack guard)
    unsigned char level;   // captures, finished or not
    int64_t fuel;          // steps left before the next charge
    struct {
        const char *init;
        ptrdiff_t len;
    } capture[CLUA_MAXCAPTURES];
} clua_match_state;

/// Prepares `ms` for matching subject `s` (length ls) against `p` (lp).
void clua_match_prepare(clua_match_state *ms, lua_State *L, const char *s, size_t ls,
                        const char *p, size_t lp);
/// Resets the captures before trying another start.
void clua_match_reset(clua_match_state *ms);
/// Pays for the steps used since the last charge (never raises).
void clua_match_settle(clua_match_state *ms);
/// Charges `steps` (raises when the budget or the deadline is over).
void clua_match_step(clua_match_state *ms, int64_t steps);
/// The end of the match of `p` at `s`, or NULL.
const char *clua_match_at(clua_match_state *ms, const char *s, const char *p);
/// Plain search of s2 in s1 (metered).
const char *clua_match_memfind(clua_match_state *ms, const char *s1, size_t l1, const char *s2,
                               size_t l2);
/// Whether the pattern has no special characters (NUL bytes included).
int clua_match_nospecials(const char *p, size_t l);

#define CLUA_CAP_UNFINISHED (-1)
#define CLUA_CAP_POSITION (-2)

/// Capture `i` (the whole match s..e when there are none): its length and
/// start, or CLUA_CAP_POSITION after pushing the position.
size_t clua_match_capture(clua_match_state *ms, int i, const char *s, const char *e,
                          const char **cap);
/// Pushes capture `i`.
void clua_match_push_capture(clua_match_state *ms, int i, const char *s, const char *e);
/// Pushes every capture (the whole match when there are none); their count.
int clua_match_push_captures(clua_match_state *ms, const char *s, const char *e);

#endif
