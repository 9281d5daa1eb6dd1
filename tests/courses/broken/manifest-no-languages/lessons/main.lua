-- A valid lesson: the problem in this course is elsewhere.
return lesson {
  id = "main",
  title = "A valid lesson",
  screens = {
    info { id = "welcome", title = "Welcome", body = { "Nothing is wrong with this lesson." } },
    truefalse { id = "lab", prompt = "Colour tests must be confirmed by a laboratory.", correct = true },
  },
}
