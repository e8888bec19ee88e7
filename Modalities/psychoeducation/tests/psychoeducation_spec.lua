describe("psychoeducation", function()
  local all_right = { tr_when = "mood_changes", tr_automatic = "comes_quickly",
    tr_aim = "practise_checking", tr_evidence = "both_sides", tr_hard = "bring_it" }
  local three_right -- two wrong: tr_automatic and tr_evidence
  before_each(function()
    three_right = { tr_when = "mood_changes", tr_automatic = "always_true",
      tr_aim = "practise_checking", tr_evidence = "for_only", tr_hard = "bring_it" }
  end)

  it("fails an attempt with 3 of 5 right (60%) at the default pass mark of 80%", function()
    -- 3 * 100 / 5 = 60 < 80
    assert.are.same({ correct = 3, percent_correct = 60, passed = 0 }, plugin.score(three_right))
  end)

  it("passes an attempt with 5 of 5 right (100%)", function()
    assert.are.same({ correct = 5, percent_correct = 100, passed = 1 }, plugin.score(all_right))
  end)

  it("passes at exactly the pass mark the therapist set", function()
    assert.are.equal(1, plugin.score(three_right, { pass_mark = 60 }).passed)
    assert.are.equal(0, plugin.score(three_right, { pass_mark = 61 }).passed)
    -- 4 of 5 = 80%: passes the default mark exactly
    three_right.tr_evidence = "both_sides"
    assert.are.same({ correct = 4, percent_correct = 80, passed = 1 }, plugin.score(three_right))
  end)

  it("points each wrong answer to its section without naming the right choice", function()
    local message = plugin.feedback(three_right)
    assert.are.equal(table.concat({
      "You answered 3 of 5 questions right (60%).",
      "The pass mark is 80%. Read the parts below again, then try once more.",
      "Question 2 (What is an automatic thought?): see “Why it helps” (#why-it-helps).",
      "Question 4 (What goes in the evidence part?): see “How to fill it in” (#how-to-fill-it-in).",
    }, "\n"), message)
    assert.is_nil(message:find("comes quickly", 1, true))
    assert.is_nil(message:find("support the thought and", 1, true))
  end)

  it("says the reading is done when the attempt passes", function()
    assert.are.equal("You answered 5 of 5 questions right (100%).\n"
      .. "You reached the pass mark of 80%: this reading is done. Well done.", plugin.feedback(all_right))
  end)

  it("asks for every question of the chosen reading and nothing of the other", function()
    local entry = { tr_when = "mood_changes", sleep_bed = "sleep" }
    local problems = plugin.validate(entry)
    assert.are.same({
      { field = "tr_automatic", message = "answer this question" },
      { field = "tr_aim", message = "answer this question" },
      { field = "tr_evidence", message = "answer this question" },
      { field = "tr_hard", message = "answer this question" },
      { field = "sleep_bed", message = "belongs to another reading; leave it out" },
    }, problems)
    assert.are.same({}, plugin.validate(all_right))
  end)

  it("scores the sleep reading when the therapist picks it", function()
    local params = { reading = "sleep_hygiene" }
    local entry = { sleep_rhythm = "same_wake_time", sleep_caffeine = "afternoon_evening",
      sleep_alcohol = "deeper", sleep_bed = "sleep", sleep_awake = "get_up" }
    assert.are.same({}, plugin.validate(entry, params))
    -- 4 of 5 = 80%
    assert.are.same({ correct = 4, percent_correct = 80, passed = 1 }, plugin.score(entry, params))
    assert.is_true(plugin.feedback(entry, params):find("(#caffeine-alcohol-and-nicotine)", 1, true) ~= nil)
  end)

  it("keeps the right answers out of the declaration", function()
    local declaration = plugin.declaration()
    assert.are.same({ "reading", "pass_mark" }, { declaration.params[1].name, declaration.params[2].name })
    assert.are.equal(80, declaration.params[2].default)
    assert.are.same({ name = "tr_automatic", section = "why-it-helps" }, declaration.readings[1].checks[2])
    for _, reading in ipairs(declaration.readings) do
      for _, check in ipairs(reading.checks) do assert.is_nil(check.answer) end
    end
  end)
end)
