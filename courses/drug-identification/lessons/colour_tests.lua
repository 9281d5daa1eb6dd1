-- Lesson 3: what a presumptive colour test can and cannot prove, when to test, controls, safe use
-- of ampoule kits and keeping kits working. A trainee who thinks a field test proves the drug is
-- sent to a short recap before going on.

return lesson {
  id = "colour_tests",
  title = { ru = "Цветные экспресс-тесты: возможности, пределы, безопасность", en = "Colour field tests: what they show, their limits, safety" },
  objectives = {
    { ru = "Объяснять, что доказывает и чего не доказывает цветной тест", en = "Explain what a colour test proves and what it does not" },
    { ru = "Решать, когда тест уместен, и проводить контрольные пробы", en = "Decide when a test makes sense, and run controls" },
    { ru = "Безопасно работать с ампульными наборами", en = "Use ampoule-type kits safely" },
    { ru = "Хранить наборы так, чтобы они не теряли чувствительность", en = "Store kits so that they keep their sensitivity" },
  },
  screens = {
    -- C1: presumptive only, laboratory confirmation (e.g. GC-MS) before use as evidence;
    -- C2: UNODC field kits, >500 tests, positives to an authorised laboratory; C6: 1–50 µg.
    info {
      id = "what_it_shows",
      title = { ru = "Что показывает цветной тест", en = "What a colour test shows" },
      body = {
        para {
          ru = "Цветной (капельный) экспресс-тест показывает лишь, что образец, вероятно, относится к определённому классу веществ. Конкретный наркотик он не устанавливает. Прежде чем результат станет доказательством, его должна подтвердить лаборатория — например, методом газовой хромато-масс-спектрометрии (ГХ-МС).",
          en = "A colour test shows only that a sample probably belongs to a class of chemicals. It does not identify the drug. Before a result can be used as evidence, a laboratory must confirm it, for example by gas chromatography–mass spectrometry (GC-MS).",
        },
        bullets {
          { ru = "УНП ООН поставляет в Афганистан и Центральную Азию прочные полевые наборы — «лабораторию в чемоданчике» — с реактивами на каннабис, опий, морфин, героин и кокаин", en = "UNODC supplies rugged field kits, a \"laboratory in a briefcase\", to Afghanistan and Central Asia, with reagents for cannabis, opium, morphine, heroin and cocaine" },
          { ru = "Наборы для прекурсоров проверяют, например, уксусный ангидрид и перманганат калия", en = "Precursor kits test chemicals such as acetic anhydride and potassium permanganate" },
          { ru = "Стандартного набора хватает более чем на 500 тестов", en = "A standard kit does more than 500 tests" },
          { ru = "Любой положительный результат направляют в уполномоченную лабораторию для подтверждения", en = "Every positive result goes to an authorised laboratory for confirmation" },
        },
        para {
          ru = "Тесты очень чувствительны: при проверке 12 распространённых реактивов предел обнаружения обычно составлял от 1 до 50 микрограммов.",
          en = "The tests are very sensitive: when 12 common reagents were validated, their detection limits were typically between 1 and 50 micrograms.",
        },
      },
    },

    -- C1: a field test does not identify the drug and is not evidence on its own.
    truefalse {
      id = "proves",
      prompt = {
        ru = "Положительный экспресс-тест устанавливает, какой это наркотик, поэтому его результата достаточно как доказательства.",
        en = "A positive field test identifies the drug, so its result is enough as evidence.",
      },
      correct = false,
      explanation = {
        ru = "Тест указывает лишь на вероятный класс веществ. Доказательством становится заключение лаборатории.",
        en = "A test only points to a probable class of substances. The laboratory's confirmation is what becomes evidence.",
      },
      next = function(ctx, result)
        if result.correct then return "when_to_test" end
        return "recap_proof"
      end,
    },

    -- C1, C2; C12, C18, C23: other substances give the same colours.
    info {
      id = "recap_proof",
      title = { ru = "Повторим: тест — не экспертиза", en = "Recap: a test is not an analysis" },
      body = {
        bullets {
          { ru = "Цвет указывает на класс веществ, а не на один наркотик", en = "A colour points to a class of substances, not to one drug" },
          { ru = "Похожие цвета дают и другие вещества — об этом на следующем экране", en = "Other substances give similar colours: see the next screen" },
          { ru = "Доказательство — это заключение уполномоченной лаборатории", en = "The evidence is the authorised laboratory's confirmation" },
        },
      },
    },

    -- C4: tests back up suspicion; broad reagents sparingly, specific tests. False positives:
    -- C12 (quinine etc. with Marquis), C18 and C19 (cobalt thiocyanate), C23 (Fast Blue B), C7.
    -- False negatives: C16 (Simon's and cathinones), C20 (heat).
    info {
      id = "when_to_test",
      title = { ru = "Когда тестировать и чему не верить", en = "When to test, and what not to trust" },
      body = {
        para {
          ru = "Экспресс-тест должен подкреплять уже возникшее подозрение — по внешнему виду, цене, поведению, оперативной информации, — а не создавать его. Реактивы широкого действия, такие как реактив Марки, расходуйте экономно и выбирайте специфичные тесты: так меньше ложноположительных результатов.",
          en = "A field test should back up a suspicion you already have, from appearance, price, behaviour or intelligence, not create one. Use broad screening reagents such as Marquis sparingly, and choose specific tests to cut false positives.",
        },
        heading { ru = "Ложноположительные результаты", en = "False positives" },
        bullets {
          { ru = "Хинин и некоторые другие вещества дают с реактивом Марки цвет, похожий на реакцию опиатов", en = "Quinine and some other compounds give colours with Marquis similar to those of opiates" },
          { ru = "Лидокаин, бензокаин и дифенгидрамин дают ложноположительный тест Скотта на кокаин, а героин тоже окрашивает тиоцианат кобальта в синий", en = "Lidocaine, benzocaine and diphenhydramine give false positives in the Scott test for cocaine, and heroin also turns cobalt thiocyanate blue" },
          { ru = "Гвоздика, мускатный орех, имбирь и корень мужского папоротника могут реагировать с солью прочного синего Б так же, как каннабис", en = "Cloves, nutmeg, ginger and male-fern root can react with Fast Blue B salt in the same way as cannabis" },
          { ru = "В слепом испытании реактивы Марки, Меке и Саймона давали ложноположительные результаты даже у токсикологов", en = "In a blind trial, Marquis, Mecke and Simon's reagents gave false positives even in the hands of toxicologists" },
        },
        heading { ru = "Ложноотрицательные результаты", en = "False negatives" },
        bullets {
          { ru = "На 163 изъятых образцах синтетических катинонов тест Саймона дал лишь 3 % положительных и 88 % ложноотрицательных результатов", en = "On 163 seized synthetic-cathinone samples, Simon's test gave only 3% positives and 88% false negatives" },
          { ru = "Жара снижает чувствительность теста с тиоцианатом кобальта (см. ниже)", en = "Heat makes the cobalt thiocyanate test less sensitive (see below)" },
        },
        para { ru = "Отрицательный тест не доказывает, что наркотика нет.", en = "A negative test does not prove there is no drug." },
      },
    },

    -- C18: lidocaine, benzocaine; C19: heroin also turns cobalt thiocyanate blue; C1.
    multiple {
      id = "still_could_be",
      prompt = {
        ru = "Белый порошок дал синий цвет в тесте на кокаин (тиоцианат кобальта, тест Скотта). Чем он может оказаться? Отметьте всё, что этот результат не исключает.",
        en = "A white powder turns blue in the cocaine test (cobalt thiocyanate, the Scott test). What could it be? Select everything this result does not rule out.",
      },
      choices = {
        { id = "cocaine", text = { ru = "Кокаином", en = "Cocaine" } },
        { id = "heroin", text = { ru = "Героином", en = "Heroin" },
          feedback = { ru = "Да: героин тоже окрашивает тиоцианат кобальта в синий. На Северном маршруте это особенно важно.", en = "Yes: heroin also turns cobalt thiocyanate blue. On the Northern Route this matters a lot." } },
        { id = "lidocaine", text = { ru = "Лидокаином", en = "Lidocaine" } },
        { id = "benzocaine", text = { ru = "Бензокаином", en = "Benzocaine" } },
        { id = "only_cocaine", text = { ru = "Только кокаином: положительный тест исключает остальное", en = "Only cocaine: a positive test rules everything else out" },
          feedback = { ru = "Нет: тест лишь указывает на класс веществ.", en = "No: a test only points to a class of substances." } },
      },
      correct = { "cocaine", "heroin", "lidocaine", "benzocaine" },
      shuffle = true,
      attempts = 2,
      explanation = {
        ru = "Синий цвет дают и кокаин, и героин, и местные анестетики, которыми разбавляют кокаин. Нужны дополнительные тесты и лаборатория.",
        en = "Cocaine, heroin and the local anaesthetics used to cut cocaine all give the blue. You need further tests, and the laboratory.",
      },
    },

    -- C5: positive and negative controls; C8: old Marquis solutions lose strength.
    info {
      id = "controls",
      title = { ru = "Контрольные пробы", en = "Controls" },
      body = {
        para { ru = "С каждым образцом проводят две контрольные пробы:", en = "Run two controls with each sample:" },
        bullets {
          { ru = "отрицательный контроль — только реактив, без образца: показывает, что посуда и инструмент чистые;", en = "a negative control, the reagent alone: it shows that the equipment is clean;" },
          { ru = "положительный контроль — реактив с известным веществом: показывает, что реактив работает, и даёт эталонный цвет.", en = "a positive control, the reagent with a known drug: it shows that the reagent works and gives a reference colour." },
        },
        para {
          ru = "Реактивы стареют: старые растворы реактива Марки теряют силу. Положительный контроль это выявит.",
          en = "Reagents age: old Marquis solutions lose strength. The positive control shows it.",
        },
      },
    },

    -- C5: the negative control shows the equipment is clean; the positive control is run with a
    -- known drug.
    single {
      id = "negative_control",
      prompt = {
        ru = "Перед проверкой образца вы капаете реактив на чистое место без образца — и он меняет цвет. Что это значит?",
        en = "Before testing a sample, you put the reagent alone on a clean spot, and it changes colour. What does that tell you?",
      },
      choices = {
        { id = "dirty", text = { ru = "Посуда или инструмент загрязнены: результату теста образца сейчас верить нельзя", en = "The equipment is not clean: a sample result now could not be trusted" } },
        { id = "works", text = { ru = "Реактив исправен и хорошо работает", en = "The reagent is in good order" },
          feedback = { ru = "Исправность реактива показывает положительный контроль — с известным веществом.", en = "The positive control, with a known drug, is what shows the reagent works." } },
        { id = "positive", text = { ru = "Образец положительный", en = "The sample is positive" },
          feedback = { ru = "Образца в этой пробе не было.", en = "There was no sample in this test." } },
      },
      correct = "dirty",
      shuffle = true,
      attempts = 2,
      explanation = {
        ru = "Отрицательный контроль (только реактив) должен остаться без изменений: это показывает, что посуда и инструмент чистые.",
        en = "The negative control (reagent alone) must stay unchanged: that shows the equipment is clean.",
      },
    },

    -- C27: safety rules; C8: Marquis is formaldehyde in concentrated sulfuric acid, caustic;
    -- C29: ampoule-type kits.
    info {
      id = "safety",
      title = { ru = "Безопасность при тестировании", en = "Safety when testing" },
      body = {
        image {
          file = "images/ampoule_kit.png",
          caption = {
            ru = "Очки и нитриловые перчатки; набор держат на вытянутой руке, подальше от лица, и читают результат при хорошем освещении.",
            en = "Goggles and nitrile gloves; hold the kit at arm's length, away from your face, and read it in good light.",
          },
          alt = {
            ru = "Сотрудник в очках держит ампульный набор на вытянутой руке под лампой",
            en = "An officer in goggles holds an ampoule kit at arm's length under a lamp",
          },
        },
        bullets {
          { ru = "Никогда не нюхайте и не пробуйте вещество на вкус; касайтесь его как можно меньше", en = "Never sniff or taste a suspected drug, and handle it as little as possible" },
          { ru = "Работайте в нитриловых перчатках; при подозрении на вещества типа фентанила нужна защита органов дыхания", en = "Wear nitrile gloves, and respiratory protection for fentanyl-type substances" },
          { ru = "Большинство реактивов — сильные кислоты (реактив Марки — формальдегид в концентрированной серной кислоте, он едкий): защитные очки и халат обязательны, прочтите паспорт безопасности каждого реактива", en = "Most reagents are strong acids (Marquis is formaldehyde in concentrated sulfuric acid, and caustic): wear eye protection and a lab coat, and read each reagent's safety data sheet" },
          { ru = "Ломая ампулы и перемешивая, держите набор подальше от лица", en = "Hold the unit away from your face while you break the ampoules and mix" },
          { ru = "Пролитый реактив смывайте водой; ожог реактивом лечите как обычный ожог", en = "Flush spilled reagent with water; treat a reagent burn like any other burn" },
          { ru = "Использованные наборы перед утилизацией упакуйте в пакет или нейтрализуйте", en = "Bag or neutralise used units before disposal" },
          { ru = "Ешьте и пейте, только сняв средства защиты и вымыв руки. Изъятые наркотики бывают намного чище уличных", en = "Eat or drink only once your protective equipment is off and your hands are washed. Seized drugs can be far purer than street drugs" },
        },
      },
    },

    -- C27: protective equipment first; C29: break and mix away from the face, compare colours in
    -- good light, bag or neutralise used units.
    ordering {
      id = "ampoule_steps",
      prompt = {
        ru = "Расположите действия с ампульным набором по порядку.",
        en = "Put the steps with an ampoule kit in order.",
      },
      items = {
        { id = "ppe", text = { ru = "Надеть перчатки и защитные очки", en = "Put on gloves and eye protection" } },
        { id = "break", text = { ru = "Сломать ампулы и перемешать, держа набор подальше от лица", en = "Break the ampoules and mix, holding the unit away from your face" } },
        { id = "read", text = { ru = "Сравнить цвет при хорошем освещении", en = "Compare the colour in good light" } },
        { id = "dispose", text = { ru = "Упаковать в пакет или нейтрализовать использованный набор", en = "Bag or neutralise the used unit" } },
      },
      attempts = 2,
    },

    -- C8: old Marquis loses strength; C20: temperature and the cobalt thiocyanate test; C5.
    info {
      id = "kit_care",
      title = { ru = "Как сохранить набор рабочим", en = "Keeping the kit working" },
      body = {
        bullets {
          { ru = "Тест с тиоцианатом кобальта при 4 °C был примерно вдвое чувствительнее, чем при 22 °C, а выше 40 °C терял больше половины чувствительности", en = "The cobalt thiocyanate test was about twice as sensitive at 4 °C as at 22 °C, and lost more than half its sensitivity above 40 °C" },
          { ru = "Не оставляйте наборы в нагретой машине — центральноазиатским летом это особенно важно", en = "Do not leave kits in a hot vehicle: this matters especially in a Central Asian summer" },
          { ru = "Старые растворы реактива Марки теряют силу", en = "Old Marquis solutions lose strength" },
          { ru = "Положительный контроль с известным веществом показывает, работает ли реактив", en = "A positive control with a known drug shows whether the reagent still works" },
        },
      },
    },

    info {
      id = "quiz",
      title = { ru = "Проверьте себя", en = "Check yourself" },
      body = { para { ru = "Четыре вопроса, по одной попытке на каждый.", en = "Four questions, one try each." } },
    },

    -- C20: above 40 °C the cobalt thiocyanate test lost more than half its sensitivity.
    numeric {
      id = "heat",
      prompt = {
        ru = "Выше какой температуры тест с тиоцианатом кобальта терял больше половины чувствительности?",
        en = "Above what temperature did the cobalt thiocyanate test lose more than half its sensitivity?",
      },
      answer = 40,
      unit = "°C",
      explanation = {
        ru = "Выше 40 °C. Наборы храните в прохладе, не в нагретой машине.",
        en = "Above 40 °C. Keep kits cool, not in a hot vehicle.",
      },
    },

    -- C29: away from the face; C27: eye protection, never taste, no eating with gloves on.
    multiple {
      id = "safety_quiz",
      prompt = {
        ru = "Что из этого — правильная практика при экспресс-тестировании? Отметьте все верные варианты.",
        en = "Which of these are correct practice when you run a field test? Select all that apply.",
      },
      choices = {
        { id = "away", text = { ru = "Ломать ампулы, держа набор подальше от лица", en = "Break the ampoules with the unit held away from your face" } },
        { id = "eyes", text = { ru = "Надевать защитные очки: большинство реактивов — сильные кислоты", en = "Wear eye protection: most reagents are strong acids" } },
        { id = "taste", text = { ru = "Попробовать крупинку на вкус, если цвет слабый", en = "Taste a grain if the colour is weak" },
          feedback = { ru = "Никогда не пробуйте и не нюхайте подозрительное вещество.", en = "Never taste or sniff a suspected drug." } },
        { id = "lunch", text = { ru = "Перекусить у стола сразу после теста, не снимая перчаток", en = "Have a snack at the bench right after the test, gloves still on" },
          feedback = { ru = "Есть и пить можно, только сняв средства защиты и вымыв руки.", en = "Eat or drink only once your protective equipment is off and your hands are washed." } },
      },
      correct = { "away", "eyes" },
      shuffle = true,
    },

    -- C16, C20: false negatives; a negative does not clear a sample.
    truefalse {
      id = "negative_clears",
      prompt = {
        ru = "Отрицательный цветной тест доказывает, что в образце нет наркотика.",
        en = "A negative colour test proves that the sample contains no drug.",
      },
      correct = false,
      explanation = {
        ru = "Нет. Например, в одном исследовании тест Саймона дал 88 % ложноотрицательных результатов на изъятых синтетических катинонах, а выше 40 °C тест с тиоцианатом кобальта терял больше половины чувствительности.",
        en = "No. For example, in one study Simon's test gave 88% false negatives on seized synthetic cathinones, and above 40 °C the cobalt thiocyanate test lost more than half its sensitivity.",
      },
    },

    -- C4: a field test backs up an existing suspicion.
    single {
      id = "when",
      prompt = { ru = "Когда уместно проводить экспресс-тест?", en = "When does a field test make sense?" },
      choices = {
        { id = "backup", text = { ru = "Чтобы подкрепить подозрение, возникшее по виду, цене, поведению или оперативной информации", en = "To back up a suspicion that comes from appearance, price, behaviour or intelligence" } },
        { id = "everyone", text = { ru = "С багажом каждого пассажира, чтобы найти повод для подозрения", en = "On every passenger's luggage, to find a reason for suspicion" },
          feedback = { ru = "Тест должен подкреплять подозрение, а не создавать его.", en = "A test should back up a suspicion, not create one." } },
        { id = "after_lab", text = { ru = "Только после того, как лаборатория подтвердила наркотик", en = "Only after a laboratory has confirmed the drug" },
          feedback = { ru = "Экспресс-тест проводят на месте, до лаборатории.", en = "A field test is run on the spot, before the laboratory." } },
      },
      correct = "backup",
      shuffle = true,
    },
  },
}
