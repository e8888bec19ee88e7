describe("three good things", function()
  local entry
  before_each(function()
    entry = { good_things = {
      { what = "Lunch with Sam", why = "I asked him to come along" },
      { what = "Finished the report", why = "focus" },
      { what = "Sunny walk", why = "I took the long way home" },
    } }
  end)

  it("counts the things and those with a real reason", function()
    -- "focus" is one word, the other two reasons have 5 and 6 words: 2 explained
    assert.are.same({ count = 3, explained = 2 }, plugin.score(entry))
  end)

  it("thanks the client", function()
    assert.are.equal("Three good things noted, 2 of them with a reason. Sleep well.", plugin.feedback(entry))
  end)

  it("summarizes a week", function()
    -- 7 evenings x 3 things = 21
    local week = {}
    for day = 1, 7 do week[day] = entry end
    assert.are.same({ evenings = 7, things = 21 }, plugin.summarize(week))
  end)

  it("has no cross-field rules", function()
    assert.are.same({}, plugin.validate(entry))
  end)
end)
