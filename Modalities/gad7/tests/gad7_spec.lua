local function answers(...)
  local entry = {}
  for index, value in ipairs({ ... }) do entry["item" .. index] = value end
  return entry
end

describe("GAD-7", function()
  it("adds the seven items", function()
    -- 2+1+3+0+1+2+1 = 10
    assert.are.same({ total = 10 }, plugin.score(answers(2, 1, 3, 0, 1, 2, 1)))
  end)

  it("names the severity band at each published boundary", function()
    -- Spitzer et al. 2006: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe
    local cases = {
      { answers(1, 1, 1, 1, 0, 0, 0), "Thank you. Your total is 4 of 21 (minimal)." },
      { answers(1, 1, 1, 1, 1, 0, 0), "Thank you. Your total is 5 of 21 (mild)." },
      { answers(3, 3, 3, 0, 0, 0, 0), "Thank you. Your total is 9 of 21 (mild)." },
      { answers(3, 3, 3, 1, 0, 0, 0), "Thank you. Your total is 10 of 21 (moderate)." },
      { answers(3, 3, 3, 3, 2, 0, 0), "Thank you. Your total is 14 of 21 (moderate)." },
      { answers(3, 3, 3, 3, 3, 0, 0), "Thank you. Your total is 15 of 21 (severe)." },
      { answers(3, 3, 3, 3, 3, 3, 3), "Thank you. Your total is 21 of 21 (severe)." },
    }
    for _, case in ipairs(cases) do assert.are.equal(case[2], plugin.feedback(case[1])) end
  end)

  it("summarizes the change", function()
    -- first 2+2+2+2+2+2+2 = 14, last 1+1+1+0+0+0+0 = 3: change -11, band minimal
    local history = { answers(2, 2, 2, 2, 2, 2, 2), answers(1, 1, 1, 0, 0, 0, 0) }
    assert.are.same({ administrations = 2, first = 14, last = 3, change = -11, band = "minimal" }, plugin.summarize(history))
  end)

  it("carries the LOINC codes of the total and the panel", function()
    assert.are.same({ total = "70274-6", panel = "69737-5" }, plugin.declaration().metadata.loinc)
  end)
end)
