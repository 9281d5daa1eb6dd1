-- A question scored by a function, with no declared solution to prove full marks are possible.
return lesson {
  id = "main",
  title = "Custom score without solution",
  screens = {
    numeric {
      id = "weights",
      prompt = "Give any multiple of 7 below 70.",
      score = function(ctx, answer)
        if answer % 7 == 0 and answer < 70 then return 1 end
        return 0
      end,
    },
  },
}
