-- Deliberately broken course for the cbt check tests; see expected.txt for what it must report.
return course {
  id = "broken-duplicate-screen-ids",
  version = "1.0.0",
  title = "Broken: duplicate-screen-ids",
  languages = { "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
