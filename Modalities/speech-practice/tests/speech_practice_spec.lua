describe("speech practice", function()
  local params
  local function session(correct, trials) return { level = "word", trials = trials or 20, correct = correct } end
  before_each(function()
    params = { targets = { "r" }, start_level = "word" }
  end)

  it("scores accuracy", function()
    -- 17 / 20 * 100 = 85 %
    assert.are.same({ accuracy = 85, trials = 20, correct = 17 }, plugin.score(session(17), params))
  end)

  it("refuses more correct tries than tries", function()
    assert.are.same({ { field = "correct", message = "cannot be more than the tries (20)" } },
      plugin.validate(session(21), params))
  end)

  it("moves up after 80% in three consecutive sessions (the default)", function()
    local state
    for _, correct in ipairs({ 16, 17 }) do state = plugin.advance(state, session(correct), params) end
    assert.are.same({ level = "word", results = { true, true }, mastered = {}, complete = false }, state)
    state = plugin.advance(state, session(18), params) -- 90 %: third in a row
    assert.are.same({ level = "phrase", results = {}, mastered = { "word" }, complete = false }, state)
  end)

  it("restarts the run after a session below the criterion", function()
    local state
    -- 80, 75 (15/20), 85, 90 %: only the last two are in a row
    for _, correct in ipairs({ 16, 15, 17, 18 }) do state = plugin.advance(state, session(correct), params) end
    assert.are.equal("word", state.level)
    assert.are.same({ true, false, true, true }, state.results)
  end)

  it("counts M of the last N sessions when asked", function()
    params.rule, params.sessions, params.window = "m_of_n", 3, 4
    local state
    -- 80, 75, 85, 90 %: 3 of the last 4 meet 80 %
    for _, correct in ipairs({ 16, 15, 17, 18 }) do state = plugin.advance(state, session(correct), params) end
    assert.are.equal("phrase", state.level)
  end)

  it("uses a lower accuracy to move up when set", function()
    params.accuracy, params.sessions = 70, 1
    assert.are.equal("phrase", plugin.advance(nil, session(14), params).level) -- 70 %
  end)

  it("completes after conversation and ignores other levels", function()
    params.sessions = 1
    local state = { level = "conversation", results = {}, mastered = {}, complete = false }
    local done = plugin.advance(state, { level = "conversation", trials = 10, correct = 9 }, params)
    assert.is_true(done.complete)
    assert.are.same(state, plugin.advance(state, session(20), params))
  end)

  it("starts at isolation by default", function()
    assert.are.equal("isolation", plugin.advance(nil, session(1), { targets = { "s" } }).level)
  end)

  it("praises accuracy at the criterion", function()
    assert.are.equal("17 of 20 correct (85%). Great work!", plugin.feedback(session(17), params))
  end)
end)
