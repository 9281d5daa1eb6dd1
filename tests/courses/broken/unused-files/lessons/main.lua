-- The course folder carries an image no screen shows and a Lua file that is not a lesson.
return lesson {
  id = "main",
  title = "Unused files",
  screens = {
    info { id = "welcome", title = "Welcome", body = { "Nothing here uses images/spare.png." } },
  },
}
