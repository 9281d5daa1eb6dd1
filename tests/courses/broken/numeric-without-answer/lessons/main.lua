-- A numeric question with no answer key.
return lesson {
  id = "main",
  title = "Numeric without answer",
  screens = {
    numeric {
      id = "border",
      prompt = "How long is Tajikistan's border with Afghanistan, in kilometres?",
      tolerance = 10,
      unit = "km",
    },
  },
}
