-- Carryover plugin tests, in the style of busted and luassert: `describe`,
-- `it`, `before_each`, `assert.are.same(expected, actual)`. Loaded after the
-- plugin and before its spec files; the engine then runs each case by index.

local cases = {} -- { name, fn, befores, file, line }
local stack = {} -- enclosing describe blocks: { name, befores }

local FAILURE = {} -- marks a failed assertion's error table

-- "file:line" of the function `depth` calls above the caller of `position`.
local function position(depth)
  local _, where = pcall(error, "", depth + 2)
  local file, line = tostring(where):match("^(.-):(%d+): $")
  return file, tonumber(line)
end

function describe(name, body)
  if type(name) ~= "string" or type(body) ~= "function" then
    error("describe(name, function() ... end)", 2)
  end
  stack[#stack + 1] = { name = name, befores = {} }
  body()
  stack[#stack] = nil
end

function before_each(fn)
  if #stack == 0 or type(fn) ~= "function" then error("before_each(function() ... end) belongs inside describe", 2) end
  local befores = stack[#stack].befores
  befores[#befores + 1] = fn
end

function it(name, fn)
  if type(name) ~= "string" or type(fn) ~= "function" then error("it(name, function() ... end)", 2) end
  local names, befores = {}, {}
  for _, block in ipairs(stack) do
    names[#names + 1] = block.name
    for _, before in ipairs(block.befores) do befores[#befores + 1] = before end
  end
  names[#names + 1] = name
  local file, line = position(2)
  cases[#cases + 1] = { name = table.concat(names, " "), fn = fn, befores = befores, file = file, line = line }
end

-- A readable, deterministic rendering of a value (keys sorted).
local function show(value, seen)
  if type(value) == "string" then return string.format("%q", value) end
  if type(value) ~= "table" then return tostring(value) end
  seen = seen or {}
  if seen[value] then return "<cycle>" end
  seen[value] = true
  local keys = {}
  for key in pairs(value) do keys[#keys + 1] = key end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local parts = {}
  for _, key in ipairs(keys) do
    local label = math.type(key) == "integer" and "" or ((type(key) == "string" and key:match("^[%a_][%w_]*$")) and key .. " = " or "[" .. show(key) .. "] = ")
    parts[#parts + 1] = label .. show(value[key], seen)
  end
  seen[value] = nil
  return "{ " .. table.concat(parts, ", ") .. " }"
end

local function same(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then
    return false
  end
  for key, value in pairs(a) do if not same(value, b[key]) then return false end end
  for key in pairs(b) do if a[key] == nil then return false end end
  return true
end

local function failure(message, expected, actual, show_values)
  local file, line = position(3)
  error(setmetatable({
    message = message, file = file, line = line,
    expected = show_values and show(expected) or nil, actual = show_values and show(actual) or nil,
  }, FAILURE), 0)
end

-- Each assertion: a test of (expected, actual, extra) and what it checks.
local CHECKS = {
  same = { function(e, a) return same(e, a) end, "values to be the same", 2 },
  equal = { function(e, a) return e == a end, "values to be equal (==)", 2 },
  near = { function(e, a, tolerance) return type(a) == "number" and math.abs(e - a) <= tolerance end, "values to be within the tolerance", 3 },
  ["true"] = { function(a) return a == true end, "value to be true", 1 },
  ["false"] = { function(a) return a == false end, "value to be false", 1 },
  ["nil"] = { function(a) return a == nil end, "value to be nil", 1 },
  truthy = { function(a) return not not a end, "value to be truthy", 1 },
  falsy = { function(a) return not a end, "value to be falsy", 1 },
  error = { function(fn)
    local ok = pcall(fn)
    return not ok
  end, "function to raise an error", 1 },
}

local function assertion(negated)
  return setmetatable({}, {
    __index = function(_, name)
      local check = CHECKS[name]
      if not check then error("unknown assertion '" .. tostring(name) .. "'", 2) end
      local test, what, arity = check[1], check[2], check[3]
      return function(...)
        local passed = test(...)
        if negated then passed = not passed end
        if not passed then
          local expected, actual = ...
          local message = select(arity + 1, ...)
            or ("expected " .. (negated and what:gsub(" to ", " not to ", 1) or what))
          if arity == 1 then failure(message, nil, expected, name ~= "error") end
          failure(message, expected, actual, true)
        end
      end
    end,
  })
end

local positive, negative = assertion(false), assertion(true)

--- `assert(value, message)` as in plain Lua, plus luassert's
--- `assert.are.same`, `assert.is_true`, `assert.has_error`, ...
assert = setmetatable({
  are = positive, is = positive, has = positive,
  are_not = negative, is_not = negative, has_no = negative,
}, {
  __index = function(_, name)
    local negated, check = name:match("^(%a+)_not_(.+)$")
    if negated then return negative[check] end
    check = name:match("^is_(.+)$") or name:match("^are_(.+)$") or name:match("^has_(.+)$")
    if check then return positive[check] end
  end,
  __call = function(_, value, message, ...)
    if not value then failure(message or "assertion failed!", nil, nil, false) end
    return value, message, ...
  end,
})

--- The full names of the registered cases, in order.
function carryover_test_names()
  local names = {}
  for index, case in ipairs(cases) do names[index] = case.name end
  return names
end

--- Runs case `index`: its before_each functions, then the case.
function carryover_run_test(index)
  local case = cases[index]
  local ok, err = pcall(function()
    for _, before in ipairs(case.befores) do before() end
    case.fn()
  end)
  local result = { name = case.name, passed = ok, file = case.file, line = case.line }
  if not ok then
    if getmetatable(err) == FAILURE then
      result.message, result.expected, result.actual = err.message, err.expected, err.actual
      result.file, result.line = err.file or case.file, err.line or case.line
    else
      local file, line, message = tostring(err):match("^(.-):(%d+): (.*)$")
      result.message = message or tostring(err)
      if file then result.file, result.line = file, tonumber(line) end
    end
  end
  return result
end
