-- The manifest lists no languages.
return course {
  id = "broken-manifest-no-languages",
  version = "1.0.0",
  title = "Broken: no languages",
  languages = {},
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
