-- Deliberately broken course for the cbt check tests; see expected.txt for what it must report.
return course {
  id = "broken-canvas-text-by-language",
  version = "1.0.0",
  title = { en = "Broken", ru = "Сломано" },
  languages = { "en", "ru" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
