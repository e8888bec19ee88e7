-- Behavioural activation activity log. The client plans activities, logs
-- which were done, and rates each done activity for pleasure and mastery
-- (0-10), as in the activity schedule of Beck's cognitive therapy of
-- depression and in behavioural activation (Martell, Dimidjian and
-- Herman-Dunn 2010). Planned activities done, and how they felt, are what
-- the therapist reviews.

-- The activities that were planned, and of those, the ones that were done.
local function planned_and_done(entry)
  local planned, done = 0, 0
  for _, activity in ipairs(entry.activities) do
    if activity.planned then
      planned = planned + 1
      if activity.done then done = done + 1 end
    end
  end
  return planned, done
end

-- Mean of one rating over the done activities; nil when none was done.
local function mean_rating(entry, key)
  local total, count = 0, 0
  for _, activity in ipairs(entry.activities) do
    if activity.done and activity[key] ~= nil then
      total, count = total + activity[key], count + 1
    end
  end
  if count == 0 then return nil end
  return total / count
end

homework {
  id = "org.exampleclinic.activity-log",
  version = "1.0.0",
  title = "Activity log",
  instructions = [[Each evening, list the activities you planned for today and any others
you did. Mark which ones you did, and rate each one you did for pleasure
(how much you enjoyed it) and mastery (how much you achieved), from 0 to 10.]],
  fields = {
    field.list("activities", { label = "Today's activities", min = 1, max = 12,
      item = field.record {
        field.text("activity", { max = 200, label = "Activity" }),
        field.boolean("planned", { label = "Planned in advance" }),
        field.boolean("done", { label = "Done" }),
        field.rating("pleasure", { min = 0, max = 10, optional = true, label = "Pleasure (0-10)",
          anchors = { [0] = "none", [10] = "the most" } }),
        field.rating("mastery", { min = 0, max = 10, optional = true, label = "Mastery (0-10)",
          anchors = { [0] = "none", [10] = "the most" } }),
      } }),
    field.text("note", { max = 1000, optional = true }),
  },
  params = {
    field.number("daily_target", { integer = true, min = 1, max = 12, default = 3,
      label = "Planned activities to do each day" }),
  },
  scores = { "planned", "planned_done", "completion_percent", "mean_pleasure", "mean_mastery" },

  -- Ratings belong to activities that were done, and every done activity is rated.
  validate = function(entry)
    local problems = {}
    for index, activity in ipairs(entry.activities) do
      local rated = activity.pleasure ~= nil and activity.mastery ~= nil
      if activity.done and not rated then
        problems[#problems + 1] = { field = "activities[" .. index .. "]",
          message = "rate pleasure and mastery for an activity you did" }
      elseif not activity.done and (activity.pleasure ~= nil or activity.mastery ~= nil) then
        problems[#problems + 1] = { field = "activities[" .. index .. "]",
          message = "rate only the activities you did" }
      end
    end
    return problems
  end,

  -- completion_percent = planned_done / planned * 100 (0 when nothing was
  -- planned); the means are over done activities and absent when none was done.
  score = function(entry)
    local planned, done = planned_and_done(entry)
    return {
      planned = planned,
      planned_done = done,
      completion_percent = planned > 0 and done * 100 / planned or 0,
      mean_pleasure = mean_rating(entry, "pleasure"),
      mean_mastery = mean_rating(entry, "mastery"),
    }
  end,

  feedback = function(entry, params, scores)
    if scores.planned_done >= params.daily_target then
      return string.format("You did %d planned activities today. Doing comes before feeling: well done.",
        scores.planned_done)
    end
    if scores.planned_done > 0 then
      return "You got some planned activities done. Small steps count."
    end
    return "Today was hard. Pick one small activity for tomorrow and plan when you will do it."
  end,

  -- Low pleasure across everything done is worth a look at the next session.
  flags = function(entry, params, scores)
    if scores.mean_pleasure ~= nil and scores.mean_pleasure <= 2 then
      return { { level = "attention", code = "ba-low-pleasure",
        message = string.format("mean pleasure %.1f of 10 over the activities done", scores.mean_pleasure) } }
    end
    return {}
  end,

  -- State: days logged, days in a row meeting the target, the best such run.
  advance = function(state, entry, params)
    state = state or { days = 0, streak = 0, best_streak = 0 }
    local _, done = planned_and_done(entry)
    local streak = done >= params.daily_target and state.streak + 1 or 0
    return { days = state.days + 1, streak = streak, best_streak = math.max(state.best_streak, streak) }
  end,

  summarize = function(history)
    local planned, done = 0, 0
    for _, entry in ipairs(history) do
      local p, d = planned_and_done(entry)
      planned, done = planned + p, done + d
    end
    return { days = #history, planned = planned, planned_done = done,
      completion_percent = planned > 0 and done * 100 / planned or 0 }
  end,
}
