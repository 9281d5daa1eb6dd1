-- The screen after a fixed `next` is skipped by every path, so trainees never see it.
return lesson {
  id = "main",
  title = "A screen nobody reaches",
  screens = {
    truefalse {
      id = "lab",
      prompt = "Colour tests must be confirmed by a laboratory.",
      correct = true,
      next = function(ctx, result)
        if result.correct then return "summary" end
        return "recap"
      end,
    },
    info { id = "recap", title = "Recap", body = { "Reached by a wrong answer only: not a problem." }, next = "summary" },
    info { id = "orphan", title = "Orphan", body = { "Nothing leads here." } },
    info { id = "summary", title = "Summary", body = { "That is all." } },
  },
}
