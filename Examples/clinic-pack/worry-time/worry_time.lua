-- Worry time (worry postponement, stimulus control of worry; Borkovec,
-- Wilkinson, Folensbee and Lerman 1983). During the day the client notices
-- worries and postpones them to a set worry period of fixed length, at the
-- same time and place each day. The log records how many worries were
-- postponed, whether the period was kept and how long it took, and anxiety
-- (0-10) before and after the period.

local function kept_to_time(entry, params)
  return entry.period_kept and entry.period_minutes <= params.period_minutes
end

homework {
  id = "org.exampleclinic.worry-time",
  version = "1.0.0",
  title = "Worry time",
  instructions = [[When a worry comes during the day, note it and put it off to your worry
time. At worry time, worry on purpose about the worries you noted, for no
longer than the time set. Rate your anxiety from 0 to 10 before and after.]],
  fields = {
    field.number("worries_postponed", { integer = true, min = 0, max = 50, label = "Worries postponed today" }),
    field.boolean("period_kept", { label = "I kept my worry time" }),
    field.duration("period_minutes", { min = 0, max = 120, step = 1, label = "Minutes spent in worry time" }),
    field.rating("anxiety_before", { min = 0, max = 10, label = "Anxiety before worry time (0-10)" }),
    field.rating("anxiety_after", { min = 0, max = 10, label = "Anxiety after worry time (0-10)" }),
    field.list("worries", { label = "Worries noted", max = 20, optional = true, item = field.text { max = 200 } }),
  },
  params = {
    field.duration("period_minutes", { min = 5, max = 60, step = 5, default = 30,
      label = "Length of the worry period" }),
  },
  scores = { "postponed", "period_minutes", "anxiety_change", "kept_to_time" },

  validate = function(entry)
    if not entry.period_kept and entry.period_minutes > 0 then
      return { { field = "period_minutes", message = "leave the minutes at 0 when worry time was skipped" } }
    end
    if entry.period_kept and entry.period_minutes == 0 then
      return { { field = "period_minutes", message = "say how many minutes worry time took" } }
    end
    return {}
  end,

  -- anxiety_change = after - before (negative: anxiety fell);
  -- kept_to_time is 1 when the period was kept within the set length.
  score = function(entry, params)
    return {
      postponed = entry.worries_postponed,
      period_minutes = entry.period_minutes,
      anxiety_change = entry.anxiety_after - entry.anxiety_before,
      kept_to_time = kept_to_time(entry, params) and 1 or 0,
    }
  end,

  feedback = function(entry, params, scores)
    local parts = {}
    if entry.worries_postponed > 0 then
      parts[#parts + 1] = string.format("You put off %d worr%s.", entry.worries_postponed,
        entry.worries_postponed == 1 and "y" or "ies")
    end
    if scores.kept_to_time == 1 then
      parts[#parts + 1] = "You kept worry time within its limit."
    elseif entry.period_kept then
      parts[#parts + 1] = "Worry time ran over; try setting a timer."
    else
      parts[#parts + 1] = "Worry time was skipped today; keep the same time tomorrow."
    end
    return table.concat(parts, " ")
  end,

  flags = function(entry)
    if entry.anxiety_after >= 8 and entry.anxiety_after > entry.anxiety_before then
      return { { level = "attention", code = "worry-time-anxiety-rose",
        message = string.format("anxiety rose from %d to %d during worry time", entry.anxiety_before, entry.anxiety_after) } }
    end
    return {}
  end,

  -- State: days logged, periods kept within the limit, periods that ran over.
  advance = function(state, entry, params)
    state = state or { days = 0, kept = 0, overran = 0 }
    local overran = entry.period_kept and not kept_to_time(entry, params)
    return {
      days = state.days + 1,
      kept = state.kept + (kept_to_time(entry, params) and 1 or 0),
      overran = state.overran + (overran and 1 or 0),
    }
  end,

  summarize = function(history)
    local postponed, change = 0, 0
    for _, entry in ipairs(history) do
      postponed = postponed + entry.worries_postponed
      change = change + (entry.anxiety_after - entry.anxiety_before)
    end
    return { days = #history, postponed = postponed,
      mean_anxiety_change = #history > 0 and change / #history or 0 }
  end,
}
