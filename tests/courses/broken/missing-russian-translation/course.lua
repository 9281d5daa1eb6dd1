-- Deliberately broken course for the cbt check tests; see expected.txt for what it must report.
return course {
  id = "broken-missing-russian-translation",
  version = "1.0.0",
  title = "Broken: missing-russian-translation",
  languages = { "en", "ru" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
