-- A string that is never closed: Lua cannot read the file at all.
return lesson {
  id = "main",
  title = "Syntax error",
  screens = {
    info {
      id = "welcome",
      title = "Welcome,
      body = { "This lesson never loads." },
    },
  },
}
