-- Lesson 4: which reagent for which drug, the typical results of Marquis, Simon's, Scott and
-- Fast Blue B, and the false positives of each. The "purple" question is scored by a custom hook:
-- claiming that a colour proves the drug loses every mark.

-- Scores the conclusions drawn from a violet Marquis result (C1, C8, C9, C12): three sound
-- conclusions; any wrong pick costs one; "proven" (the test proves heroin) scores 0 outright.
local function score_conclusions(ctx, answer)
  local picked = {}
  for _, id in ipairs(answer) do picked[id] = true end
  if picked.proven then return 0 end
  local marks = 0
  for _, id in ipairs({ "opiate", "other", "lab" }) do
    if picked[id] then marks = marks + 1 end
  end
  if picked.cocaine then marks = marks - 1 end
  return math.max(0, marks / 3)
end

return lesson {
  id = "reagents",
  title = { ru = "Реактивы и результаты", en = "Reagents and results" },
  objectives = {
    { ru = "Выбирать тест под подозреваемый наркотик", en = "Choose the test that fits the suspected drug" },
    { ru = "Читать типичные результаты тестов Марки, Саймона, Скотта и прочного синего Б", en = "Read the typical results of the Marquis, Simon's, Scott and Fast Blue B tests" },
    { ru = "Знать ложноположительные результаты каждого теста", en = "Know the false positives of each test" },
  },
  screens = {
    -- C3: the UNODC manual's tests by drug (the methyl benzoate odour test is left out on purpose:
    -- trainees must never sniff a suspected drug, C27).
    info {
      id = "which_test",
      title = { ru = "Какой тест для какого наркотика", en = "Which test for which drug" },
      body = {
        para {
          ru = "Руководство УНП ООН по экспресс-методам (ST/NAR/13/Rev.1) группирует полевые тесты по наркотикам:",
          en = "UNODC's manual of rapid testing methods (ST/NAR/13/Rev.1) groups the field tests by drug:",
        },
        bullets {
          { ru = "опий — реактив Марки, сульфат железа(III)", en = "opium: Marquis, ferric sulfate" },
          { ru = "морфин, кодеин, героин — реактивы Марки и Меке, азотная кислота, сульфат железа(III)", en = "morphine, codeine, heroin: Marquis, Mecke, nitric acid, ferric sulfate" },
          { ru = "каннабис — соль прочного синего Б, реактив Дюкенуа — Левина", en = "cannabis: Fast Blue B salt, Duquenois–Levine" },
          { ru = "кокаин — тиоцианат кобальта и его модификация, тест Скотта; реактив Вагнера", en = "cocaine: cobalt thiocyanate and its modified form, the Scott test; Wagner's reagent" },
          { ru = "амфетамины — реактив Марки, серная кислота, реактив Саймона (в том числе с ацетоном), галловая кислота", en = "amphetamines: Marquis, sulfuric acid, Simon's (also with acetone), gallic acid" },
        },
        para {
          ru = "Дальше разберём четыре теста: Марки, Саймона, Скотта и прочный синий Б.",
          en = "We now look at four of them: Marquis, Simon's, Scott and Fast Blue B.",
        },
      },
    },

    -- C3: tests grouped by drug; each left item appears under one drug group only.
    matching {
      id = "test_for",
      prompt = { ru = "Сопоставьте тест и группу наркотиков, для которой он предназначен.", en = "Match each test with the drug group it is meant for." },
      pairs = {
        { id = "fastblue", left = { ru = "Соль прочного синего Б", en = "Fast Blue B salt" }, right = { ru = "Каннабис", en = "Cannabis" } },
        { id = "scott", left = { ru = "Тест Скотта", en = "Scott test" }, right = { ru = "Кокаин", en = "Cocaine" } },
        { id = "simon", left = { ru = "Реактив Саймона", en = "Simon's reagent" }, right = { ru = "Амфетамины", en = "Amphetamines" } },
        { id = "mecke", left = { ru = "Реактив Меке", en = "Mecke reagent" }, right = { ru = "Морфин, кодеин, героин", en = "Morphine, codeine, heroin" } },
      },
      attempts = 2,
    },

    -- C8: composition, caustic, ageing, no reaction with cocaine; C9 (verified part): violet/purple
    -- with opiates; C10 (verified part): amphetamine orange-red then brown, methamphetamine
    -- orange, cannot tell them apart; C11: MDMA dark purple then black; C12: quinine etc.
    info {
      id = "marquis",
      title = { ru = "Реактив Марки", en = "Marquis reagent" },
      body = {
        para {
          ru = "Формальдегид в концентрированной серной кислоте; описан в 1896 году. Едкий, старые растворы теряют силу. Типичные результаты:",
          en = "Formaldehyde in concentrated sulfuric acid, first described in 1896. It is caustic, and old solutions lose strength. Typical results:",
        },
        bullets {
          { ru = "опиаты (героин, морфин, кодеин) — фиолетовый, пурпурный", en = "opiates (heroin, morphine, codeine): violet to purple" },
          { ru = "амфетамин — оранжево-красный, затем коричневый", en = "amphetamine: orange-red, then brown" },
          { ru = "метамфетамин — оранжевый", en = "methamphetamine: orange" },
          { ru = "МДМА — тёмно-фиолетовый, затем чёрный", en = "MDMA: dark purple, then black" },
          { ru = "кокаин — реакции нет", en = "cocaine: no reaction" },
        },
        para {
          ru = "Амфетамин от метамфетамина реактив Марки не отличает — для этого есть тест Саймона. Хинин, болдин и бульбокапнин дают цвета, похожие на опиаты.",
          en = "Marquis cannot tell amphetamine from methamphetamine; Simon's test can. Quinine, boldine and bulbocapnine give colours similar to opiates.",
        },
      },
    },

    -- C15 (core: secondary amines blue, primary amines not blue); C11: study of 40 seized samples;
    -- C16: cathinones; C10, C15: Marquis first, then Simon's.
    info {
      id = "simon",
      title = { ru = "Тест Саймона", en = "Simon's test" },
      body = {
        bullets {
          { ru = "Синий цвет — со вторичными аминами, например метамфетамином и МДМА", en = "Turns blue with secondary amines such as methamphetamine and MDMA" },
          { ru = "Первичные амины, например амфетамин, синего цвета не дают", en = "Primary amines such as amphetamine do not turn blue" },
          { ru = "В исследовании 40 изъятых образцов, подтверждённых ГХ-МС, кристаллический метамфетамин дал оранжевый цвет с реактивом Марки и тёмно-синий с реактивом Саймона; таблетки МДМА — тёмно-фиолетовый и тёмно-синий", en = "In a study of 40 seized samples confirmed by GC-MS, crystalline methamphetamine gave orange with Marquis and deep blue with Simon's; MDMA tablets gave dark purple and dark blue" },
          { ru = "С синтетическими катинонами тест работает плохо: 88 % ложноотрицательных результатов", en = "It works poorly on synthetic cathinones: 88% false negatives" },
        },
        para {
          ru = "Отсюда порядок: сначала реактив Марки (оранжевый — возможно, амфетамин или метамфетамин), затем тест Саймона, чтобы их различить.",
          en = "Hence the order: Marquis first (orange suggests amphetamine or methamphetamine), then Simon's to tell them apart.",
        },
      },
    },

    -- C17: the three steps, all must behave for a positive; C18: lidocaine, diphenhydramine,
    -- benzocaine; C19: heroin also turns cobalt thiocyanate blue, add opiate tests.
    info {
      id = "scott",
      title = { ru = "Тест Скотта (модифицированный тиоцианат кобальта)", en = "The Scott test (modified cobalt thiocyanate)" },
      body = {
        image {
          file = "images/scott_tubes.png",
          caption = {
            ru = "Три этапа теста Скотта: 1 — синие частицы; 2 — после соляной кислоты (HCl) жидкость снова розовая; 3 — после хлороформа (CHCl₃) нижний слой синий.",
            en = "The three steps of the Scott test: 1, blue particles; 2, after hydrochloric acid (HCl) the liquid is pink again; 3, after chloroform (CHCl₃) the lower layer is blue.",
          },
          alt = { ru = "Три пробирки: синяя, розовая, розовая с синим нижним слоем", en = "Three test tubes: blue; pink; pink with a blue lower layer" },
        },
        numbered {
          { ru = "Тиоцианат кобальта окрашивает частицы кокаина в синий цвет", en = "Cobalt thiocyanate turns cocaine particles blue" },
          { ru = "Соляная кислота возвращает жидкости розовый цвет", en = "Hydrochloric acid turns the liquid back to pink" },
          { ru = "Хлороформ после встряхивания даёт синий нижний (хлороформный) слой", en = "Chloroform, shaken in, gives a blue lower (chloroform) layer" },
        },
        para {
          ru = "Результат положительный, только если все три этапа прошли именно так.",
          en = "The result is positive only when all three steps behave as described.",
        },
        para {
          ru = "Ложноположительные результаты дают лидокаин, дифенгидрамин и бензокаин, а местные анестетики — частые разбавители кокаина. Тиоцианат кобальта синеет и с героином: на Северном маршруте «кокаиновый» синий может оказаться героином, поэтому всегда добавляйте тест на опиаты.",
          en = "Lidocaine, diphenhydramine and benzocaine give false positives, and local anaesthetics are common cocaine cutting agents. Cobalt thiocyanate also turns blue with heroin: on the Northern Route a \"cocaine\" blue may be heroin, so always add an opiate test.",
        },
      },
    },

    -- C17: the order of the Scott test steps.
    ordering {
      id = "scott_steps",
      prompt = { ru = "Расположите этапы теста Скотта по порядку.", en = "Put the steps of the Scott test in order." },
      items = {
        { id = "cobalt", text = { ru = "Тиоцианат кобальта: частицы синеют", en = "Cobalt thiocyanate: the particles turn blue" } },
        { id = "acid", text = { ru = "Соляная кислота: жидкость снова розовая", en = "Hydrochloric acid: the liquid turns back to pink" } },
        { id = "chloroform", text = { ru = "Хлороформ, встряхнуть: нижний слой синий", en = "Chloroform, shaken: the lower layer is blue" } },
      },
      partial = false,
      attempts = 2,
      explanation = {
        ru = "Если хотя бы один этап пошёл иначе, результат не считается положительным.",
        en = "If any step behaves differently, the result does not count as positive.",
      },
    },

    -- C23: Fast Blue B, look-alikes, filtering, Fast Blue BB and hemp; C22: the Duquenois test
    -- (UN 1950s, 1969 study, 1973 court); C21: Duquenois–Levine uses the Duquenois reagent.
    info {
      id = "cannabis_tests",
      title = { ru = "Тесты на каннабис", en = "Cannabis tests" },
      body = {
        bullets {
          { ru = "Соль прочного синего Б образует с каннабиноидами красные или фиолетово-коричневые красители", en = "Fast Blue B salt forms red to violet-brown dyes with cannabinoids" },
          { ru = "Гвоздика, мускатный орех, имбирь и корень мужского папоротника могут реагировать похоже, поэтому стадия фильтрования считается обязательной", en = "Cloves, nutmeg, ginger and male-fern root can react similarly, so a filtering step is considered essential" },
          { ru = "Родственная соль прочного синего ББ даёт красный цвет с ТГК и оранжевый с КБД — это помогает отличить наркотический каннабис от технической конопли", en = "The related Fast Blue BB gives red with THC and orange with CBD, which helps tell drug-type cannabis from hemp" },
          { ru = "Тест Дюкенуа (на его реактиве основан тест Дюкенуа — Левина) ООН приняла в 1950-х годах как основной тест на каннабис, но позднее выяснилось, что он неспецифичен: в британском исследовании 1969 года похожий результат дали 25 растительных материалов; в 1973 году Верховный суд штата Висконсин признал, что одного этого теста недостаточно", en = "The UN adopted the Duquenois test (whose reagent the Duquenois–Levine test uses) in the 1950s as its preferred cannabis test, but later studies showed it is not specific: a 1969 UK study found 25 plant materials giving similar results, and in 1973 the Wisconsin Supreme Court held it was not enough on its own" },
        },
      },
    },

    -- C9, C10, C11, C8, C15: results to match.
    matching {
      id = "results",
      prompt = { ru = "Сопоставьте тест и типичный результат.", en = "Match each test with its typical result." },
      pairs = {
        { id = "mq_heroin", left = { ru = "Марки + героин", en = "Marquis + heroin" }, right = { ru = "Фиолетовый, пурпурный", en = "Violet to purple" } },
        { id = "mq_meth", left = { ru = "Марки + метамфетамин", en = "Marquis + methamphetamine" }, right = { ru = "Оранжевый", en = "Orange" } },
        { id = "mq_amph", left = { ru = "Марки + амфетамин", en = "Marquis + amphetamine" }, right = { ru = "Оранжево-красный, затем коричневый", en = "Orange-red, then brown" } },
        { id = "mq_cocaine", left = { ru = "Марки + кокаин", en = "Marquis + cocaine" }, right = { ru = "Реакции нет", en = "No reaction" } },
        { id = "simon_meth", left = { ru = "Саймон + метамфетамин", en = "Simon's + methamphetamine" }, right = { ru = "Тёмно-синий", en = "Deep blue" } },
      },
      attempts = 2,
    },

    -- C9: violet with opiates; C12: quinine and others give similar colours; C1, C2: laboratory
    -- confirmation; C8: Marquis does not react with cocaine. Custom score: see score_conclusions.
    multiple {
      id = "purple_meaning",
      prompt = {
        ru = "Коричневый порошок из грузовика окрасил реактив Марки в фиолетовый цвет. Какие выводы верны? Отметьте все верные варианты.",
        en = "A brown powder from a lorry turns Marquis violet. Which conclusions are sound? Select all that apply.",
      },
      choices = {
        { id = "opiate", text = { ru = "Вероятно, это опиат, например героин", en = "An opiate such as heroin is likely" } },
        { id = "other", text = { ru = "Похожий цвет может дать и другое вещество, например хинин", en = "Another substance, such as quinine, could give a similar colour" } },
        { id = "lab", text = { ru = "Образец нужно направить в лабораторию для подтверждения", en = "The sample must go to a laboratory for confirmation" } },
        { id = "proven", text = { ru = "Героин доказан, экспертиза не нужна", en = "Heroin is proven; no laboratory analysis is needed" },
          feedback = { ru = "Это главная ошибка: цветной тест ничего не доказывает. Ответ с этим выводом не засчитывается.", en = "This is the key mistake: a colour test proves nothing. An answer with this conclusion earns no marks." } },
        { id = "cocaine", text = { ru = "Возможно, это кокаин", en = "It may be cocaine" },
          feedback = { ru = "Кокаин с реактивом Марки не реагирует.", en = "Cocaine does not react with Marquis." } },
      },
      score = score_conclusions,
      solution = { "opiate", "other", "lab" },
      wrong = { "opiate", "proven" },
      shuffle = true,
      attempts = 2,
      explanation = {
        ru = "Фиолетовый цвет с реактивом Марки указывает на опиат, но похожий цвет дают и другие вещества. Вывод — предварительный, подтверждает лаборатория.",
        en = "Violet with Marquis points to an opiate, but other substances give similar colours. The conclusion is presumptive; the laboratory confirms it.",
      },
    },

    info {
      id = "quiz",
      title = { ru = "Проверьте себя", en = "Check yourself" },
      body = { para { ru = "Четыре вопроса, по одной попытке на каждый.", en = "Four questions, one try each." } },
    },

    -- C19: heroin turns cobalt thiocyanate blue.
    truefalse {
      id = "cobalt_heroin",
      prompt = {
        ru = "Героин, как и кокаин, окрашивает тиоцианат кобальта в синий цвет.",
        en = "Heroin, like cocaine, turns cobalt thiocyanate blue.",
      },
      correct = true,
      explanation = {
        ru = "Да. Поэтому после «кокаинового» синего всегда проводят тест на опиаты.",
        en = "Yes. That is why a \"cocaine\" blue is always followed by an opiate test.",
      },
    },

    -- C15: primary amines such as amphetamine do not turn blue with Simon's.
    truefalse {
      id = "simon_amph",
      prompt = {
        ru = "Тест Саймона даёт синий цвет с амфетамином.",
        en = "Simon's test turns blue with amphetamine.",
      },
      correct = false,
      explanation = {
        ru = "Синий цвет дают вторичные амины (метамфетамин, МДМА); амфетамин — первичный амин, синего цвета он не даёт.",
        en = "Secondary amines (methamphetamine, MDMA) turn blue; amphetamine is a primary amine and does not.",
      },
    },

    -- C23: Fast Blue B and cannabinoids; C3: Scott for cocaine, Simon's for amphetamines.
    single {
      id = "cannabis_reagent",
      prompt = {
        ru = "Какой реактив образует с каннабиноидами красные или фиолетово-коричневые красители?",
        en = "Which reagent forms red to violet-brown dyes with cannabinoids?",
      },
      choices = {
        { id = "fastblue", text = { ru = "Соль прочного синего Б", en = "Fast Blue B salt" } },
        { id = "scott", text = { ru = "Тест Скотта", en = "The Scott test" },
          feedback = { ru = "Тест Скотта — для кокаина.", en = "The Scott test is for cocaine." } },
        { id = "simon", text = { ru = "Реактив Саймона", en = "Simon's reagent" },
          feedback = { ru = "Реактив Саймона — для амфетаминов.", en = "Simon's reagent is for amphetamines." } },
      },
      correct = "fastblue",
      shuffle = true,
    },

    -- C8: Marquis does not react with cocaine; C9: violet with heroin; C10: orange with
    -- methamphetamine.
    single {
      id = "marquis_none",
      prompt = {
        ru = "С каким из этих веществ реактив Марки не реагирует?",
        en = "Which of these does Marquis reagent not react with?",
      },
      choices = {
        { id = "cocaine", text = { ru = "Кокаин", en = "Cocaine" } },
        { id = "heroin", text = { ru = "Героин", en = "Heroin" },
          feedback = { ru = "С героином — фиолетовый цвет.", en = "Heroin gives violet to purple." } },
        { id = "meth", text = { ru = "Метамфетамин", en = "Methamphetamine" },
          feedback = { ru = "С метамфетамином — оранжевый цвет.", en = "Methamphetamine gives orange." } },
      },
      correct = "cocaine",
      shuffle = true,
    },
  },
}
