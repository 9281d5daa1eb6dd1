-- The declared solution opens the boot but never checks the spare wheel, so it scores 0.
return lesson {
  id = "main",
  title = "Canvas solution falls short",
  screens = {
    canvas {
      id = "search",
      prompt = "Search the boot: open it, then check the spare wheel.",
      width = 400,
      height = 240,
      init = function(state) state.open = false; state.checked = false end,
      draw = function(state)
        local ops = { { op = "rect", x = 20, y = 40, w = 360, h = 160, fill = "#4a6d8c", region = "boot" } }
        if state.open then
          ops[#ops + 1] = { op = "circle", x = 200, y = 120, r = 60, fill = "#222222", region = "spare" }
        end
        return ops
      end,
      click = function(state, region)
        if region == "boot" then state.open = true end
        if region == "spare" and state.open then state.checked = true end
      end,
      done = function(state) return state.checked end,
      score = function(state) if state.checked then return 1 end return 0 end,
      solution = { "boot" },
    },
  },
}
