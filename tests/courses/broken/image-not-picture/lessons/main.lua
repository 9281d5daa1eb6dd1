-- An SVG file saved with a .png name, used as a picture.
return lesson {
  id = "main",
  title = "Not a picture",
  screens = {
    info {
      id = "map",
      title = "The Northern Route",
      body = {
        para "The route runs from Afghanistan through Central Asia.",
        image { file = "images/route-map.png", caption = "The route" },
      },
    },
  },
}
