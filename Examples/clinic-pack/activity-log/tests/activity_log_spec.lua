describe("activity log", function()
  local day
  before_each(function()
    day = { activities = {
      { activity = "Walk to the park", planned = true, done = true, pleasure = 6, mastery = 4 },
      { activity = "Call my sister", planned = true, done = true, pleasure = 8, mastery = 5 },
      { activity = "Pay the gas bill", planned = true, done = false },
      { activity = "Watched a film", planned = false, done = true, pleasure = 4, mastery = 0 },
    } }
  end)

  it("scores planned activities done and the mean ratings", function()
    -- planned 3, done 2 of them: 2 / 3 * 100 = 66.67 %
    -- pleasure over the 3 done: (6 + 8 + 4) / 3 = 6; mastery (4 + 5 + 0) / 3 = 3
    local scores = plugin.score(day, {})
    assert.are.equal(3, scores.planned)
    assert.are.equal(2, scores.planned_done)
    assert.is.near(66.667, scores.completion_percent, 0.001)
    assert.are.equal(6, scores.mean_pleasure)
    assert.are.equal(3, scores.mean_mastery)
  end)

  it("leaves the means out when nothing was done", function()
    local scores = plugin.score({ activities = { { activity = "Gym", planned = true, done = false } } }, {})
    assert.are.same({ planned = 1, planned_done = 0, completion_percent = 0 }, scores)
  end)

  it("asks for ratings of done activities only", function()
    day.activities[1].pleasure = nil
    day.activities[3].mastery = 2
    assert.are.same({
      { field = "activities[1]", message = "rate pleasure and mastery for an activity you did" },
      { field = "activities[3]", message = "rate only the activities you did" },
    }, plugin.validate(day, {}))
  end)

  it("praises meeting the daily target", function()
    -- target 2 planned activities; 2 done
    assert.are.equal("You did 2 planned activities today. Doing comes before feeling: well done.",
      plugin.feedback(day, { daily_target = 2 }))
    -- default target 3: 2 done, short of it
    assert.are.equal("You got some planned activities done. Small steps count.", plugin.feedback(day, {}))
  end)

  it("flags low pleasure across the activities done", function()
    -- (1 + 2) / 2 = 1.5 <= 2
    local flat = { activities = {
      { activity = "Shopping", planned = true, done = true, pleasure = 1, mastery = 3 },
      { activity = "Cleaning", planned = true, done = true, pleasure = 2, mastery = 6 },
    } }
    assert.are.same({ { level = "attention", code = "ba-low-pleasure",
      message = "mean pleasure 1.5 of 10 over the activities done" } }, plugin.flags(flat, {}))
    assert.are.same({}, plugin.flags(day, {}))
  end)

  it("counts days in a row that meet the target", function()
    local state = plugin.advance(nil, day, { daily_target = 2 })
    assert.are.same({ days = 1, streak = 1, best_streak = 1 }, state)
    state = plugin.advance(state, day, { daily_target = 2 })
    assert.are.same({ days = 2, streak = 2, best_streak = 2 }, state)
    state = plugin.advance(state, day, { daily_target = 3 })
    assert.are.same({ days = 3, streak = 0, best_streak = 2 }, state)
  end)

  it("summarizes completion over the days", function()
    local empty = { activities = { { activity = "Rest", planned = false, done = true, pleasure = 5, mastery = 1 } } }
    -- planned 3 + 0, done 2 + 0: 2 / 3 * 100
    local summary = plugin.summarize({ day, empty }, {})
    assert.are.equal(2, summary.days)
    assert.is.near(66.667, summary.completion_percent, 0.001)
  end)
end)
