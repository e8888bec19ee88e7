-- Three Good Things (Seligman, Steen, Park and Peterson 2005): each evening
-- for a week, write three things that went well and why each happened.

homework {
  id = "org.carryover.gratitude",
  version = "1.0.0",
  title = "Three good things",
  instructions = [[Each evening, write three things that went well today, and for each,
why you think it happened.]],
  fields = {
    field.list("good_things", { label = "What went well, and why", min = 3, max = 3,
      item = field.record {
        field.text("what", { max = 280, label = "What went well" }),
        field.text("why", { max = 280, label = "Why it happened" }),
      } }),
  },
  scores = { { "count", "Good things written" }, { "explained", "Good things with a reason" } },

  -- count: things written; explained: those whose "why" has at least three words,
  -- since the exercise asks for a reason, not a label.
  score = function(entry)
    local explained = 0
    for _, thing in ipairs(entry.good_things) do
      local words = 0
      for _ in thing.why:gmatch("%S+") do words = words + 1 end
      if words >= 3 then explained = explained + 1 end
    end
    return { count = #entry.good_things, explained = explained }
  end,

  feedback = function(entry, params, scores)
    return string.format("Three good things noted, %d of them with a reason. Sleep well.", scores.explained)
  end,

  summarize = function(history)
    return { evenings = #history, things = #history * 3 }
  end,
}
