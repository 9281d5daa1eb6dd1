-- The second lesson's file does not exist.
return course {
  id = "broken-manifest-missing-lesson-file",
  version = "1.0.0",
  title = "Broken: missing lesson file",
  languages = { "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
    { id = "final", file = "lessons/final.lua" },
  },
}
