describe("thought record", function()
  local entry
  before_each(function()
    entry = {
      situation = "Friend did not answer my message",
      emotions = { { name = "Anxious", intensity = 80 }, { name = "sad", intensity = 60 } },
      automatic_thought = "She is angry with me",
      thought_belief = 90,
      evidence_for = { "She usually answers fast" },
      evidence_against = { "She said she had a busy week", "We had a good time on Friday" },
      distortions = { "mind_reading", "fortune_telling" },
      balanced_thought = "She is probably busy; I can ask tomorrow",
      balanced_belief = 70,
      thought_belief_after = 40,
      emotions_after = { { name = "anxious", intensity = 40 }, { name = "Sad", intensity = 50 } },
    }
  end)

  it("scores the change in emotions and belief", function()
    -- emotion_change: ((40 - 80) + (50 - 60)) / 2 = -25 (names matched ignoring case)
    -- belief_shift: 40 - 90 = -50; evidence 1 for, 2 against; 2 traps
    assert.are.same({ emotion_change = -25, belief_shift = -50, evidence_for = 1,
      evidence_against = 2, distortions = 2 }, plugin.score(entry))
  end)

  it("averages over the emotions rated twice only", function()
    entry.emotions_after = { { name = "sad", intensity = 45 } }
    -- only sad is paired: 45 - 60 = -15
    assert.are.equal(-15, plugin.score(entry).emotion_change)
  end)

  it("accepts a complete record", function()
    assert.are.same({}, plugin.validate(entry))
  end)

  it("reports every emotion not rated again and every stranger", function()
    entry.emotions_after = { { name = "angry", intensity = 10 } }
    entry.evidence_against = {}
    assert.are.same({
      { field = "emotions_after[1].name", message = "rate again only the emotions listed at the time ('angry' is not one)" },
      { field = "emotions[1]", message = "rate 'Anxious' again at the end" },
      { field = "emotions[2]", message = "rate 'sad' again at the end" },
      { field = "evidence_against", message = "list at least 1 piece(s) of evidence against the thought" },
    }, plugin.validate(entry))
  end)

  it("asks for as much evidence as the therapist set", function()
    assert.are.equal(1, #plugin.validate(entry, { min_evidence_against = 3 }))
    assert.are.same({}, plugin.validate(entry, { min_evidence_against = 2 }))
  end)

  it("tells the client how much the feelings eased", function()
    assert.are.equal("Well done: your feelings eased by 25 points on average.", plugin.feedback(entry))
  end)
end)
