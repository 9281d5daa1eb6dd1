-- The version is not major.minor.patch.
return course {
  id = "broken-manifest-bad-version",
  version = "1.0",
  title = "Broken: bad version",
  languages = { "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
