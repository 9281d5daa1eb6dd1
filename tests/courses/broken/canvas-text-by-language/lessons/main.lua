-- A simulation that picks its words by ctx.lang, with the Russian words missing: playing in
-- English alone would never notice.
local WORDS = { en = "Open the boot" }

return lesson {
  id = "main",
  title = { en = "Words by language", ru = "Слова по языку" },
  screens = {
    canvas {
      id = "boot",
      prompt = { en = "Search the car.", ru = "Досмотрите автомобиль." },
      width = 400, height = 200,
      draw = function(state, ctx)
        return {
          { op = "rect", x = 10, y = 10, w = 100, h = 50, fill = "#336699", region = "boot" },
          { op = "text", x = 10, y = 80, text = WORDS[ctx.lang], size = 14, color = "#222222" },
        }
      end,
      click = function(state, region) state.open = true end,
      done = function(state) return state.open == true end,
      score = function(state) if state.open then return 1 end return 0 end,
      solution = { "boot" },
    },
  },
}
