-- A canvas with a score function but no declared solution, so it cannot be checked.
return lesson {
  id = "main",
  title = "Canvas without solution",
  screens = {
    canvas {
      id = "search",
      prompt = "Open the boot.",
      width = 400,
      height = 240,
      init = function(state) state.open = false end,
      draw = function(state)
        return { { op = "rect", x = 20, y = 40, w = 360, h = 160, fill = "#4a6d8c", region = "boot" } }
      end,
      click = function(state, region)
        if region == "boot" then state.open = true end
      end,
      done = function(state) return state.open end,
      score = function(state) if state.open then return 1 end return 0 end,
    },
  },
}
