-- An image far wider than any kiosk screen.
return lesson {
  id = "main",
  title = "Too big",
  screens = {
    info { id = "welcome", title = "Welcome", body = { image { file = "images/wide.png" } } },
  },
}
