-- Deliberately broken course for the cbt check tests; see expected.txt for what it must report.
return course {
  id = "broken-image-not-picture",
  version = "1.0.0",
  title = "Broken: image-not-picture",
  languages = { "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
