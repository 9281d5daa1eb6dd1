-- The file reads fine, but its top level fails while it runs: `questions` is never defined.
local per_question = 100 / questions

return lesson {
  id = "main",
  title = "Runtime error",
  screens = {
    info { id = "welcome", title = "Welcome", body = { "Each question is worth " .. per_question .. " points." } },
  },
}
