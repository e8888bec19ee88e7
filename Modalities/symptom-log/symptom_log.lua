-- Symptom diary: each episode with its intensity, trigger, duration and the
-- coping used, so client and therapist can see patterns (self-monitoring;
-- Korotitsch and Nelson-Gray 1999).

homework {
  id = "org.carryover.symptom-log",
  version = "1.0.0",
  title = "Symptom log",
  instructions = [[Each time the symptom comes, note how strong it was, what set it off,
how long it lasted and what you did to cope.]],
  fields = {
    field.text("symptom", { max = 100 }),
    field.rating("intensity", { min = 0, max = 10, label = "Intensity (0-10)",
      anchors = { [0] = "None", [10] = "The worst imaginable" } }),
    field.text("trigger", { max = 280, optional = true, help = "What happened just before?" }),
    field.duration("duration", { min = 0, max = 1440, label = "How long it lasted (minutes)" }),
    field.list("coping", { label = "What you did to cope", max = 10, item = field.text { max = 120 }, optional = true }),
    field.boolean("coping_helped", { label = "Did the coping help?", optional = true }),
  },
  params = {
    field.list("symptoms", { label = "Symptoms to log (leave empty for any)", max = 20,
      item = field.text { max = 100 }, default = {} }),
  },
  scores = {
    { "intensity", "Intensity (0-10)" },
    { "duration", "Minutes it lasted" },
    { "coping", "Coping actions used" },
  },

  validate = function(entry, params)
    if #params.symptoms == 0 then return {} end
    for _, name in ipairs(params.symptoms) do
      if name:lower() == entry.symptom:lower() then return {} end
    end
    return { { field = "symptom", message = "log one of: " .. table.concat(params.symptoms, ", ") } }
  end,

  score = function(entry)
    return { intensity = entry.intensity, duration = entry.duration, coping = #(entry.coping or {}) }
  end,

  feedback = function(entry)
    if #(entry.coping or {}) > 0 then return "Logged. You tried something to cope, and that is worth noticing." end
    return "Logged. Next time, try one of the coping skills you practised."
  end,
}
