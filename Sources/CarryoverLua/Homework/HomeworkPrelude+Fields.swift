/// The first part of the prelude: shared helpers and `field.<kind>(...)`.
extension HomeworkPrelude {
    static let fieldsSource = ##"""
        -- Carryover homework DSL prelude: `homework`, `field` and the hook
        -- dispatcher the engine calls. Loaded before the plugin in the same sandbox.
        -- Hooks stay in this chunk's locals; only plain data leaves it.

        local declaration -- the plugin's declaration as plain data, once declared
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

        """##
}
