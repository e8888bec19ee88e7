describe("mood log", function()
  it("scores mood and sleep, leaving out sleep not logged", function()
    assert.are.same({ mood = 6, sleep_hours = 7.5 }, plugin.score({ mood = 6, sleep_hours = 7.5 }))
    assert.are.same({ mood = 6 }, plugin.score({ mood = 6 }))
  end)

  it("alerts the therapist at the low-mood threshold", function()
    assert.are.same({ { level = "attention", code = "low-mood",
      message = "Mood rated 2 of 10 (alert at 2 or below)" } }, plugin.flags({ mood = 2 }))
    assert.are.same({}, plugin.flags({ mood = 3 }))
    assert.are.equal(1, #plugin.flags({ mood = 3 }, { low_mood = 3 }))
  end)

  it("summarizes a week", function()
    local week = { { mood = 3 }, { mood = 5 }, { mood = 4 }, { mood = 8 } }
    -- mean (3 + 5 + 4 + 8) / 4 = 5
    assert.are.same({ days = 4, mean = 5, lowest = 3, highest = 8 }, plugin.summarize(week))
    assert.are.same({ days = 0 }, plugin.summarize({}))
  end)
end)
