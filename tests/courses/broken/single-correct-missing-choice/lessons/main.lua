-- `correct` names a choice id that the screen does not have.
return lesson {
  id = "main",
  title = "Correct choice missing",
  screens = {
    info { id = "welcome", title = "Welcome", body = { "One question follows." } },
    single {
      id = "capital",
      prompt = "What is the capital of Tajikistan?",
      choices = {
        { id = "dushanbe", text = "Dushanbe" },
        { id = "khujand", text = "Khujand" },
      },
      correct = "duschanbe",
    },
  },
}
