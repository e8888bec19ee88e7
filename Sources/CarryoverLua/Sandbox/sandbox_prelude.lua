-- The trusted Lua code that builds a sandbox environment inside a fresh
-- state, after the allow-listed libraries are open (CLuaSandbox's setup.c).
--
-- It receives a table of host functions (print capture, clock, guarded
-- string functions, raw metatable access) and returns the sandbox
-- environment, the seal function and the table that maps each frozen table
-- to its hidden contents. Plugins only ever see the environment: the real
-- globals, the registry and the host table stay out of reach.

local host = ...
local next, type, rawget, rawset, rawlen, select, error, load, setmetatable =
    next, type, rawget, rawset, rawlen, select, error, load, setmetatable
local sub, gmatch = string.sub, string.gmatch
local rawgetmetatable, rawsetmetatable = host.rawgetmetatable, host.rawsetmetatable
-- Refusals are raised by the host, so their code cannot be forged by text.
local forbid, hostNext = host.forbid, host.next

-- A frozen table keeps its contents in a hidden shadow table, so every
-- write goes through __newindex (plain assignment to an existing key
-- would not). Weak keys: a frozen table that becomes garbage is freed.
local shadows = setmetatable({}, { __mode = "k" })

-- next over a frozen table walks its shadow; the shadow itself never leaves
-- this chunk (pairs, next and __pairs hand out the frozen table).
local function sandboxNext(t, key) return hostNext(shadows[t] or t, key) end

local function keyName(key)
    if type(key) == "string" then return "'" .. sub(key, 1, 40) .. "'" end
    return "a " .. type(key) .. " key"
end

-- Lua reads metamethods raw, so tables that may serve as metatables
-- keep these keys in place when frozen.
local metamethods = {}
for name in gmatch("index newindex call tostring name len eq lt le concat unm add sub " ..
    "mul div mod pow idiv band bor bxor shl shr bnot close mode pairs", "%S+") do
    metamethods["__" .. name] = true
end

-- Freezes `t` in place: its contents move to a hidden shadow table.
local function freeze(t, what, keepMetamethods)
    if shadows[t] then return t end
    local shadow, keys = {}, {}
    for key, value in next, t do
        if not (keepMetamethods and metamethods[key]) then
            shadow[key] = value
            keys[#keys + 1] = key
        end
    end
    for i = 1, #keys do rawset(t, keys[i], nil) end
    local old = rawgetmetatable(t)
    local mt = {}
    if old then for key, value in next, old do mt[key] = value end end
    local fallback = old and rawget(old, "__index")
    if fallback == nil then
        mt.__index = shadow
    else
        mt.__index = function(self, key)
            local value = shadow[key]
            if value ~= nil then return value end
            if type(fallback) == "function" then return fallback(self, key) end
            return fallback[key]
        end
    end
    mt.__newindex = function(_, key)
        forbid(what .. " is read-only (cannot set " .. keyName(key) .. ")", 2)
    end
    mt.__len = function() return #shadow end
    mt.__pairs = function(self) return sandboxNext, self, nil end
    mt.__metatable = "read-only"
    shadows[t] = shadow
    rawsetmetatable(t, mt)
    return t
end

-- A library's allowed functions, the host's guarded versions first.
local function copy(source, names, guards)
    local t = {}
    for name in gmatch(names, "%S+") do t[name] = guards and guards[name] or source[name] end
    return t
end

local sandboxString = freeze(copy(string,
    "byte char find format gmatch gsub len lower match rep reverse sub upper", host), "string")
local sandboxTable = freeze(copy(table, "concat insert move pack remove sort unpack", host), "table")
math.randomseed(host.seed)
local sandboxMath = freeze(copy(math,
    "abs ceil floor fmod huge max maxinteger min mininteger modf pi random sqrt " ..
    "exp log sin cos tan asin acos atan tointeger type ult"), "math")
local sandboxUtf8 = freeze(copy(utf8, "char charpattern codepoint codes len offset", host.utf8), "utf8")
-- The host must know which thread runs plugin code, so the allocator
-- can stop it mid-instruction: resume, wrap and close record the
-- thread they enter and restore the one they return to.
local create, resume, running, status, close =
    coroutine.create, coroutine.resume, coroutine.running, coroutine.status, coroutine.close
local enter = host.enter
local function returnTo(previous, ...)
    enter(previous)
    return ...
end
local function sandboxResume(co, ...)
    local previous = running()
    if type(co) == "thread" and status(co) == "suspended" then enter(co) end
    return returnTo(previous, resume(co, ...))
end
local function sandboxClose(co)
    local previous = running()
    if type(co) == "thread" and (status(co) == "suspended" or status(co) == "dead") then
        enter(co)
    end
    return returnTo(previous, close(co))
end
-- Like coroutine.wrap: results on success; on an error, close the
-- coroutine and raise the error at the caller (with its position when
-- the error is a string).
local function unwrap(co, ok, ...)
    if ok then return ... end
    local problem = ...
    if status(co) == "dead" then sandboxClose(co) end
    error(problem, type(problem) == "string" and 2 or 0)
end
local function sandboxWrap(f)
    local co = create(f)
    return function(...) return unwrap(co, sandboxResume(co, ...)) end
end
local sandboxCoroutine = freeze(copy(coroutine,
    "close create isyieldable resume running status wrap yield",
    { resume = sandboxResume, wrap = sandboxWrap, close = sandboxClose }), "coroutine")
local sandboxClock = freeze({ now = host.now, today = host.today }, "clock")

-- Method calls on strings use the guarded, frozen string table;
-- getmetatable("") answers a frozen decoy, never the real metatable.
local stringMetatable = rawgetmetatable("")
stringMetatable.__index = sandboxString
stringMetatable.__metatable = freeze({ __index = sandboxString }, "the string metatable")

local env = {}

-- Text only, the sandbox environment by default, and parsing paid for
-- in fuel (one load is a single instruction, however long the source).
local charge, unitsPerByte = host.charge, host.unitsPerSourceByte
local function sandboxLoad(chunk, chunkName, mode, ...)
    if type(chunk) == "string" then
        charge(#chunk * unitsPerByte)
    elseif type(chunk) == "function" then
        local reader = chunk
        chunk = function()
            local piece = reader()
            if type(piece) == "string" then charge(#piece * unitsPerByte) end
            return piece
        end
    end
    if select("#", ...) == 0 then return load(chunk, chunkName, "t", env) end
    return load(chunk, chunkName, "t", (...))
end

-- A message handler runs where the error was raised. The kill is raised
-- from the count hook, and Lua calls no hook while a hook runs, so after a
-- kill a plugin's handler would run with no limit at all: once the run is
-- over it is not called, and the error passes on as it is.
local xpcall, killed = xpcall, host.killed
local function sandboxXpcall(f, handler, ...)
    if type(handler) ~= "function" then return xpcall(f, handler, ...) end
    return xpcall(f, function(problem)
        if killed() then return problem end
        return handler(problem)
    end, ...)
end

local function sandboxSetmetatable(t, mt)
    if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        forbid("__gc metamethods are not allowed", 2)
    end
    return setmetatable(t, mt)
end

-- The raw functions see through frozen tables and refuse to write them.
local function sandboxRawset(t, key, value)
    if shadows[t] then forbid("table is read-only (cannot set " .. keyName(key) .. ")", 2) end
    return rawset(t, key, value)
end
local function sandboxRawget(t, key)
    local shadow = shadows[t]
    if shadow == nil then return rawget(t, key) end
    local value = rawget(t, key)
    if value ~= nil then return value end
    return rawget(shadow, key)
end
local function sandboxRawlen(t) return rawlen(shadows[t] or t) end

for name in gmatch("assert error getmetatable ipairs pcall rawequal select type _VERSION", "%S+") do
    env[name] = _G[name]
end
env.print, env.tonumber, env.tostring, env.pairs = host.print, host.tonumber, host.tostring, host.pairs
env.collectgarbage = host.collectgarbage
env.load, env.xpcall = sandboxLoad, sandboxXpcall
env.setmetatable = sandboxSetmetatable
env.rawset, env.rawget, env.rawlen, env.next = sandboxRawset, sandboxRawget, sandboxRawlen, sandboxNext
env.string, env.table, env.math, env.utf8 = sandboxString, sandboxTable, sandboxMath, sandboxUtf8
env.coroutine, env.clock = sandboxCoroutine, sandboxClock
env._G = env

-- Freezes the environment and every table reachable from it (through
-- keys and values, including metamethod keys a frozen table keeps raw).
local function seal()
    local seen, stack = {}, { env }
    local function visit(contents)
        for key, value in next, contents do
            if type(key) == "table" then stack[#stack + 1] = key end
            if type(value) == "table" then stack[#stack + 1] = value end
        end
    end
    while #stack > 0 do
        local t = stack[#stack]
        stack[#stack] = nil
        if not seen[t] then
            seen[t] = true
            visit(t)
            if shadows[t] then visit(shadows[t]) end
            if t == env then freeze(t, "the global table", false)
            else freeze(t, "a sealed table", true) end
        end
    end
end

return env, seal, shadows
