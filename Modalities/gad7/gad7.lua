-- Generalized Anxiety Disorder 7-item scale (Spitzer, Kroenke, Williams and
-- Löwe 2006, Arch Intern Med 166:1092-1097). Seven items scored 0-3, total
-- 0-21. The questions, answers, severity bands and LOINC codes come from the
-- engine's instrument catalogue (the `instruments` global), the one source
-- the reports and the FHIR export also use.

local GAD7 = instruments.gad7

local items = {}
for index, question in ipairs(GAD7.questions) do
  items[index] = field.rating("item" .. index, { min = 0, max = GAD7.item_max, label = question, anchors = GAD7.responses })
end

local function total(entry)
  local sum = 0
  for index = 1, #GAD7.questions do sum = sum + entry["item" .. index] end
  return sum
end

homework {
  id = "org.carryover.gad7",
  version = "1.0.0",
  title = GAD7.name,
  instructions = GAD7.stem,
  fields = items,
  scores = { { "total", "GAD-7 total (0-21)" } },
  metadata = {
    instrument = GAD7.id,
    loinc = { total = GAD7.loinc.total, panel = GAD7.loinc.panel },
    bands = GAD7.bands,
    source = GAD7.source,
  },

  score = function(entry) return { total = total(entry) } end,

  feedback = function(entry, params, scores)
    return string.format("Thank you. Your total is %d of %d (%s).", scores.total, GAD7.max_total, GAD7.band_of[scores.total])
  end,

  summarize = function(history)
    if #history == 0 then return { administrations = 0 } end
    local first, last = total(history[1]), total(history[#history])
    return { administrations = #history, first = first, last = last, change = last - first, band = GAD7.band_of[last] }
  end,
}
