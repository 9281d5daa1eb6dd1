-- A screen written as a plain table with a type the engine does not know.
return lesson {
  id = "main",
  title = "Unknown screen type",
  screens = {
    info { id = "welcome", title = "Welcome", body = { "Next comes a slider." } },
    {
      type = "slider",
      id = "speed",
      prompt = "How fast may a lorry drive through the checkpoint?",
      min = 0,
      max = 40,
    },
  },
}
