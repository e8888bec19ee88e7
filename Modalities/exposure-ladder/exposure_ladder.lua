-- Graded exposure: a ladder of feared situations rated in SUDS (Subjective
-- Units of Distress, 0-100; Wolpe 1969). The client logs each practice; a
-- step is mastered after enough sessions that meet the criterion (peak
-- distress at or below a threshold, or distress falling by half within the
-- session), and the ladder then moves to the next step.

local function drop_percent(entry)
  if entry.suds_peak == 0 then return 0 end
  return (entry.suds_peak - entry.suds_after) * 100 / entry.suds_peak
end

local function meets_criterion(entry, params)
  if #(entry.safety_behaviours or {}) > 0 and not params.count_with_safety_behaviours then
    return false
  end
  local low_peak = entry.suds_peak <= params.peak_threshold
  local dropped = drop_percent(entry) >= params.drop_percent
  if params.criterion == "peak" then return low_peak end
  if params.criterion == "drop" then return dropped end
  return low_peak or dropped
end

homework {
  id = "org.carryover.exposure-ladder",
  version = "1.0.0",
  title = "Exposure ladder",
  instructions = [[Practise the step you are on. Rate your distress (0-100) before you
start, at its highest, and at the end. Stay until it falls, and try not to
use safety behaviours.]],
  fields = {
    field.number("step", { integer = true, min = 1, label = "Ladder step practised" }),
    field.rating("suds_before", { min = 0, max = 100, label = "Distress before (0-100)" }),
    field.rating("suds_peak", { min = 0, max = 100, label = "Highest distress (0-100)" }),
    field.rating("suds_after", { min = 0, max = 100, label = "Distress at the end (0-100)" }),
    field.duration("minutes", { min = 1, max = 600, label = "Minutes in the situation" }),
    field.list("safety_behaviours", { label = "Safety behaviours used", max = 10,
      item = field.text { max = 120 }, optional = true }),
    field.text("notes", { max = 1000, optional = true }),
  },
  params = {
    field.list("steps", { label = "Ladder steps, easiest first", min = 1, max = 20,
      item = field.record {
        field.text("situation", { max = 200 }),
        field.rating("expected_suds", { min = 0, max = 100, label = "Expected distress (0-100)" }),
      } }),
    field.number("start_step", { integer = true, min = 1, default = 1, label = "Step to start on" }),
    field.choice("criterion", { default = "either", label = "Mastery criterion", choices = {
      { "peak", "Peak distress at or below the threshold" },
      { "drop", "Distress falls by the set percentage within the session" },
      { "either", "Either of the two" },
    } }),
    field.rating("peak_threshold", { min = 0, max = 100, default = 30, label = "Peak threshold (SUDS)" }),
    field.number("drop_percent", { min = 0, max = 100, default = 50, label = "Within-session drop (%)" }),
    field.number("sessions", { integer = true, min = 1, max = 10, default = 2,
      label = "Sessions in a row that must meet the criterion" }),
    field.boolean("count_with_safety_behaviours", { default = false,
      label = "Count sessions in which safety behaviours were used" }),
  },
  scores = {
    { "suds_peak", "Peak distress (SUDS 0-100)" },
    { "drop_percent", "Drop in distress within the session (%)" },
    { "minutes", "Minutes in the situation" },
    { "safety_behaviours", "Safety behaviours used" },
  },

  validate = function(entry, params)
    local problems = {}
    if entry.step > #params.steps then
      problems[#problems + 1] = { field = "step", message = "the ladder has " .. #params.steps .. " steps" }
    end
    if entry.suds_peak < entry.suds_before or entry.suds_peak < entry.suds_after then
      problems[#problems + 1] = { field = "suds_peak", message = "the highest distress cannot be below the distress before or at the end" }
    end
    return problems
  end,

  -- drop_percent = (peak - after) / peak * 100, 0 when the peak is 0.
  score = function(entry)
    return {
      suds_peak = entry.suds_peak,
      drop_percent = drop_percent(entry),
      minutes = entry.minutes,
      safety_behaviours = #(entry.safety_behaviours or {}),
    }
  end,

  feedback = function(entry, params, scores)
    if meets_criterion(entry, params) then
      return string.format("Great practice: your distress went from %d at its peak to %d.", entry.suds_peak, entry.suds_after)
    end
    return "You faced it, and that counts. Keep practising this step."
  end,

  -- State: { step = current step, streak = sessions in a row meeting the
  -- criterion at that step, mastered = steps mastered, complete = ladder done }.
  advance = function(state, entry, params)
    state = state or { step = params.start_step, streak = 0, mastered = {}, complete = false }
    if state.complete or entry.step ~= state.step then return state end
    local next_state = { step = state.step, streak = 0, mastered = { table.unpack(state.mastered) }, complete = false }
    if meets_criterion(entry, params) then next_state.streak = state.streak + 1 end
    if next_state.streak >= params.sessions then
      next_state.mastered[#next_state.mastered + 1] = state.step
      next_state.streak = 0
      if state.step >= #params.steps then
        next_state.complete = true
      else
        next_state.step = state.step + 1
      end
    end
    return next_state
  end,

  summarize = function(history, params)
    local peaks, best = 0, 0
    for _, entry in ipairs(history) do
      peaks = peaks + entry.suds_peak
      best = math.max(best, drop_percent(entry))
    end
    return { sessions = #history, mean_peak = #history > 0 and peaks / #history or 0, best_drop_percent = best }
  end,
}
