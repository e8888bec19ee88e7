describe("symptom log", function()
  local entry
  before_each(function()
    entry = { symptom = "Headache", intensity = 7, trigger = "Long meeting", duration = 90,
      coping = { "water", "short walk" }, coping_helped = true }
  end)

  it("scores intensity, duration and coping used", function()
    assert.are.same({ intensity = 7, duration = 90, coping = 2 }, plugin.score(entry))
  end)

  it("accepts any symptom unless the therapist lists them", function()
    assert.are.same({}, plugin.validate(entry))
    assert.are.same({}, plugin.validate(entry, { symptoms = { "headache", "nausea" } }))
    assert.are.same({ { field = "symptom", message = "log one of: nausea, dizziness" } },
      plugin.validate(entry, { symptoms = { "nausea", "dizziness" } }))
  end)

  it("encourages coping", function()
    entry.coping = nil
    assert.are.equal("Logged. Next time, try one of the coping skills you practised.", plugin.feedback(entry))
  end)
end)
