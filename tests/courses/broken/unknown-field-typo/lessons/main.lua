-- A misspelt field: `corect` instead of `correct`.
return lesson {
  id = "main",
  title = "Unknown field",
  screens = {
    single {
      id = "capital",
      prompt = "What is the capital of Tajikistan?",
      choices = {
        { id = "dushanbe", text = "Dushanbe" },
        { id = "khujand", text = "Khujand" },
      },
      corect = "dushanbe",
    },
  },
}
