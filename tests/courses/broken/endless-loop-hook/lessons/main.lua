-- A branching hook that never returns: n goes 1, 3, 5, ... and never equals 10.
-- (The loop is on one line so the reported line does not depend on where the budget ran out.)
return lesson {
  id = "main",
  title = "Endless loop in a hook",
  screens = {
    info {
      id = "welcome",
      title = "Welcome",
      body = { "Where to next?" },
      next = function(ctx)
        local n = 1
        while n ~= 10 do n = n + 2 end
        return "done"
      end,
    },
    info { id = "done", title = "Done", body = { "That is all." } },
  },
}
