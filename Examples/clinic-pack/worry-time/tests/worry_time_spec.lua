describe("worry time", function()
  local day
  before_each(function()
    day = { worries_postponed = 4, period_kept = true, period_minutes = 25, anxiety_before = 6, anxiety_after = 3 }
  end)

  it("scores the change in anxiety and keeping to time", function()
    -- change 3 - 6 = -3; 25 minutes within the default 30
    assert.are.same({ postponed = 4, period_minutes = 25, anxiety_change = -3, kept_to_time = 1 },
      plugin.score(day, {}))
    -- a 20-minute limit: 25 > 20, not kept to time
    assert.are.equal(0, plugin.score(day, { period_minutes = 20 }).kept_to_time)
  end)

  it("wants minutes only when worry time was kept", function()
    day.period_kept = false
    assert.are.same({ { field = "period_minutes", message = "leave the minutes at 0 when worry time was skipped" } },
      plugin.validate(day, {}))
    day.period_kept, day.period_minutes = true, 0
    assert.are.same({ { field = "period_minutes", message = "say how many minutes worry time took" } },
      plugin.validate(day, {}))
  end)

  it("gives feedback on postponing and on time", function()
    assert.are.equal("You put off 4 worries. You kept worry time within its limit.", plugin.feedback(day, {}))
    day.worries_postponed = 1
    assert.are.equal("You put off 1 worry. Worry time ran over; try setting a timer.",
      plugin.feedback(day, { period_minutes = 15 }))
    day.worries_postponed, day.period_kept, day.period_minutes = 0, false, 0
    assert.are.equal("Worry time was skipped today; keep the same time tomorrow.", plugin.feedback(day, {}))
  end)

  it("flags anxiety that rose to 8 or more", function()
    day.anxiety_before, day.anxiety_after = 5, 8
    assert.are.same({ { level = "attention", code = "worry-time-anxiety-rose",
      message = "anxiety rose from 5 to 8 during worry time" } }, plugin.flags(day, {}))
    day.anxiety_before = 8 -- high but not risen
    assert.are.same({}, plugin.flags(day, {}))
  end)

  it("counts kept and overrun periods", function()
    local state = plugin.advance(nil, day, {})
    assert.are.same({ days = 1, kept = 1, overran = 0 }, state)
    state = plugin.advance(state, day, { period_minutes = 15 })
    assert.are.same({ days = 2, kept = 1, overran = 1 }, state)
  end)

  it("summarizes postponed worries and the mean change", function()
    local other = { worries_postponed = 2, period_kept = true, period_minutes = 30, anxiety_before = 4, anxiety_after = 4 }
    -- postponed 4 + 2 = 6; mean change (-3 + 0) / 2 = -1.5
    assert.are.same({ days = 2, postponed = 6, mean_anxiety_change = -1.5 }, plugin.summarize({ day, other }, {}))
  end)
end)
