-- Patient Health Questionnaire-9 (Kroenke, Spitzer and Williams 2001,
-- J Gen Intern Med 16:606-613). Nine items scored 0-3, total 0-27.
-- Severity: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe,
-- 20-27 severe. Any answer above 0 on item 9 needs the clinician's attention.

local ITEMS = {
  "Little interest or pleasure in doing things",
  "Feeling down, depressed, or hopeless",
  "Trouble falling or staying asleep, or sleeping too much",
  "Feeling tired or having little energy",
  "Poor appetite or overeating",
  "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
  "Trouble concentrating on things, such as reading the newspaper or watching television",
  "Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual",
  "Thoughts that you would be better off dead, or of hurting yourself in some way",
}
local ANCHORS = { [0] = "Not at all", [1] = "Several days", [2] = "More than half the days", [3] = "Nearly every day" }
local BANDS = {
  { min = 0, max = 4, label = "minimal" },
  { min = 5, max = 9, label = "mild" },
  { min = 10, max = 14, label = "moderate" },
  { min = 15, max = 19, label = "moderately severe" },
  { min = 20, max = 27, label = "severe" },
}

local fields = {}
for index, text in ipairs(ITEMS) do
  fields[index] = field.rating("item" .. index, { min = 0, max = 3, label = text, anchors = ANCHORS })
end
fields[#fields + 1] = field.choice("difficulty", { optional = true,
  label = "How difficult have these problems made it to work, take care of things at home, or get along with other people?",
  choices = { { "not", "Not difficult at all" }, { "somewhat", "Somewhat difficult" },
    { "very", "Very difficult" }, { "extremely", "Extremely difficult" } } })

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
  id = "org.carryover.phq9",
  version = "1.0.0",
  title = "PHQ-9",
  instructions = "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  fields = fields,
  scores = { { "total", "PHQ-9 total (0-27)" } },
  metadata = {
    instrument = "PHQ-9",
    loinc = { total = "44261-6" },
    bands = BANDS,
    source = "Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606-613",
  },

  score = function(entry) return { total = total(entry) } end,

  feedback = function(entry, params, scores)
    return string.format("Thank you. Your total is %d of 27 (%s). Your therapist will go over it with you.",
      scores.total, band(scores.total))
  end,

  flags = function(entry)
    if entry.item9 > 0 then
      return { { level = "risk", code = "phq9-item9",
        message = "PHQ-9 item 9 (thoughts of death or self-harm) answered " .. entry.item9 .. " of 3 ('" .. ANCHORS[entry.item9] .. "'): review before the next session" } }
    end
    return {}
  end,

  summarize = function(history)
    if #history == 0 then return { administrations = 0 } end
    local first, last = total(history[1]), total(history[#history])
    return { administrations = #history, first = first, last = last, change = last - first, band = band(last) }
  end,
}
