-- A score function that doubles a string until the sandbox's memory cap stops it.
return lesson {
  id = "main",
  title = "Memory bomb in a hook",
  screens = {
    truefalse {
      id = "lab",
      prompt = "Colour tests must be confirmed by a laboratory.",
      correct = true,
      solution = true,
      score = function(ctx, answer)
        local s = "x"
        while true do s = s .. s end
      end,
    },
  },
}
