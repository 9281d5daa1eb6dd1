-- Lesson 1 of the first course: what a colour test can prove, safe handling, controls and the
-- Scott test. A trainee who misses the safety question is sent to a short recap.

return lesson {
  id = "colour_tests",
  title = { en = "Colour tests in the field", ru = "Цветные тесты на месте" },
  objectives = {
    { en = "Say what a colour test can and cannot prove", ru = "Объяснять, что доказывает цветной тест, а что нет" },
    { en = "Handle suspected drugs safely", ru = "Безопасно обращаться с подозрительными веществами" },
  },
  screens = {
    -- C1, C2: a colour test is only presumptive; a laboratory confirms it.
    info {
      id = "welcome",
      title = { en = "What a colour test tells you", ru = "Что показывает цветной тест" },
      body = {
        para {
          en = "A colour test shows only that a sample probably belongs to a class of chemicals. It does not identify the drug.",
          ru = "Цветной тест показывает лишь, что образец, вероятно, относится к определённому классу веществ. Наркотик он не определяет.",
        },
        bullets {
          { en = "Send every positive result to an authorised laboratory", ru = "Каждый положительный результат направляйте в уполномоченную лабораторию" },
          { en = "The laboratory confirms it, for example by GC-MS", ru = "Лаборатория подтверждает его, например методом ГХ-МС" },
        },
      },
    },

    -- C1
    truefalse {
      id = "proof",
      prompt = {
        en = "A positive colour test proves which drug a sample is.",
        ru = "Положительный цветной тест доказывает, какой это наркотик.",
      },
      correct = false,
      explanation = {
        en = "A colour test only suggests a class of substance; a laboratory must confirm it.",
        ru = "Цветной тест лишь указывает на класс вещества; подтверждает результат лаборатория.",
      },
    },

    -- C27: safety rules when handling suspected drugs.
    multiple {
      id = "safety",
      prompt = {
        en = "Which of these are safe practice when you handle a suspected drug? Select all that apply.",
        ru = "Что из этого — безопасная практика при работе с подозрительным веществом? Отметьте все верные варианты.",
      },
      choices = {
        { id = "gloves", text = { en = "Wear nitrile gloves", ru = "Надеть нитриловые перчатки" } },
        { id = "eyes", text = { en = "Wear eye protection: most reagents are strong acids", ru = "Защитить глаза: большинство реактивов — сильные кислоты" } },
        { id = "sniff", text = { en = "Sniff the powder to judge it", ru = "Понюхать порошок, чтобы его оценить" },
          feedback = { en = "Never sniff or taste a suspected drug.", ru = "Подозрительное вещество нельзя нюхать или пробовать на вкус." } },
        { id = "tea", text = { en = "Drink tea while you work", ru = "Пить чай во время работы" },
          feedback = { en = "Eat or drink only after your protective equipment is off and your hands are washed.", ru = "Есть и пить можно, только сняв защитное снаряжение и вымыв руки." } },
      },
      correct = { "gloves", "eyes" },
      shuffle = true,
      next = function(ctx, result)
        if result.correct then return "controls" end
        return "safety_recap"
      end,
    },

    -- C27
    info {
      id = "safety_recap",
      title = { en = "Recap: safe handling", ru = "Повторим: безопасность" },
      body = {
        bullets {
          { en = "Never sniff or taste a suspected drug", ru = "Никогда не нюхайте и не пробуйте на вкус подозрительное вещество" },
          { en = "Wear gloves and eye protection", ru = "Работайте в перчатках и защитных очках" },
          { en = "Eat or drink only after your protective equipment is off and your hands are washed", ru = "Ешьте и пейте, только сняв защитное снаряжение и вымыв руки" },
        },
      },
    },

    -- C5: positive and negative controls.
    single {
      id = "controls",
      prompt = {
        en = "Why do you run a negative control (the reagent alone) with each sample?",
        ru = "Зачем с каждым образцом проводят отрицательный контроль (только реактив)?",
      },
      choices = {
        { id = "clean", text = { en = "It shows the equipment is clean", ru = "Он показывает, что оборудование чистое" } },
        { id = "colour", text = { en = "It gives the reference colour of the drug", ru = "Он даёт эталонный цвет наркотика" },
          feedback = { en = "That is the positive control, run with a known drug.", ru = "Это положительный контроль, его проводят с известным веществом." } },
        { id = "faster", text = { en = "It makes the test faster", ru = "Он ускоряет тест" } },
      },
      correct = "clean",
      shuffle = true,
    },

    -- C17: the three steps of the Scott test.
    ordering {
      id = "scott",
      prompt = { en = "Put the steps of the Scott test in order.", ru = "Расположите этапы теста Скотта по порядку." },
      items = {
        { id = "cobalt", text = { en = "Cobalt thiocyanate turns cocaine particles blue", ru = "Тиоцианат кобальта окрашивает частицы кокаина в синий цвет" } },
        { id = "acid", text = { en = "Hydrochloric acid turns the liquid back to pink", ru = "Соляная кислота возвращает жидкости розовый цвет" } },
        { id = "chloroform", text = { en = "Chloroform gives a blue lower layer", ru = "Хлороформ даёт синий нижний слой" } },
      },
      explanation = {
        en = "The result is positive only when all three steps behave as described.",
        ru = "Результат положителен, только если все три этапа прошли именно так.",
      },
    },

    -- C20: heat weakens the cobalt thiocyanate test.
    numeric {
      id = "heat",
      prompt = {
        en = "Above what temperature did the cobalt thiocyanate test lose more than half its sensitivity?",
        ru = "Выше какой температуры тест с тиоцианатом кобальта терял больше половины чувствительности?",
      },
      answer = 40,
      unit = "°C",
      explanation = {
        en = "Keep kits out of hot vehicles: heat weakens the test.",
        ru = "Не оставляйте наборы в нагретой машине: жара ослабляет тест.",
      },
    },

    info {
      id = "done",
      title = { en = "Well done", ru = "Отлично" },
      body = { para { en = "Next comes a short check-up.", ru = "Дальше — короткая проверка." } },
    },
  },
}
