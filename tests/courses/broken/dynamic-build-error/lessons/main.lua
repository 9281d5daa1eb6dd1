-- A generated screen whose build function uses an undefined variable.
return lesson {
  id = "main",
  title = "Dynamic build error",
  screens = {
    dynamic {
      id = "weights",
      build = function(ctx)
        local digit = math.random(1, 9)
        return numeric {
          id = "weights",
          prompt = "What is " .. digit .. " × " .. weight .. "?",
          answer = digit * 7,
        }
      end,
    },
  },
}
