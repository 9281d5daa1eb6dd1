-- Two screens share the id "question".
return lesson {
  id = "main",
  title = "Duplicate screen ids",
  screens = {
    truefalse {
      id = "question",
      prompt = "A colour test proves which drug a sample is.",
      correct = false,
    },
    truefalse {
      id = "question",
      prompt = "A laboratory confirms colour test results.",
      correct = true,
    },
  },
}
