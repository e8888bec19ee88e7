-- Carryover homework DSL prelude: `homework`, `field` and the hook
-- dispatcher the engine calls. Loaded before the plugin in the same sandbox.
-- Hooks stay in this chunk's locals; only plain data leaves it.

local declaration -- the plugin's declaration as plain data, once declared
local declared_scores = {} -- score name -> true, once declared
-- The host reads results raw (no __index, __pairs), so the checks on what a
-- plugin hands over read raw too: a metatable cannot show them other data.
local next, rawget = next, rawget
local hooks = {} -- hook name -> the plugin's function

local HOOKS = { "advance", "feedback", "flags", "migrate", "score", "summarize", "validate" }
local IDENTITY = { "id", "version", "title", "instructions" }
local fields_made = setmetatable({}, { __mode = "k" }) -- tables made by field.*

local function fail(level, message, ...)
  error(string.format(message, ...), level + 1)
end

local function is_identifier(name)
  return type(name) == "string" and name:match("^[a-z_][a-z0-9_]*$") ~= nil
end

local function is_semver(version)
  if type(version) ~= "string" then return false end
  local core, rest = version:match("^(%d+%.%d+%.%d+)(.*)$")
  if not core or (rest ~= "" and not rest:match("^%-[%w%.%-]+$") and not rest:match("^%-[%w%.%-]+%+[%w%.%-]+$") and not rest:match("^%+[%w%.%-]+$")) then
    return false
  end
  for number in core:gmatch("%d+") do
    if #number > 1 and number:sub(1, 1) == "0" then return false end
  end
  return true
end

local function default_label(name)
  local words = name:gsub("_", " ")
  return (words:gsub("^%l", string.upper))
end

local function is_whole(value)
  return math.type(value) == "integer" or (type(value) == "number" and value == math.floor(value))
end

-- Options every field kind takes, and the ones particular to each kind.
local COMMON = { label = "string", help = "string", optional = "boolean", default = "any" }
local KIND_OPTIONS = {
  text = { max = "count" },
  number = { min = "number", max = "number", step = "number", integer = "boolean" },
  duration = { min = "number", max = "number", step = "number" },
  rating = { min = "whole", max = "whole", anchors = "table" },
  choice = { choices = "table" },
  multi_choice = { choices = "table", min = "count", max = "count" },
  list = { item = "field", min = "count", max = "count" },
  record = {},
  boolean = {}, date = {}, time = {}, emotion = {},
}

local function check_option(kind, key, value, level)
  local expected = COMMON[key] or KIND_OPTIONS[kind][key]
  if expected == nil then
    fail(level + 1, "field.%s: unknown option '%s'", kind, tostring(key))
  elseif expected == "count" then
    if not (is_whole(value) and value >= 0) then
      fail(level + 1, "field.%s: '%s' must be a whole number of at least 0", kind, key)
    end
  elseif expected == "whole" then
    if not is_whole(value) then fail(level + 1, "field.%s: '%s' must be a whole number", kind, key) end
  elseif expected == "field" then
    if not fields_made[value] then fail(level + 1, "field.%s: '%s' must be made with field.<kind>", kind, key) end
  elseif expected ~= "any" and type(value) ~= expected then
    fail(level + 1, "field.%s: '%s' must be a %s", kind, key, expected)
  end
end

local function normalize_choices(kind, choices, level)
  local list = {}
  for index, choice in ipairs(choices) do
    if type(choice) == "string" then
      list[index] = { value = choice, label = choice }
    elseif type(choice) == "table" and type(choice[1] or choice.value) == "string" then
      local value = choice[1] or choice.value
      list[index] = { value = value, label = choice[2] or choice.label or value }
    else
      fail(level + 1, "field.%s: choice %d must be a string or { value, label }", kind, index)
    end
  end
  if #list == 0 then fail(level + 1, "field.%s: needs at least one choice", kind) end
  return list
end

