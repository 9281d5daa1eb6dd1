-- `correct` names a region the hotspot does not define.
return lesson {
  id = "main",
  title = "Hotspot region missing",
  screens = {
    hotspot {
      id = "find_tank",
      prompt = "Click the fuel tank.",
      image = "images/lorry.png",
      width = 600,
      height = 300,
      regions = {
        { id = "tank", rect = { 470, 175, 60, 30 } },
        { id = "cab", rect = { 20, 60, 150, 180 } },
      },
      correct = "fuel_tank",
    },
  },
}
