-- A multiple-choice screen with no correct choices at all.
return lesson {
  id = "main",
  title = "Multiple choice without a key",
  screens = {
    multiple {
      id = "cover_loads",
      prompt = "Which cover loads have hidden drugs?",
      choices = {
        { id = "onions", text = "Onions" },
        { id = "melons", text = "Melons" },
        { id = "nothing", text = "None of these" },
      },
    },
  },
}
