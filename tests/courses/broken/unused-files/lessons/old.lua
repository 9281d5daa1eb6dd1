return lesson { id = "old", title = "Old", screens = { info { id = "a", title = "A" } } }
