-- `next` names a screen that does not exist (a typo of "summary").
return lesson {
  id = "main",
  title = "Next leads nowhere",
  screens = {
    info { id = "welcome", title = "Welcome", body = { "Skip straight to the summary." } },
    truefalse {
      id = "lab",
      prompt = "Colour tests must be confirmed by a laboratory.",
      correct = true,
      next = "sumary",
    },
    info { id = "summary", title = "Summary", body = { "That is all." } },
  },
}
