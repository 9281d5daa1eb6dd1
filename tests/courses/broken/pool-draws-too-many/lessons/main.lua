-- The pool draws five questions but holds three.
return lesson {
  id = "main",
  title = "Pool draws too many",
  screens = {
    pool {
      id = "facts",
      draw = 5,
      items = {
        truefalse { id = "lab", prompt = "Colour tests must be confirmed by a laboratory.", correct = true },
        truefalse { id = "route", prompt = "The Northern Route relies on road and rail.", correct = true },
        truefalse { id = "hashish", prompt = "Hashish is a liquid.", correct = false },
      },
    },
  },
}
