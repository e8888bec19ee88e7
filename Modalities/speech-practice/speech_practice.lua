-- Speech sound practice (traditional articulation therapy, Van Riper 1939):
-- a target sound or word list practised up a hierarchy of levels, moving up
-- once accuracy meets the criterion (commonly 80% over three consecutive
-- sessions; configurable, including "M of the last N sessions").

local LEVELS = { "isolation", "syllable", "word", "phrase", "sentence", "reading", "conversation" }
local LEVEL_CHOICES = {}
local LEVEL_INDEX = {}
for index, level in ipairs(LEVELS) do
  LEVEL_CHOICES[index] = { level, (level:gsub("^%l", string.upper)) }
  LEVEL_INDEX[level] = index
end

local function accuracy(entry)
  return entry.correct * 100 / entry.trials
end

-- Whether the recent sessions (oldest first) meet the criterion.
local function mastered(results, params)
  if params.rule == "consecutive" then
    if #results < params.sessions then return false end
    for index = #results - params.sessions + 1, #results do
      if not results[index] then return false end
    end
    return true
  end
  local met = 0
  for index = math.max(1, #results - params.window + 1), #results do
    if results[index] then met = met + 1 end
  end
  return met >= params.sessions
end

homework {
  id = "org.carryover.speech-practice",
  version = "1.0.0",
  title = "Speech practice",
  instructions = [[Practise your target at the level you are on. Count how many tries
you made and how many were correct.]],
  fields = {
    field.choice("level", { choices = LEVEL_CHOICES, label = "Level practised" }),
    field.number("trials", { integer = true, min = 1, max = 500, label = "Tries" }),
    field.number("correct", { integer = true, min = 0, max = 500, label = "Correct tries" }),
    field.duration("minutes", { min = 0, max = 240, optional = true }),
    field.text("notes", { max = 500, optional = true }),
  },
  params = {
    field.list("targets", { label = "Target sounds or words", min = 1, max = 50, item = field.text { max = 40 } }),
    field.choice("position", { label = "Position of the sound in the word", default = "initial",
      choices = { "initial", "medial", "final", "all" } }),
    field.choice("start_level", { choices = LEVEL_CHOICES, default = "isolation", label = "Level to start on" }),
    field.number("accuracy", { min = 0, max = 100, default = 80, label = "Accuracy needed (%)" }),
    field.choice("rule", { default = "consecutive", label = "How sessions count", choices = {
      { "consecutive", "The last sessions in a row" },
      { "m_of_n", "A number of sessions among the last few" },
    } }),
    field.number("sessions", { integer = true, min = 1, max = 10, default = 3,
      label = "Sessions that must meet the accuracy" }),
    field.number("window", { integer = true, min = 1, max = 20, default = 4,
      label = "Sessions looked at (for 'among the last few')" }),
  },
  scores = { { "accuracy", "Accuracy (%)" }, { "trials", "Tries" }, { "correct", "Correct tries" } },

  validate = function(entry, params)
    local problems = {}
    if entry.correct > entry.trials then
      problems[#problems + 1] = { field = "correct", message = "cannot be more than the tries (" .. entry.trials .. ")" }
    end
    if params.rule == "m_of_n" and params.sessions > params.window then
      problems[#problems + 1] = { field = "", message = "the assignment asks for more sessions than it looks at; ask the therapist" }
    end
    return problems
  end,

  -- accuracy = correct / trials * 100
  score = function(entry)
    return { accuracy = accuracy(entry), trials = entry.trials, correct = entry.correct }
  end,

  feedback = function(entry, params, scores)
    if scores.accuracy >= params.accuracy then
      return string.format("%d of %d correct (%g%%). Great work!", entry.correct, entry.trials, scores.accuracy)
    end
    return string.format("%d of %d correct. Every try builds the habit.", entry.correct, entry.trials)
  end,

  -- State: { level, results = met/not met per session at this level (last
  -- 20), mastered = levels passed, complete = the last level mastered }.
  advance = function(state, entry, params)
    state = state or { level = params.start_level, results = {}, mastered = {}, complete = false }
    if state.complete or entry.level ~= state.level then return state end
    local results = { table.unpack(state.results) }
    results[#results + 1] = accuracy(entry) >= params.accuracy
    if #results > 20 then table.remove(results, 1) end
    local next_state = { level = state.level, results = results, mastered = { table.unpack(state.mastered) }, complete = false }
    if mastered(results, params) then
      next_state.mastered[#next_state.mastered + 1] = state.level
      next_state.results = {}
      local index = LEVEL_INDEX[state.level]
      if index == #LEVELS then next_state.complete = true else next_state.level = LEVELS[index + 1] end
    end
    return next_state
  end,
}
