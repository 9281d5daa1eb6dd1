-- The manifest has no id.
return course {
  version = "1.0.0",
  title = "Broken: manifest without id",
  languages = { "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "main", file = "lessons/main.lua" },
  },
}
