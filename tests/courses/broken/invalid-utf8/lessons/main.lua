-- A prompt saved in Windows-1251 instead of UTF-8 (the Russian word is not valid UTF-8).
return lesson {
  id = "main",
  title = "Invalid UTF-8",
  screens = {
    truefalse {
      id = "lab",
      prompt = "Colour tests (цветной тест) must be confirmed by a laboratory.",
      correct = true,
    },
  },
}
