-- A screen made with a constructor that does not exist (there is no slider{}).
return lesson {
  id = "main",
  title = "Unknown constructor",
  screens = {
    info { id = "welcome", title = "Welcome", body = { "Next comes a slider." } },
    slider {
      id = "speed",
      prompt = "How fast may a lorry drive through the checkpoint?",
      min = 0,
      max = 40,
    },
  },
}
