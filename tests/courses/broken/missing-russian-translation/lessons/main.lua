-- A bilingual course whose prompt was never translated into Russian.
return lesson {
  id = "main",
  title = { en = "Missing translation", ru = "Нет перевода" },
  screens = {
    info {
      id = "welcome",
      title = { en = "Welcome", ru = "Добро пожаловать" },
      body = { para { en = "One question follows.", ru = "Далее один вопрос." } },
    },
    truefalse {
      id = "lab",
      prompt = { en = "Colour tests must be confirmed by a laboratory." },
      correct = true,
    },
  },
}
