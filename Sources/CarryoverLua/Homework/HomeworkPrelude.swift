/// The Lua side of the homework DSL, loaded into each plugin's sandbox before
/// the plugin: `homework { ... }`, `field.<kind>(...)`, and the `plugin` table
/// whose functions the engine reaches through the global `carryover_hook`.
///
/// It checks a declaration where the author wrote it (errors carry the
/// plugin's file and line), keeps the hook functions in its own locals, and
/// hands plain data to Swift (functions cannot cross). Results of hooks are
/// checked here too, so Swift only ever sees well-shaped data.
///
/// Visible to the benchmarks (`@_spi(Benchmarks)`), which load the same
/// prelude into a bare Lua state as their baseline.
@_spi(Benchmarks) public enum HomeworkPrelude {
    /// The chunk name errors in the prelude carry.
    @_spi(Benchmarks) public static let chunkName = "carryover-prelude"

    /// One chunk: the field constructors first, since the declaration
    /// checks use their locals (`fail`, `fields_made`, ...).
    @_spi(Benchmarks) public static let source = fieldsSource + declarationSource

    private static let declarationSource = ##"""
        local function check_data(value, path, level, seen)
          local kind = type(value)
          if kind == "table" then
            seen = seen or {}
            if seen[value] then fail(level + 1, "%s refers to itself", path) end
            seen[value] = true
            for key, member in pairs(value) do check_data(member, path .. "." .. tostring(key), level + 1, seen) end
            seen[value] = nil
          elseif kind ~= "string" and kind ~= "number" and kind ~= "boolean" then
            fail(level + 1, "%s must be plain data, not a %s", path, kind)
          end
        end

        local function check_fields(list, what, level)
          if type(list) ~= "table" then fail(level + 1, "homework: '%s' must be a list of fields", what) end
          local names = {}
          for index, spec in ipairs(list) do
            if not fields_made[spec] or spec.name == nil then
              fail(level + 1, "homework: %s[%d] must be a named field, e.g. field.text(\"what\")", what, index)
            end
            if names[spec.name] then fail(level + 1, "homework: two %s are named '%s'", what, spec.name) end
            names[spec.name] = true
          end
          local count = 0
          for _ in pairs(list) do count = count + 1 end
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
          local scores, score_titles = {}, {}
          local score_names = {}
          if spec.scores ~= nil and type(spec.scores) ~= "table" then
            fail(level, "homework: 'scores' must be a list, e.g. { \"total\", { \"minutes\", \"Minutes practised\" } }")
          end
          for index, item in ipairs(spec.scores or {}) do
            local name, title = item, nil
            if type(item) == "table" then
              name, title = item[1], item[2]
              local count = 0
              for _ in pairs(item) do count = count + 1 end
              if type(title) ~= "string" or title == "" or #title > 80 or count ~= 2 then
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
            score_titles = score_titles, hooks = present,
            metadata = spec.metadata or {}, informant = informant,
          }
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

        -- A copy of each default, so a hook that changes its params cannot
        -- change the defaults of later calls.
        local function with_defaults(params)
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
          for index, item in ipairs(list) do
            for _, key in ipairs(keys) do
              if type(item) ~= "table" or type(item[key]) ~= "string" then
                result_error(hook, "item %d needs a string '%s'", index, key)
              end
            end
          end
          return list
        end

        local function scores_of(entry, params)
          if not hooks.score then return {} end
          local scores = hooks.score(entry, params)
          if type(scores) ~= "table" then result_error("score", "must return a table of numbers") end
          local declared = {}
          for _, name in ipairs(declaration.scores) do declared[name] = true end
          for name, number in pairs(scores) do
            if not declared[name] then result_error("score", "'%s' is not a declared score", tostring(name)) end
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

        function plugin.feedback(entry, params)
          ensure_declared()
          if not hooks.feedback then return nil end
          params = with_defaults(params)
          local message = hooks.feedback(entry, params, scores_of(entry, params))
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

        function plugin.flags(entry, params)
          ensure_declared()
          if not hooks.flags then return {} end
          params = with_defaults(params)
          local flags = check_list_of_records("flags", hooks.flags(entry, params, scores_of(entry, params)), { "level", "code", "message" })
          for index, flag in ipairs(flags) do
            if flag.level ~= "risk" and flag.level ~= "attention" then
              result_error("flags", "item %d: level must be \"risk\" or \"attention\"", index)
            end
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
        """##
}
