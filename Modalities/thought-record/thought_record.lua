-- CBT thought record after Beck's Dysfunctional Thought Record (Beck, Rush,
-- Shaw and Emery 1979): situation, emotions, automatic thought, evidence,
-- thinking traps, balanced thought, and the outcome re-rated at the end.

local DISTORTIONS = {
  { "all_or_nothing", "All-or-nothing thinking" },
  { "overgeneralization", "Overgeneralization" },
  { "mental_filter", "Mental filter" },
  { "disqualifying_the_positive", "Disqualifying the positive" },
  { "mind_reading", "Mind reading" },
  { "fortune_telling", "Fortune telling" },
  { "magnification_minimization", "Magnification or minimization" },
  { "emotional_reasoning", "Emotional reasoning" },
  { "should_statements", "Should statements" },
  { "labeling", "Labeling" },
  { "personalization", "Personalization" },
}

-- Each before-emotion paired with its re-rating, by name (case ignored).
local function paired_emotions(entry)
  local after = {}
  for _, emotion in ipairs(entry.emotions_after or {}) do after[emotion.name:lower()] = emotion end
  local pairs_found = {}
  for _, before in ipairs(entry.emotions) do
    local rerated = after[before.name:lower()]
    if rerated then pairs_found[#pairs_found + 1] = { before = before, after = rerated } end
  end
  return pairs_found
end

homework {
  id = "org.carryover.thought-record",
  version = "1.0.0",
  title = "Thought record",
  instructions = [[When your mood changes, write down the situation, what you felt and
the thought that went through your mind. Then weigh the evidence, name any
thinking traps, write a more balanced thought, and rate your feelings again.]],
  fields = {
    field.text("situation", { max = 500, help = "Where were you, with whom, doing what?" }),
    field.list("emotions", { label = "Emotions at the time", min = 1, max = 5, item = field.emotion() }),
    field.text("automatic_thought", { max = 500, help = "What went through your mind?" }),
    field.rating("thought_belief", { min = 0, max = 100, label = "How much you believed the thought (0-100)" }),
    field.list("evidence_for", { label = "Evidence that supports the thought", max = 10, item = field.text { max = 280 } }),
    field.list("evidence_against", { label = "Evidence that does not support the thought", max = 10, item = field.text { max = 280 } }),
    field.multi_choice("distortions", { label = "Thinking traps", choices = DISTORTIONS, optional = true }),
    field.text("balanced_thought", { max = 500, help = "A thought that takes all the evidence into account" }),
    field.rating("balanced_belief", { min = 0, max = 100, label = "How much you believe the balanced thought (0-100)" }),
    field.rating("thought_belief_after", { min = 0, max = 100, label = "How much you now believe the first thought (0-100)" }),
    field.list("emotions_after", { label = "The same emotions, rated again", min = 1, max = 5, item = field.emotion() }),
  },
  params = {
    field.number("min_evidence_against", { integer = true, min = 0, max = 10, default = 1,
      label = "Least evidence against the thought to ask for" }),
  },
  scores = {
    { "emotion_change", "Change in emotion intensity (points, after minus before)" },
    { "belief_shift", "Change in belief in the thought (points, after minus before)" },
    { "evidence_for", "Evidence for the thought (items)" },
    { "evidence_against", "Evidence against the thought (items)" },
    { "distortions", "Thinking traps named" },
  },

  validate = function(entry, params)
    local problems = {}
    local before = {}
    for _, emotion in ipairs(entry.emotions) do before[emotion.name:lower()] = true end
    local rerated = {}
    for index, emotion in ipairs(entry.emotions_after) do
      rerated[emotion.name:lower()] = true
      if not before[emotion.name:lower()] then
        problems[#problems + 1] = { field = "emotions_after[" .. index .. "].name",
          message = "rate again only the emotions listed at the time ('" .. emotion.name .. "' is not one)" }
      end
    end
    for index, emotion in ipairs(entry.emotions) do
      if not rerated[emotion.name:lower()] then
        problems[#problems + 1] = { field = "emotions[" .. index .. "]",
          message = "rate '" .. emotion.name .. "' again at the end" }
      end
    end
    if #entry.evidence_against < params.min_evidence_against then
      problems[#problems + 1] = { field = "evidence_against",
        message = "list at least " .. params.min_evidence_against .. " piece(s) of evidence against the thought" }
    end
    return problems
  end,

  -- emotion_change: mean of (after - before) over the emotions rated twice;
  --   negative means the emotions eased.
  -- belief_shift: thought_belief_after - thought_belief; negative means the
  --   automatic thought is believed less after the record.
  score = function(entry)
    local paired = paired_emotions(entry)
    local total = 0
    for _, pair in ipairs(paired) do total = total + (pair.after.intensity - pair.before.intensity) end
    return {
      emotion_change = #paired > 0 and total / #paired or 0,
      belief_shift = entry.thought_belief_after - entry.thought_belief,
      evidence_for = #entry.evidence_for,
      evidence_against = #entry.evidence_against,
      distortions = #(entry.distortions or {}),
    }
  end,

  feedback = function(entry, params, scores)
    if scores.emotion_change < 0 then
      return string.format("Well done: your feelings eased by %g points on average.", -scores.emotion_change)
    end
    return "Well done for writing it down. Noticing thoughts is the first step."
  end,
}
