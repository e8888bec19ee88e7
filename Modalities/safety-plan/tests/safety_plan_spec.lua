describe("safety plan", function()
  local plan
  before_each(function()
    plan = {
      warning_signs = { "Not sleeping", "Pulling away from friends" },
      coping_strategies = { "Go for a run" },
      distractions = { "The library" },
      people_to_ask = { { name = "Sister", phone = "555-0101" }, { name = "Neighbour" } },
      professionals = { { name = "Dr Lee", phone = "555-0199" }, { name = "Crisis line", phone = "988" } },
      safe_environment = { "Give the pills to my sister" },
      reasons_for_living = { "My children" },
    }
  end)

  it("counts complete sections and contacts with a phone", function()
    -- all six sections have items; phones: sister, Dr Lee, crisis line = 3
    assert.are.same({ sections_complete = 6, contacts_with_phone = 3 }, plugin.score(plan))
  end)

  it("needs a phone number among the professionals", function()
    plan.professionals = { { name = "Dr Lee" } }
    assert.are.same({ { field = "professionals", message = "add at least one phone number, such as a crisis line" } },
      plugin.validate(plan))
  end)

  it("asks the therapist to look when fewer than two contacts have a phone", function()
    plan.people_to_ask = { { name = "Sister" } }
    plan.professionals = { { name = "Crisis line", phone = "988" } }
    assert.are.same({ { level = "attention", code = "safety-plan-few-contacts",
      message = "Only 1 contact(s) with a phone number: consider adding more together" } }, plugin.flags(plan))
    assert.are.same({}, plugin.flags({ people_to_ask = { { name = "A", phone = "1" } }, professionals = { { name = "B", phone = "2" } } }))
  end)

  it("migrates a 1.0 plan's single reason for living", function()
    local old = { warning_signs = { "x" }, reason_for_living = "My dog" }
    assert.are.same({ warning_signs = { "x" }, reasons_for_living = { "My dog" } }, plugin.migrate(old, "1.0.3"))
    assert.are.same(plan, plugin.migrate(plan, "1.1.0"))
  end)
end)
