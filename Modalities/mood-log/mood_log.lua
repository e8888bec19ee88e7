-- Daily mood monitoring: overall mood on a 0-10 scale, the emotions behind
-- it, what the client did, and sleep. Activity and mood side by side are the
-- raw material of behavioural activation (Lewinsohn 1974; Jacobson et al. 1996).

homework {
  id = "org.carryover.mood-log",
  version = "1.0.0",
  title = "Mood log",
  instructions = [[Once a day, rate your mood from 0 (the worst) to 10 (the best), name
the main emotions you felt, and note what you did.]],
  fields = {
    field.rating("mood", { min = 0, max = 10, label = "Mood today (0-10)",
      anchors = { [0] = "The worst I have felt", [5] = "So-so", [10] = "The best I have felt" } }),
    field.list("emotions", { max = 5, item = field.emotion(), optional = true }),
    field.list("activities", { label = "What you did", max = 10, item = field.text { max = 120 }, optional = true }),
    field.number("sleep_hours", { min = 0, max = 24, step = 0.5, label = "Hours slept", optional = true }),
    field.text("note", { max = 1000, optional = true }),
  },
  params = {
    field.rating("low_mood", { min = 0, max = 10, default = 2,
      label = "Mood at or below which the therapist is alerted" }),
  },
  scores = { { "mood", "Mood (0-10)" }, { "sleep_hours", "Hours slept" } },

  score = function(entry)
    return { mood = entry.mood, sleep_hours = entry.sleep_hours }
  end,

  flags = function(entry, params)
    if entry.mood <= params.low_mood then
      return { { level = "attention", code = "low-mood",
        message = "Mood rated " .. entry.mood .. " of 10 (alert at " .. params.low_mood .. " or below)" } }
    end
    return {}
  end,

  -- Mean, lowest and highest mood over the history.
  summarize = function(history)
    if #history == 0 then return { days = 0 } end
    local total, low, high = 0, math.huge, -math.huge
    for _, entry in ipairs(history) do
      total = total + entry.mood
      low, high = math.min(low, entry.mood), math.max(high, entry.mood)
    end
    return { days = #history, mean = total / #history, lowest = low, highest = high }
  end,
}
