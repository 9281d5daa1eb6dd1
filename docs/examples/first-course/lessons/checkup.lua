-- Lesson 2 of the first course: a timed check-up. Each attempt asks 3 of the 4 questions in
-- the pool, drawn and ordered by the attempt's seed.

return lesson {
  id = "checkup",
  title = { en = "Check-up", ru = "Проверка" },
  pass_mark = 0.6,
  time_limit = 300,
  screens = {
    pool {
      id = "questions",
      draw = 3,
      items = {
        -- C2: positive results go to an authorised laboratory.
        truefalse {
          id = "lab",
          prompt = {
            en = "A positive field-kit result must be confirmed by an authorised laboratory.",
            ru = "Положительный результат полевого набора должна подтвердить уполномоченная лаборатория.",
          },
          correct = true,
        },

        -- C8: Marquis does not react with cocaine; C12, C11: it does with heroin and MDMA.
        single {
          id = "marquis",
          prompt = {
            en = "Which of these does Marquis reagent not react with?",
            ru = "С каким из этих веществ не реагирует реактив Марки?",
          },
          choices = {
            { id = "cocaine", text = { en = "Cocaine", ru = "Кокаин" } },
            { id = "heroin", text = { en = "Heroin", ru = "Героин" } },
            { id = "mdma", text = { en = "MDMA (ecstasy)", ru = "МДМА (экстази)" } },
          },
          correct = "cocaine",
        },

        -- C1: a laboratory confirms the result.
        text_entry {
          id = "confirm",
          prompt = {
            en = "Where must a colour test result be confirmed? Answer in one word.",
            ru = "Где должен быть подтверждён результат цветного теста? Ответьте одним словом.",
          },
          accept = { "laboratory", "lab", "лаборатория", "лаборатории", "в лаборатории" },
        },

        -- C28: two officers sample, one sampling and one witnessing.
        numeric {
          id = "officers",
          prompt = {
            en = "How many officers does good sampling practice call for?",
            ru = "Сколько сотрудников требует правильный отбор проб?",
          },
          answer = 2,
        },
      },
    },
  },
}
