-- Reading material with check questions for the homework DSL. Put before
-- homework_prelude.lua in one chunk (HomeworkPrelude.source): it defines only
-- the local `reading_support`, which the prelude calls with its helpers.

local function reading_support(helpers)
  local fail, is_identifier, normalize_choices = helpers.fail, helpers.is_identifier, helpers.normalize_choices
  local make_field, check_fields = helpers.make_field, helpers.check_fields

  -- Reading material with check questions (`readings = { ... }`): each check
  -- becomes an optional choice field, the type gets the params `reading` and
  -- `pass_mark`, the scores below and hooks that score the answers. The right
  -- answers stay in these locals: the declaration the host sees has none.
  local READING_SCORES = {
    { "correct", "Check questions answered right" },
    { "percent_correct", "Check questions answered right (%)" },
    { "passed", "Reached the pass mark (1 = yes, 0 = no)" },
  }
  local READING_KEYS = { id = true, title = true, text = true, checks = true }
  local CHECK_KEYS = { name = true, question = true, choices = true, answer = true, section = true }
  local MAX_READING = 20000 -- characters of Markdown in one reading

  -- A heading's anchor: ASCII letters and digits lower-cased, everything else
  -- one hyphen (the portal's Markdown renderer gives headings the same ids).
  local function anchor_of(heading)
    return (heading:lower():gsub("[^a-z0-9]+", "-"):gsub("^%-+", ""):gsub("%-+$", ""))
  end

  local function sections_of(text)
    local sections = {}
    for line in (text .. "\n"):gmatch("([^\n]*)\n") do
      local title = line:match("^#+%s+(.-)%s*#*%s*$")
      if title and title ~= "" then sections[anchor_of(title)] = title end
    end
    return sections
  end

  local function check_keys(table_value, known, what, level)
    if type(table_value) ~= "table" then fail(level + 1, "homework: %s must be a table", what) end
    for key in pairs(table_value) do
      if not known[key] then fail(level + 1, "homework: %s: unknown key '%s'", what, tostring(key)) end
    end
  end

  local function read_check(check, where, sections, level)
    check_keys(check, CHECK_KEYS, where, level + 1)
    if not is_identifier(check.name) then fail(level + 1, "homework: %s needs a lower-case name", where) end
    if type(check.question) ~= "string" or check.question == "" then
      fail(level + 1, "homework: %s needs a question", where)
    end
    local choices = normalize_choices("choice", type(check.choices) == "table" and check.choices or {}, level + 1)
    if #choices < 2 then fail(level + 1, "homework: %s needs at least two choices", where) end
    local answer
    for index, choice in ipairs(choices) do
      if choice.value == check.answer then answer = index end
    end
    if not answer then fail(level + 1, "homework: %s: the answer must be one of its choices' values", where) end
    if type(check.section) ~= "string" or not sections[check.section] then
      fail(level + 1, "homework: %s: section '%s' is not a heading's anchor in the text", where, tostring(check.section))
    end
    local made = make_field("choice", check.name, { label = check.question, choices = choices, optional = true }, level + 2)
    return made, { name = check.name, answer = check.answer, section = check.section,
      section_title = sections[check.section], question = check.question }
  end

  local function readings_of(list, level)
    if type(list) ~= "table" or #list == 0 then
      fail(level + 1, "homework: 'readings' must be a list of readings, e.g. { { id = ..., text = ..., checks = ... } }")
    end
    local pieces, by_id, declared, check_made = {}, {}, {}, {}
    for index, piece in ipairs(list) do
      local where = "readings[" .. index .. "]"
      check_keys(piece, READING_KEYS, where, level + 1)
      if not is_identifier(piece.id) or by_id[piece.id] then
        fail(level + 1, "homework: %s needs a lower-case id of its own", where)
      end
      if type(piece.title) ~= "string" or piece.title == "" then fail(level + 1, "homework: %s needs a title", where) end
      if type(piece.text) ~= "string" or piece.text == "" or #piece.text > MAX_READING then
        fail(level + 1, "homework: %s needs a text in Markdown of 1-%d characters", where, MAX_READING)
      end
      if type(piece.checks) ~= "table" or #piece.checks == 0 then
        fail(level + 1, "homework: %s needs at least one check question", where)
      end
      local sections, checks, names = sections_of(piece.text), {}, {}
      for number, check in ipairs(piece.checks) do
        local made, kept = read_check(check, where .. ".checks[" .. number .. "]", sections, level + 1)
        check_made[#check_made + 1], checks[number] = made, kept
        names[number] = { name = kept.name, section = kept.section }
      end
      pieces[piece.id], by_id[piece.id] = checks, true
      declared[index] = { id = piece.id, title = piece.title, text = piece.text, checks = names }
    end
    local choices = {}
    for index, piece in ipairs(declared) do choices[index] = { piece.id, piece.title } end

    local function chosen(params) return pieces[params.reading] or {} end

    local function validate(entry, params)
      local problems, wanted = {}, {}
      for _, check in ipairs(chosen(params)) do
        wanted[check.name] = true
        if entry[check.name] == nil then
          problems[#problems + 1] = { field = check.name, message = "answer this question" }
        end
      end
      for _, piece in ipairs(declared) do
        for _, check in ipairs(piece.checks) do
          if entry[check.name] ~= nil and not wanted[check.name] then
            problems[#problems + 1] = { field = check.name, message = "belongs to another reading; leave it out" }
          end
        end
      end
      return problems
    end

    -- percent_correct = 100 * correct / questions; passed when it reaches pass_mark.
    local function score(entry, params)
      local checks, correct = chosen(params), 0
      for _, check in ipairs(checks) do
        if entry[check.name] == check.answer then correct = correct + 1 end
      end
      local percent = #checks > 0 and correct * 100 / #checks or 0
      return { correct = correct, percent_correct = percent, passed = percent >= params.pass_mark and 1 or 0 }
    end

    -- Each wrong answer points to its section, never to the right choice.
    local function feedback(entry, params, scores)
      local checks = chosen(params)
      local lines = {
        string.format("You answered %d of %d questions right (%s%%).", scores.correct, #checks,
          string.format("%.0f", scores.percent_correct)),
      }
      if scores.passed == 1 then
        lines[#lines + 1] = string.format("You reached the pass mark of %d%%: this reading is done. Well done.", params.pass_mark)
      else
        lines[#lines + 1] = string.format("The pass mark is %d%%. Read the parts below again, then try once more.", params.pass_mark)
      end
      for number, check in ipairs(checks) do
        if entry[check.name] ~= check.answer then
          lines[#lines + 1] = string.format("Question %d (%s): see “%s” (#%s).", number, check.question,
            check.section_title, check.section)
        end
      end
      return table.concat(lines, "\n")
    end

    local extend = function(fields, params, present, plugin_hooks, at)
      local all_fields, all_params = {}, {}
      for index, made in ipairs(fields) do all_fields[index] = made end
      for _, made in ipairs(check_made) do all_fields[#all_fields + 1] = made end
      for index, made in ipairs(params) do all_params[index] = made end
      all_params[#all_params + 1] = make_field("choice", "reading",
        { label = "Which reading", choices = choices, default = declared[1].id }, at + 2)
      all_params[#all_params + 1] = make_field("number", "pass_mark", { integer = true, min = 1, max = 100,
        default = 80, label = "Pass mark (% of check questions answered right)" }, at + 2)
      check_fields(all_fields, "fields", at + 1)
      check_fields(all_params, "params", at + 1)
      local own = { validate = plugin_hooks.validate, score = plugin_hooks.score, feedback = plugin_hooks.feedback }
      plugin_hooks.validate = function(entry, given)
        local problems = validate(entry, given)
        for _, problem in ipairs(own.validate and own.validate(entry, given) or {}) do problems[#problems + 1] = problem end
        return problems
      end
      plugin_hooks.score = function(entry, given)
        local result = own.score and own.score(entry, given) or {}
        for name, number in next, score(entry, given) do result[name] = number end
        return result
      end
      plugin_hooks.feedback = function(entry, given, scores)
        local own_message = own.feedback and own.feedback(entry, given, scores)
        local message = feedback(entry, given, scores)
        return type(own_message) == "string" and message .. "\n" .. own_message or message
      end
      local listed = {}
      for _, name in ipairs(present) do listed[name] = true end
      for _, name in ipairs({ "feedback", "score", "validate" }) do
        if not listed[name] then present[#present + 1] = name end
      end
      table.sort(present)
      return all_fields, all_params, present
    end
    return { scores = READING_SCORES, declared = declared, extend = extend }
  end
  return readings_of
end
