local function answers(...)
  local entry = {}
  for index, value in ipairs({ ... }) do entry["item" .. index] = value end
  return entry
end

describe("PHQ-9", function()
  it("adds the nine items", function()
    -- 1+2+1+2+0+1+1+0+0 = 8
    assert.are.same({ total = 8 }, plugin.score(answers(1, 2, 1, 2, 0, 1, 1, 0, 0)))
    assert.are.same({ total = 27 }, plugin.score(answers(3, 3, 3, 3, 3, 3, 3, 3, 3)))
  end)

  it("names the severity band at each published boundary", function()
    -- Kroenke et al. 2001: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe
    local cases = { { 4, "minimal" }, { 5, "mild" }, { 9, "mild" }, { 10, "moderate" }, { 14, "moderate" },
      { 15, "moderately severe" }, { 19, "moderately severe" }, { 20, "severe" } }
    for _, case in ipairs(cases) do
      local items = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
      local left = case[1]
      for index = 1, 8 do
        items[index] = math.min(3, left)
        left = left - items[index]
      end
      local message = plugin.feedback(answers(table.unpack(items)))
      assert.are.equal(string.format("Thank you. Your total is %d of 27 (%s). Your therapist will go over it with you.",
        case[1], case[2]), message)
    end
  end)

  it("raises a risk flag on any answer above 0 to item 9", function()
    assert.are.same({}, plugin.flags(answers(3, 3, 3, 3, 3, 3, 3, 3, 0)))
    local flags = plugin.flags(answers(0, 0, 0, 0, 0, 0, 0, 0, 1))
    assert.are.equal(1, #flags)
    assert.are.equal("risk", flags[1].level)
    assert.are.equal("phq9-item9", flags[1].code)
  end)

  it("summarizes the change from the first to the last administration", function()
    local history = { answers(3, 3, 2, 2, 2, 1, 1, 1, 0), answers(1, 1, 1, 1, 0, 0, 1, 0, 0) }
    -- first 15, last 5: change -10, band mild
    assert.are.same({ administrations = 2, first = 15, last = 5, change = -10, band = "mild" }, plugin.summarize(history))
  end)

  it("carries the LOINC code of the total", function()
    assert.are.equal("44261-6", plugin.declaration().metadata.loinc.total)
  end)
end)
