-- Border security: travel documents, vehicle and container search, risk indicators and
-- controlled delivery, for customs officers, border guards and drug-control officers.
-- Facts cite /work/shared/reference/course-facts.md by id (M1, S2, V12, CD1, ...) beside each screen.
return course {
  id = "border-security",
  version = "1.0.0",
  title = { ru = "Пограничная безопасность: документы, транспорт, грузы", en = "Border security: documents, vehicles and cargo" },
  description = {
    ru = "Проверка паспорта по машиночитаемой зоне и защитным элементам, досмотр легкового и грузового автомобиля, индикаторы риска, осмотр контейнера, основы контролируемой поставки и итоговый тест.",
    en = "Checking a passport by its machine-readable zone and security features, searching cars and lorries, risk indicators, container inspection, controlled delivery basics and a final test.",
  },
  languages = { "ru", "en" },
  pass_mark = 0.7,
  lessons = {
    { id = "mrz", file = "lessons/mrz.lua" },
    { id = "mrz_check", file = "lessons/mrz_check.lua" },
    { id = "forgery", file = "lessons/forgery.lua" },
    { id = "vehicle_search", file = "lessons/vehicle_search.lua" },
    { id = "risk_indicators", file = "lessons/risk_indicators.lua" },
    { id = "container", file = "lessons/container.lua" },
    { id = "controlled_delivery", file = "lessons/controlled_delivery.lua" },
    { id = "final_test", file = "lessons/final_test.lua" },
  },
}
