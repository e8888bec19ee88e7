describe("exposure ladder", function()
  local params, session
  before_each(function()
    params = { steps = {
      { situation = "Look at a photo of a dog", expected_suds = 20 },
      { situation = "Stand across the street from a dog", expected_suds = 50 },
      { situation = "Pet a small dog", expected_suds = 80 },
    } }
    session = { step = 1, suds_before = 40, suds_peak = 60, suds_after = 20, minutes = 25 }
  end)

  it("scores the within-session drop", function()
    -- (60 - 20) / 60 * 100 = 66.67 %
    local scores = plugin.score(session, params)
    assert.is.near(66.667, scores.drop_percent, 0.001)
    assert.are.equal(60, scores.suds_peak)
    assert.are.equal(0, scores.safety_behaviours)
  end)

  it("scores no drop when distress never rose", function()
    session.suds_before, session.suds_peak, session.suds_after = 0, 0, 0
    assert.are.equal(0, plugin.score(session, params).drop_percent)
  end)

  it("refuses a step beyond the ladder and a peak below the other ratings", function()
    session.step, session.suds_peak = 4, 30
    assert.are.same({
      { field = "step", message = "the ladder has 3 steps" },
      { field = "suds_peak", message = "the highest distress cannot be below the distress before or at the end" },
    }, plugin.validate(session, params))
  end)

  it("moves up after two sessions in a row meet the criterion", function()
    -- defaults: either peak <= 30 or drop >= 50 %, in 2 sessions in a row
    local state = plugin.advance(nil, session, params) -- drop 66.7 %: meets
    assert.are.same({ step = 1, streak = 1, mastered = {}, complete = false }, state)
    state = plugin.advance(state, session, params)
    assert.are.same({ step = 2, streak = 0, mastered = { 1 }, complete = false }, state)
  end)

  it("restarts the count after a session that does not meet it", function()
    local state = plugin.advance(nil, session, params)
    local hard = { step = 1, suds_before = 50, suds_peak = 70, suds_after = 50, minutes = 30 } -- drop 28.6 %
    state = plugin.advance(state, hard, params)
    assert.are.same({ step = 1, streak = 0, mastered = {}, complete = false }, state)
  end)

  it("does not count sessions with safety behaviours unless allowed", function()
    session.safety_behaviours = { "kept my hand on the door" }
    assert.are.equal(0, plugin.advance(nil, session, params).streak)
    params.count_with_safety_behaviours = true
    assert.are.equal(1, plugin.advance(nil, session, params).streak)
  end)

  it("uses the peak criterion alone when asked", function()
    params.criterion = "peak"
    assert.are.equal(0, plugin.advance(nil, session, params).streak) -- peak 60 > 30
    session.suds_peak, session.suds_before = 30, 30
    assert.are.equal(1, plugin.advance(nil, session, params).streak)
  end)

  it("completes the ladder after the last step", function()
    params.sessions = 1
    local state = { step = 3, streak = 0, mastered = { 1, 2 }, complete = false }
    session.step = 3
    assert.are.same({ step = 3, streak = 0, mastered = { 1, 2, 3 }, complete = true }, plugin.advance(state, session, params))
  end)

  it("starts where the therapist chose and ignores practice at other steps", function()
    params.start_step = 2
    assert.are.same({ step = 2, streak = 0, mastered = {}, complete = false }, plugin.advance(nil, session, params))
  end)

  it("summarizes sessions", function()
    local other = { step = 1, suds_before = 30, suds_peak = 40, suds_after = 10, minutes = 20 }
    -- mean peak (60 + 40) / 2 = 50; best drop max(66.67, 75) = 75
    assert.are.same({ sessions = 2, mean_peak = 50, best_drop_percent = 75 }, plugin.summarize({ session, other }, params))
  end)
end)