local function normalize_anchors(anchors, low, high, level)
  local list = {}
  for value, label in pairs(anchors) do
    if not is_whole(value) or value < low or value > high or type(label) ~= "string" then
      fail(level + 1, "field.rating: anchors must map whole numbers from %d to %d to labels", low, high)
    end
    list[#list + 1] = { value = math.tointeger(value), label = label }
  end
  table.sort(list, function(a, b) return a.value < b.value end)
  return list
end

-- Builds the data of one field; `level` points error messages at the plugin.
local function make_field(kind, name, options, level)
  if type(name) == "table" and options == nil then name, options = nil, name end
  options = options or {}
  if name ~= nil and not is_identifier(name) then
    fail(level, "field.%s: name '%s' must be lower-case letters, digits and _", kind, tostring(name))
  end
  if type(options) ~= "table" then fail(level, "field.%s: options must be a table", kind) end
  local spec = { kind = kind, name = name, label = options.label or (name and default_label(name)) }
  for key, value in pairs(options) do
    if not (kind == "record" and math.type(key) == "integer") then check_option(kind, key, value, level) end
  end
  spec.help, spec.optional, spec.default = options.help, options.optional, options.default
  if kind == "text" then
    spec.max_length = options.max
  elseif kind == "number" or kind == "duration" then
    spec.min, spec.max, spec.step, spec.integer = options.min, options.max, options.step, options.integer
    if spec.min and spec.max and spec.min > spec.max then fail(level, "field.%s: min is above max", kind) end
    if spec.step and spec.step <= 0 then fail(level, "field.%s: step must be above 0", kind) end
  elseif kind == "rating" then
    if options.min == nil or options.max == nil or options.min >= options.max then
      fail(level, "field.rating: needs whole-number min and max, min below max")
    end
    spec.min, spec.max = math.tointeger(options.min), math.tointeger(options.max)
    spec.anchors = normalize_anchors(options.anchors or {}, spec.min, spec.max, level)
  elseif kind == "choice" or kind == "multi_choice" then
    spec.choices = normalize_choices(kind, options.choices or {}, level)
  end
  if kind == "list" or kind == "multi_choice" then
    spec.min_items, spec.max_items = options.min, options.max
    if kind == "list" and not options.item then fail(level, "field.list: needs an item, e.g. item = field.text()") end
    spec.item = options.item
    if spec.min_items and spec.max_items and spec.min_items > spec.max_items then
      fail(level, "field.%s: min is above max", kind)
    end
  elseif kind == "record" then
    spec.fields = {}
    for index, member in ipairs(options) do
      if not fields_made[member] or member.name == nil then
        fail(level, "field.record: member %d must be a named field, e.g. field.text(\"what\")", index)
      end
      spec.fields[index] = member
    end
    if #spec.fields == 0 then fail(level, "field.record: needs at least one field") end
  end
  fields_made[spec] = true
  return spec
end

field = setmetatable({}, {
  __index = function(_, kind)
    if type(kind) == "string" and KIND_OPTIONS[kind] then
      return function(name, options)
        local spec = make_field(kind, name, options, 3) -- not a tail call: keeps the plugin's line
        return spec
      end
    end
    local known = {}
    for name in pairs(KIND_OPTIONS) do known[#known + 1] = name end
    table.sort(known)
    fail(2, "unknown field kind '%s'; the kinds are %s", tostring(kind), table.concat(known, ", "))
  end,
  __newindex = function() fail(2, "field is read-only") end,
})

local function check_data(value, path, level, seen)
  local kind = type(value)
  if kind == "table" then
    seen = seen or {}
    if seen[value] then fail(level + 1, "%s refers to itself", path) end
    seen[value] = true
    for key, member in next, value do check_data(member, path .. "." .. tostring(key), level + 1, seen) end
    seen[value] = nil
  elseif kind ~= "string" and kind ~= "number" and kind ~= "boolean" then
    fail(level + 1, "%s must be plain data, not a %s", path, kind)
  end
end

local function check_fields(list, what, level)
  if type(list) ~= "table" or getmetatable(list) ~= nil then
    fail(level + 1, "homework: '%s' must be a list of fields", what)
  end
  local names = {}
  for index, spec in ipairs(list) do
    if not fields_made[spec] or spec.name == nil then
      fail(level + 1, "homework: %s[%d] must be a named field, e.g. field.text(\"what\")", what, index)
    end
    if names[spec.name] then fail(level + 1, "homework: two %s are named '%s'", what, spec.name) end
    names[spec.name] = true
  end
  local count = 0
  for _ in next, list do count = count + 1 end
  if count ~= #list then
    fail(level + 1, "homework: '%s' must be a plain list, e.g. { field.text(\"note\") }", what)
  end
end

local KNOWN_KEYS = { fields = true, params = true, scores = true, metadata = true, informant = true }

-- The informant form a supporter fills in: { title, instructions, fields }.
local function check_informant(form, level)
  if type(form) ~= "table" then
    fail(level + 1, "homework: 'informant' must be a table, e.g. informant = { title = ..., instructions = ..., fields = { ... } }")
  end
  for key in pairs(form) do
    if key ~= "title" and key ~= "instructions" and key ~= "fields" then
      fail(level + 1, "homework: informant: unknown key '%s'", tostring(key))
    end
  end
  for _, key in ipairs({ "title", "instructions" }) do
    if type(form[key]) ~= "string" or form[key] == "" then
      fail(level + 1, "homework: informant: '%s' is missing (a non-empty string)", key)
    end
  end
  check_fields(form.fields, "informant fields", level + 1)
  if #form.fields == 0 then fail(level + 1, "homework: 'informant fields' needs at least one field") end
  return { title = form.title, instructions = form.instructions, fields = form.fields }
end
for _, key in ipairs(IDENTITY) do KNOWN_KEYS[key] = true end
for _, name in ipairs(HOOKS) do KNOWN_KEYS[name] = true end

--- Declares the homework type (once per plugin); returns the declaration data.
function homework(spec)
  local level = 2
  if declaration then fail(level, "homework: a plugin declares one homework type") end
  if type(spec) ~= "table" then fail(level, "homework: expected a table, e.g. homework { id = ... }") end
  for key in pairs(spec) do
    if not KNOWN_KEYS[key] then fail(level, "homework: unknown key '%s'", tostring(key)) end
  end
  for _, key in ipairs(IDENTITY) do
    if type(spec[key]) ~= "string" or spec[key] == "" then
      fail(level, "homework: '%s' is missing (a non-empty string)", key)
    end
  end
  if not spec.id:match("^[a-z][a-z0-9_-]*%.[a-z0-9_%.-]*[a-z0-9]$") or spec.id:find("..", 1, true) then
    fail(level, "homework: id '%s' must be reverse-DNS, e.g. org.example.walks", spec.id)
  end
  if not is_semver(spec.version) then
    fail(level, "homework: version '%s' must be semantic (MAJOR.MINOR.PATCH, e.g. 1.0.0)", spec.version)
  end
  check_fields(spec.fields, "fields", level)
  if #spec.fields == 0 then fail(level, "homework: 'fields' needs at least one field") end
  check_fields(spec.params or {}, "params", level)
  -- Each score is a name, or { name, title } with the title people read.
  if spec.scores ~= nil and (type(spec.scores) ~= "table" or getmetatable(spec.scores) ~= nil) then
    fail(level, "homework: 'scores' must be a list, e.g. { \"total\", { \"minutes\", \"Minutes practised\" } }")
  end
  local scores, score_titles = {}, {}
  local score_names = {}
  for index, item in ipairs(spec.scores or {}) do
    local name, title = item, nil
    if type(item) == "table" then
      name, title = rawget(item, 1), rawget(item, 2)
      local count = 0
      for _ in next, item do count = count + 1 end
      if getmetatable(item) ~= nil or type(title) ~= "string" or title == "" or #title > 80 or count ~= 2 then
        fail(level, "homework: scores[%d] must be a name or { name, title } with a title of 1-80 characters", index)
      end
    end
    if not is_identifier(name) then fail(level, "homework: scores[%d] must be a lower-case name", index) end
    if score_names[name] then fail(level, "homework: score '%s' is declared twice", name) end
    score_names[name] = true
    scores[#scores + 1] = name
    if title then score_titles[name] = title end
  end
  if (#scores > 0) ~= (spec.score ~= nil) then
    fail(level, "homework: declare 'scores' names together with a 'score' function")
  end
  if spec.metadata ~= nil then check_data(spec.metadata, "metadata", level) end
  local informant = spec.informant ~= nil and check_informant(spec.informant, level) or nil
  local present = {}
  for _, name in ipairs(HOOKS) do
    if spec[name] ~= nil then
      if type(spec[name]) ~= "function" then
        fail(level, "homework: '%s' must be a function, not a %s", name, type(spec[name]))
      end
      hooks[name] = spec[name]
      present[#present + 1] = name
    end
  end
  declaration = {
    id = spec.id, version = spec.version, title = spec.title, instructions = spec.instructions,
    fields = spec.fields, params = spec.params or {}, scores = scores,
    score_titles = score_titles, hooks = present, metadata = spec.metadata or {},
    informant = informant,
  }
  declared_scores = score_names
  return declaration
end

-- The engine's side: each hook with its params defaults filled in and its
-- result checked, so a wrong result is a clear error and never odd data.
local function result_error(hook, message, ...)
  error(string.format("%s hook of %s: " .. message, hook, declaration.id, ...), 0)
end

local function copy(value)
  if type(value) ~= "table" then return value end
  local result = {}
  for key, member in pairs(value) do result[key] = copy(member) end
  return result
end

-- Params the engine passes have their defaults filled in already (once
-- per entry, by the host): those tables are not filled again.
local host_filled = setmetatable({}, { __mode = "k" })

-- A copy of each default, so a hook that changes its params cannot
-- change the defaults of later calls.
local function with_defaults(params)
  if host_filled[params] then return params end
  local filled = {}
  for key, value in pairs(params or {}) do filled[key] = value end
  for _, param in ipairs(declaration.params) do
    if filled[param.name] == nil then filled[param.name] = copy(param.default) end
  end
  return filled
end

local function check_list_of_records(hook, list, keys)
  if list == nil then return {} end
  if type(list) ~= "table" then result_error(hook, "must return a list, not a %s", type(list)) end
  local index, item = 1, rawget(list, 1)
  while item ~= nil do
    for _, key in ipairs(keys) do
      if type(item) ~= "table" or type(rawget(item, key)) ~= "string" then
        result_error(hook, "item %d needs a string '%s'", index, key)
      end
    end
    index = index + 1
    item = rawget(list, index)
  end
  return list
end

local function scores_of(entry, params)
  if not hooks.score then return {} end
  local scores = hooks.score(entry, params)
  if type(scores) ~= "table" then result_error("score", "must return a table of numbers") end
  for name, number in next, scores do
    if not declared_scores[name] then result_error("score", "'%s' is not a declared score", tostring(name)) end
    if type(number) ~= "number" or number ~= number or number == math.huge or number == -math.huge then
      result_error("score", "'%s' must be a finite number", name)
    end
  end
  return scores
end

local function ensure_declared()
  if not declaration then error("no homework type declared: the plugin must call homework { ... }", 0) end
end

--- The homework type as its tests and the engine see it.
plugin = {}

function plugin.declaration() ensure_declared(); return declaration end

function plugin.validate(entry, params)
  ensure_declared()
  if not hooks.validate then return {} end
  return check_list_of_records("validate", hooks.validate(entry, with_defaults(params)), { "field", "message" })
end

function plugin.score(entry, params)
  ensure_declared()
  return scores_of(entry, with_defaults(params))
end

-- feedback and flags get the entry's scores: from the engine, which
-- computed them once for the entry, or (in a plugin's tests) computed here.
function plugin.feedback(entry, params, scores)
  ensure_declared()
  if not hooks.feedback then return nil end
  params = with_defaults(params)
  local message = hooks.feedback(entry, params, scores or scores_of(entry, params))
  if message ~= nil and type(message) ~= "string" then result_error("feedback", "must return a string") end
  return message
end

function plugin.advance(state, entry, params)
  ensure_declared()
  if not hooks.advance then return state end
  local next_state = hooks.advance(state, entry, with_defaults(params))
  if type(next_state) ~= "table" then result_error("advance", "must return the new state as a table") end
  return next_state
end

function plugin.summarize(history, params)
  ensure_declared()
  if not hooks.summarize then return nil end
  local summary = hooks.summarize(history or {}, with_defaults(params))
  if summary ~= nil then check_data(summary, "summary", 1) end
  return summary
end

function plugin.flags(entry, params, scores)
  ensure_declared()
  if not hooks.flags then return {} end
  params = with_defaults(params)
  local flags = check_list_of_records("flags", hooks.flags(entry, params, scores or scores_of(entry, params)), { "level", "code", "message" })
  local index, flag = 1, rawget(flags, 1)
  while flag ~= nil do
    local level = rawget(flag, "level")
    if level ~= "risk" and level ~= "attention" then
      result_error("flags", "item %d: level must be \"risk\" or \"attention\"", index)
    end
    index = index + 1
    flag = rawget(flags, index)
  end
  return flags
end

function plugin.migrate(entry, from_version)
  ensure_declared()
  if not hooks.migrate then return entry end
  local migrated = hooks.migrate(entry, from_version)
  if type(migrated) ~= "table" then result_error("migrate", "must return the entry as a table") end
  return migrated
end

--- The one global the engine calls: `carryover_hook("score", entry, params)`.
function carryover_hook(name, ...)
  local hook = plugin[name]
  if type(hook) ~= "function" then error("unknown hook '" .. tostring(name) .. "'", 0) end
  return hook(...)
end

-- Where each hook takes its params.
local PARAMS_AT = { validate = 2, score = 2, feedback = 2, flags = 2, advance = 3, summarize = 2 }

--- The same, with params whose defaults the engine filled in already
--- (once per entry): they are taken as they are.
function carryover_hook_filled(name, ...)
  local params = PARAMS_AT[name] and select(PARAMS_AT[name], ...)
  if type(params) == "table" then host_filled[params] = true end
  return carryover_hook(name, ...)
end
