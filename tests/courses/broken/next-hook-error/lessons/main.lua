-- A branching hook that fails: ctx.result() of a misspelt screen id is nil.
return lesson {
  id = "main",
  title = "Error in a next hook",
  screens = {
    truefalse {
      id = "colour_test",
      prompt = "A positive colour test proves which drug a sample is.",
      correct = false,
      next = function(ctx)
        local r = ctx.result("colour-test")
        if r.correct then return "done" end
        return "recap"
      end,
    },
    info { id = "recap", title = "Recap", body = { "A laboratory confirms colour tests." } },
    info { id = "done", title = "Done", body = { "That is all." } },
  },
}
