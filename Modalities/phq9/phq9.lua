-- Patient Health Questionnaire-9 (Kroenke, Spitzer and Williams 2001,
-- J Gen Intern Med 16:606-613). Nine items scored 0-3, total 0-27.
-- The questions, answers, severity bands and LOINC code come from the
-- engine's instrument catalogue (the `instruments` global), the one source
-- the reports and the FHIR export also use. Any answer above 0 on item 9
-- needs the clinician's attention.

local PHQ9 = instruments.phq9

local fields = {}
for index, question in ipairs(PHQ9.questions) do
  fields[index] = field.rating("item" .. index, { min = 0, max = PHQ9.item_max, label = question, anchors = PHQ9.responses })
end
fields[#fields + 1] = field.choice("difficulty", { optional = true,
  label = "How difficult have these problems made it to work, take care of things at home, or get along with other people?",
  choices = { { "not", "Not difficult at all" }, { "somewhat", "Somewhat difficult" },
    { "very", "Very difficult" }, { "extremely", "Extremely difficult" } } })

local function total(entry)
  local sum = 0
  for index = 1, #PHQ9.questions do sum = sum + entry["item" .. index] end
  return sum
end

homework {
  id = "org.carryover.phq9",
  version = "1.0.0",
  title = PHQ9.name,
  instructions = PHQ9.stem,
  fields = fields,
  scores = { { "total", "PHQ-9 total (0-27)" } },
  metadata = {
    instrument = PHQ9.id,
    loinc = { total = PHQ9.loinc.total },
    bands = PHQ9.bands,
    source = PHQ9.source,
  },

  score = function(entry) return { total = total(entry) } end,

  feedback = function(entry, params, scores)
    return string.format("Thank you. Your total is %d of %d (%s). Your therapist will go over it with you.",
      scores.total, PHQ9.max_total, PHQ9.band_of[scores.total])
  end,

  flags = function(entry)
    if entry.item9 > 0 then
      return { { level = "risk", code = "phq9-item9",
        message = "PHQ-9 item 9 (thoughts of death or self-harm) answered " .. entry.item9 .. " of 3 ('" .. PHQ9.responses[entry.item9] .. "'): review before the next session" } }
    end
    return {}
  end,

  summarize = function(history)
    if #history == 0 then return { administrations = 0 } end
    local first, last = total(history[1]), total(history[#history])
    return { administrations = #history, first = first, last = last, change = last - first, band = PHQ9.band_of[last] }
  end,
}
