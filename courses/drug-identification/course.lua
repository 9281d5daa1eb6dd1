-- Drug identification for customs, border and drug-control officers: the drugs of the Northern
-- Route, presumptive colour tests (with a bench simulation), precursors, safe handling, final test.
-- Facts cite /work/shared/reference/course-facts.md by id (D1, C17, P5, ...) beside each screen.
return course {
  id = "drug-identification",
  version = "1.0.0",
  title = { ru = "Распознавание наркотиков", en = "Drug identification" },
  description = {
    ru = "Как выглядят и как перевозятся наркотики Северного маршрута, что показывают и чего не доказывают цветные экспресс-тесты, прекурсоры и подозрительные поставки, безопасное обращение с изъятыми веществами.",
    en = "How the drugs of the Northern Route look and travel, what colour field tests show and do not prove, precursors and suspicious shipments, and safe handling of seized substances.",
  },
  languages = { "ru", "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "opiates_cannabis", file = "lessons/opiates_cannabis.lua" },
    { id = "synthetics_cocaine", file = "lessons/synthetics_cocaine.lua" },
    { id = "colour_tests", file = "lessons/colour_tests.lua" },
    { id = "reagents", file = "lessons/reagents.lua" },
    { id = "test_bench", file = "lessons/test_bench.lua" },
    { id = "precursors", file = "lessons/precursors.lua" },
    { id = "evidence", file = "lessons/evidence.lua" },
    { id = "final_test", file = "lessons/final_test.lua" },
  },
}
