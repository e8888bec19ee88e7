-- Safety Planning Intervention (Stanley and Brown 2012, Cogn Behav Pract
-- 19:256-264): six sections written with the therapist and kept current,
-- plus the client's reasons for living. Each entry is the whole plan as it
-- stands; the latest entry is the plan in force.

local SECTIONS = {
  "warning_signs", "coping_strategies", "distractions", "people_to_ask", "professionals", "safe_environment",
}

local function contact(label)
  return field.record { label = label,
    field.text("name", { max = 120 }),
    field.text("phone", { max = 40, optional = true }),
  }
end

local function things(label, help)
  return { label = label, help = help, min = 1, max = 10, item = field.text { max = 280 } }
end

homework {
  id = "org.carryover.safety-plan",
  version = "1.1.0",
  title = "Safety plan",
  instructions = [[Write your safety plan with your therapist and keep it where you can
find it. Update it whenever something changes.]],
  fields = {
    field.list("warning_signs", things("1. Warning signs", "Thoughts, moods or situations that come before a crisis")),
    field.list("coping_strategies", things("2. Things I can do on my own", "To take my mind off problems")),
    field.list("distractions", things("3. People and places that help me take my mind off things")),
    field.list("people_to_ask", { label = "4. People I can ask for help", min = 1, max = 10, item = contact("Person") }),
    field.list("professionals", { label = "5. Professionals and crisis lines", min = 1, max = 10, item = contact("Service") }),
    field.list("safe_environment", things("6. Making my surroundings safe")),
    field.list("reasons_for_living", things("The things most important to me and worth living for")),
  },
  scores = {
    { "sections_complete", "Sections filled in (of 6)" },
    { "contacts_with_phone", "Contacts with a phone number" },
  },

  validate = function(entry)
    for _, service in ipairs(entry.professionals) do
      if service.phone and service.phone ~= "" then return {} end
    end
    return { { field = "professionals", message = "add at least one phone number, such as a crisis line" } }
  end,

  -- sections_complete: of the six sections, those with at least one item;
  -- contacts_with_phone: people and professionals with a phone number.
  score = function(entry)
    local complete, phones = 0, 0
    for _, section in ipairs(SECTIONS) do
      if #(entry[section] or {}) > 0 then complete = complete + 1 end
    end
    for _, list in ipairs({ entry.people_to_ask, entry.professionals }) do
      for _, person in ipairs(list or {}) do
        if person.phone and person.phone ~= "" then phones = phones + 1 end
      end
    end
    return { sections_complete = complete, contacts_with_phone = phones }
  end,

  feedback = function()
    return "Your safety plan is saved. Keep it somewhere you can reach it quickly."
  end,

  flags = function(entry, params, scores)
    if scores.contacts_with_phone < 2 then
      return { { level = "attention", code = "safety-plan-few-contacts",
        message = "Only " .. scores.contacts_with_phone .. " contact(s) with a phone number: consider adding more together" } }
    end
    return {}
  end,

  -- 1.0.x kept one reason for living as text ("reason_for_living").
  migrate = function(entry, from_version)
    local major, minor = from_version:match("^(%d+)%.(%d+)%.")
    if major == "1" and minor == "0" then
      local migrated = {}
      for key, value in pairs(entry) do migrated[key] = value end
      migrated.reasons_for_living = { entry.reason_for_living }
      migrated.reason_for_living = nil
      return migrated
    end
    return entry
  end,
}
