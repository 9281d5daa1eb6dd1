-- The sample course: a short tour of every screen type, in English and Russian.
-- It is the reference for course authors and the fixture the engine's tests play.
-- Facts cite ../../shared/reference/course-facts.md by id (D16, C1, ...).
return course {
  id = "sample",
  version = "1.0.0",
  title = { en = "Sample course: a tour of the lesson player", ru = "Пример курса: знакомство с уроками" },
  description = {
    en = "Every kind of screen a lesson can show, with short examples from border work.",
    ru = "Все виды экранов урока на коротких примерах из пограничной работы.",
  },
  languages = { "en", "ru" },
  pass_mark = 0.7,
  lessons = {
    { id = "tour", file = "lessons/tour.lua" },
    { id = "quiz", file = "lessons/quiz.lua" },
  },
}
