-- The first course: the finished example of "Your first lesson in fifteen minutes" in
-- docs/authoring.md. Every fact comes from the reference list course-facts.md and is cited
-- by its id (C1, C27, ...) in a comment beside the screen that states it.
return course {
  id = "first-course",
  version = "1.0.0",
  title = { en = "Colour field tests", ru = "Цветные экспресс-тесты" },
  description = {
    en = "What a colour test can and cannot tell you, and how to run one safely.",
    ru = "Что может и чего не может показать цветной тест и как провести его безопасно.",
  },
  languages = { "en", "ru" },
  pass_mark = 0.7,
  lessons = {
    { id = "colour_tests", file = "lessons/colour_tests.lua" },
    { id = "checkup", file = "lessons/checkup.lua" },
  },
}
