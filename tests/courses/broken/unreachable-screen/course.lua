-- Deliberately broken course for the cbt check tests; see expected.txt for what it must report.
return course {
  id = "broken-unreachable-screen",
  version = "1.0.0",
  title = "Broken: unreachable-screen",
  languages = { "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
