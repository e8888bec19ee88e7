-- Generalized Anxiety Disorder 7-item scale (Spitzer, Kroenke, Williams and
-- Löwe 2006, Arch Intern Med 166:1092-1097). Seven items scored 0-3, total
-- 0-21. Severity: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.

local ITEMS = {
  "Feeling nervous, anxious, or on edge",
  "Not being able to stop or control worrying",
  "Worrying too much about different things",
  "Trouble relaxing",
  "Being so restless that it is hard to sit still",
  "Becoming easily annoyed or irritable",
  "Feeling afraid, as if something awful might happen",
}
local ANCHORS = { [0] = "Not at all", [1] = "Several days", [2] = "More than half the days", [3] = "Nearly every day" }
local BANDS = {
  { min = 0, max = 4, label = "minimal" },
  { min = 5, max = 9, label = "mild" },
  { min = 10, max = 14, label = "moderate" },
  { min = 15, max = 21, label = "severe" },
}

local items = {}
for index, text in ipairs(ITEMS) do
  items[index] = field.rating("item" .. index, { min = 0, max = 3, label = text, anchors = ANCHORS })
end

local function total(entry)
  local sum = 0
  for index = 1, #ITEMS do sum = sum + entry["item" .. index] end
  return sum
end

local function band(score)
  for _, range in ipairs(BANDS) do
    if score >= range.min and score <= range.max then return range.label end
  end
end

homework {
  id = "org.carryover.gad7",
  version = "1.0.0",
  title = "GAD-7",
  instructions = "Over the last 2 weeks, how often have you been bothered by the following problems?",
  fields = items,
  scores = { { "total", "GAD-7 total (0-21)" } },
  metadata = {
    instrument = "GAD-7",
    loinc = { total = "70274-6", panel = "69737-5" },
    bands = BANDS,
    source = "Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-1097",
  },

  score = function(entry) return { total = total(entry) } end,

  feedback = function(entry, params, scores)
    return string.format("Thank you. Your total is %d of 21 (%s).", scores.total, band(scores.total))
  end,

  summarize = function(history)
    if #history == 0 then return { administrations = 0 } end
    local first, last = total(history[1]), total(history[#history])
    return { administrations = #history, first = first, last = last, change = last - first, band = band(last) }
  end,
}
