-- Lesson 2: how methamphetamine, amphetamine-type tablets (yaba, captagon) and cocaine look, and
-- why a tablet's logo or colour proves nothing. Practice with feedback, then a four-question quiz.

-- The items on images/seizure_table.png (800 x 450); the same drawing as in lesson 1.
-- D8: herbal cannabis, hashish; D12: crystal methamphetamine; D22: powder in black polyethylene
-- bags; D13: small coloured yaba tablets; D24: capsules swallowed by couriers.
local function seizure_table_regions()
  return {
    { id = "herb", rect = { 48, 52, 200, 160 }, label = { ru = "Марихуана", en = "Herbal cannabis" },
      feedback = { ru = "Это марихуана: измельчённые листья и соцветия.", en = "This is herbal cannabis: shredded leaves and flowering tops." } },
    { id = "hashish", rect = { 300, 52, 200, 160 }, label = { ru = "Гашиш", en = "Hashish" },
      feedback = { ru = "Это гашиш: спрессованная смола.", en = "This is hashish: pressed resin." } },
    { id = "ice", rect = { 552, 52, 200, 160 }, label = { ru = "Кристаллический метамфетамин", en = "Crystal methamphetamine" },
      feedback = { ru = "Верно: похожие на стекло голубовато-белые осколки.", en = "Right: glass-like, bluish-white fragments." } },
    { id = "bags", rect = { 48, 246, 200, 160 }, label = { ru = "Порошок в чёрных пакетах", en = "Powder in black bags" },
      feedback = { ru = "Это порошок в чёрных полиэтиленовых пакетах — так упаковывали героин.", en = "This is powder in black polyethylene bags, as heroin has been packed." } },
    { id = "tablets", rect = { 300, 246, 200, 160 }, label = { ru = "Мелкие цветные таблетки", en = "Small coloured tablets" },
      feedback = { ru = "Это мелкие цветные таблетки — похоже на «ябу»: метамфетамин, но в таблетках, а не в кристаллах.", en = "These are small coloured tablets, like yaba: methamphetamine, but as tablets, not crystals." } },
    { id = "capsules", rect = { 552, 246, 200, 160 }, label = { ru = "Капсулы для проглатывания", en = "Capsules for swallowing" },
      feedback = { ru = "Это капсулы, которые проглатывают курьеры.", en = "These are capsules that couriers swallow." } },
  }
end

return lesson {
  id = "synthetics_cocaine",
  title = { ru = "Метамфетамин, таблетки амфетаминового ряда и кокаин", en = "Methamphetamine, amphetamine-type tablets and cocaine" },
  objectives = {
    { ru = "Узнавать метамфетамин в виде порошка, таблеток и кристаллов", en = "Recognise methamphetamine as powder, pills and crystals" },
    { ru = "Узнавать таблетки «яба» и «каптагон» и объяснять, почему логотип ничего не доказывает", en = "Recognise yaba and captagon tablets, and explain why a logo proves nothing" },
    { ru = "Узнавать гидрохлорид кокаина и крэк", en = "Recognise cocaine hydrochloride and crack" },
  },
  screens = {
    -- D12: methamphetamine as pills, powder and crystal "ice"; P10: ephedrine and pseudoephedrine.
    info {
      id = "meth",
      title = { ru = "Метамфетамин", en = "Methamphetamine" },
      body = {
        para {
          ru = "Метамфетамин встречается в виде таблеток и порошка, а также в виде кристаллов.",
          en = "Methamphetamine comes as pills or powder, and as crystals.",
        },
        bullets {
          { ru = "Кристаллический метамфетамин («лёд») похож на осколки стекла или блестящие голубовато-белые камешки разного размера", en = "Crystal methamphetamine (\"ice\") looks like glass fragments or shiny, bluish-white rocks of various sizes" },
          { ru = "Его прекурсоры — в частности, эфедрин и псевдоэфедрин (урок 6)", en = "Its precursors include ephedrine and pseudoephedrine (lesson 6)" },
        },
      },
    },

    -- D12: crystal methamphetamine.
    hotspot {
      id = "find_ice",
      prompt = {
        ru = "На столе — предметы из нескольких изъятий. Нажмите на кристаллический метамфетамин.",
        en = "The table holds items from several seizures. Click the crystal methamphetamine.",
      },
      image = "images/seizure_table.png",
      width = 800,
      height = 450,
      regions = seizure_table_regions(),
      correct = "ice",
      attempts = 2,
      explanation = {
        ru = "«Лёд» — осколки, похожие на стекло, или блестящие голубовато-белые камешки.",
        en = "\"Ice\" is glass-like fragments or shiny, bluish-white rocks.",
      },
    },

    -- D13: yaba; D14: captagon, then and now; D14, D15 (verified part only): logos are copied,
    -- so a logo or colour never proves what a tablet contains.
    info {
      id = "tablets",
      title = { ru = "Таблетки: «яба» и «каптагон»", en = "Tablets: yaba and captagon" },
      body = {
        image {
          file = "images/tablets.png",
          caption = {
            ru = "Слева — таблетки типа «яба» с оттисками WY и R; в центре — белые таблетки с логотипом из двух полумесяцев; справа — простые жёлтые таблетки, похожие на лекарство.",
            en = "Left: yaba-type tablets stamped WY and R; centre: white tablets with a logo of two half-moons; right: plain yellow tablets that look like a medicine.",
          },
          alt = { ru = "Три лотка с таблетками", en = "Three trays of tablets" },
        },
        heading { ru = "«Яба»", en = "Yaba" },
        bullets {
          { ru = "Метамфетамин с кофеином, спрессованный в маленькие круглые таблетки массой около 0,1 г", en = "Methamphetamine mixed with caffeine, pressed into small round tablets of about 0.1 g" },
          { ru = "Чаще всего красные, розовые, оранжевые или салатовые, с оттиском «WY» или «R»; иногда пахнут ванилью", en = "Most often red, pink, orange or lime-green, stamped \"WY\" or \"R\"; sometimes they smell of vanilla" },
          { ru = "Новые жёлтые таблетки без запаха похожи на лекарство; их выдавали за таблетки для откорма скота", en = "Newer yellow, odourless tablets look like prescription pills and have been passed off as cattle-fattening tablets" },
        },
        heading { ru = "«Каптагон»", en = "Captagon" },
        bullets {
          { ru = "Каптагон — первоначально торговое название лекарства с фенетиллином: белые таблетки с логотипом из двух полумесяцев", en = "Captagon was the brand name of a fenetylline medicine: white tablets with a logo of two half-moons" },
          { ru = "Изымаемый сегодня «каптагон» — подпольно спрессованные таблетки с похожим логотипом; обычно в них амфетамин, часто с кофеином, а не фенетиллин", en = "The \"captagon\" seized today is clandestinely pressed tablets with a similar logo; they usually contain amphetamine, often with caffeine, rather than fenetylline" },
        },
        para {
          ru = "Логотипы копируют друг у друга разные производители. Ни логотип, ни цвет не доказывают, что содержится в таблетке.",
          en = "Producers copy each other's logos. A logo or a colour never proves what a tablet contains.",
        },
      },
    },

    -- D14: the classic captagon description (white, two half-moons).
    hotspot {
      id = "captagon_look",
      prompt = {
        ru = "Какие таблетки соответствуют классическому описанию каптагона? Нажмите на них.",
        en = "Which tablets match the classic description of captagon? Click them.",
      },
      image = "images/tablets.png",
      width = 800,
      height = 300,
      regions = {
        { id = "yaba", rect = { 20, 20, 240, 260 }, label = { ru = "Таблетки типа «яба»", en = "Yaba-type tablets" },
          feedback = { ru = "Маленькие цветные таблетки с «WY» и «R» — это описание «ябы».", en = "Small coloured tablets stamped WY and R: that is the description of yaba." } },
        { id = "captagon", rect = { 280, 20, 240, 260 }, label = { ru = "Белые таблетки с двумя полумесяцами", en = "White tablets with two half-moons" },
          feedback = { ru = "Да: белые таблетки с двумя полумесяцами.", en = "Yes: white tablets with two half-moons." } },
        { id = "yellow", rect = { 540, 20, 240, 260 }, label = { ru = "Жёлтые таблетки", en = "Yellow tablets" },
          feedback = { ru = "Жёлтые таблетки без логотипа похожи на новые варианты «ябы», которые маскируют под лекарство.", en = "Plain yellow tablets resemble the newer yaba disguised as medicine." } },
      },
      correct = "captagon",
      attempts = 2,
      explanation = {
        ru = "Классический каптагон — белые таблетки с двумя полумесяцами. Но сегодняшний «каптагон» обычно содержит амфетамин, а логотипы копируют: что в таблетках на самом деле, покажет только лаборатория.",
        en = "Classic captagon is white tablets with two half-moons. But today's \"captagon\" usually contains amphetamine, and logos are copied: only a laboratory can say what the tablets really contain.",
      },
    },

    -- D13: newer yellow, odourless yaba passed off as cattle-fattening tablets; most yaba is red,
    -- pink, orange or lime-green and only sometimes smells of vanilla.
    single {
      id = "yellow_pills",
      prompt = {
        ru = "В мешках, задекларированных как таблетки для откорма скота, — маленькие жёлтые таблетки без запаха, похожие на лекарство. Что нужно учитывать?",
        en = "Sacks declared as cattle-fattening tablets hold small, yellow, odourless tablets that look like a medicine. What do you keep in mind?",
      },
      choices = {
        { id = "yaba", text = { ru = "Именно так маскировали «ябу»: таблетки нужно проверить", en = "Yaba has been disguised exactly like this: the tablets need checking" } },
        { id = "colour", text = { ru = "«Яба» всегда красная или розовая, значит, жёлтые таблетки не опасны", en = "Yaba is always red or pink, so yellow tablets are harmless" },
          feedback = { ru = "Чаще всего «яба» красная, розовая, оранжевая или салатовая, но есть и новые жёлтые варианты.", en = "Most yaba is red, pink, orange or lime-green, but newer yellow versions exist." } },
        { id = "smell", text = { ru = "«Яба» всегда пахнет ванилью; у этих таблеток запаха нет, значит, это лекарство", en = "Yaba always smells of vanilla; these have no smell, so they are a medicine" },
          feedback = { ru = "Ванилью пахнет лишь часть «ябы»; новые жёлтые таблетки запаха не имеют.", en = "Only some yaba smells of vanilla; the newer yellow tablets are odourless." } },
      },
      correct = "yaba",
      shuffle = true,
      attempts = 2,
      explanation = {
        ru = "Новые жёлтые таблетки «ябы» без запаха похожи на лекарство, и их уже выдавали за таблетки для откорма скота.",
        en = "Newer yellow, odourless yaba looks like a medicine and has already been passed off as cattle-fattening tablets.",
      },
    },

    -- D11: cocaine hydrochloride and crack; C18: local anaesthetics (lidocaine, benzocaine) are
    -- common cutting agents and give false positives in the Scott test.
    info {
      id = "cocaine",
      title = { ru = "Кокаин", en = "Cocaine" },
      body = {
        bullets {
          { ru = "Гидрохлорид кокаина — обычно белый кристаллический порошок, часто разбавленный сахарами или местными анестетиками", en = "Cocaine hydrochloride is usually a white crystalline powder, often diluted (\"cut\") with sugars or local anaesthetics" },
          { ru = "Кокаин-основание («крэк») — небольшие бесформенные беловатые комочки", en = "Cocaine base (\"crack\") looks like small, irregular, whitish rocks" },
        },
        para {
          ru = "Запомните про разбавители: местные анестетики, например лидокаин и бензокаин, могут сами по себе дать положительный результат в тесте Скотта на кокаин (урок 4).",
          en = "Remember the cutting agents: local anaesthetics such as lidocaine and benzocaine can on their own make the Scott test for cocaine positive (lesson 4).",
        },
      },
    },

    -- D14: the logo does not show fenetylline; today's captagon usually holds amphetamine.
    truefalse {
      id = "logo",
      prompt = {
        ru = "Логотип из двух полумесяцев показывает, что в таблетке фенетиллин.",
        en = "A two-half-moons logo shows that a tablet contains fenetylline.",
      },
      correct = false,
      attempts = 2,
      explanation = {
        ru = "Изымаемый сегодня «каптагон» обычно содержит амфетамин, а логотипы копируют. Логотип не доказывает ничего.",
        en = "The captagon seized today usually contains amphetamine, and logos are copied. A logo proves nothing.",
      },
    },

    info {
      id = "quiz",
      title = { ru = "Проверьте себя", en = "Check yourself" },
      body = { para { ru = "Четыре вопроса, по одной попытке на каждый.", en = "Four questions, one try each." } },
    },

    -- D11: crack; D12: crystal methamphetamine; D4: morphine base.
    single {
      id = "crack",
      prompt = { ru = "Как выглядит кокаин-основание («крэк»)?", en = "What does cocaine base (\"crack\") look like?" },
      choices = {
        { id = "rocks", text = { ru = "Небольшие бесформенные беловатые комочки", en = "Small, irregular, whitish rocks" } },
        { id = "glass", text = { ru = "Осколки, похожие на стекло, голубовато-белые", en = "Glass-like, bluish-white fragments" },
          feedback = { ru = "Так выглядит кристаллический метамфетамин.", en = "That is crystal methamphetamine." } },
        { id = "paste", text = { ru = "Коричневая липкая паста в брикетах", en = "A brown, sticky paste in bricks" },
          feedback = { ru = "Так выглядит морфин-основание.", en = "That is morphine base." } },
      },
      correct = "rocks",
      shuffle = true,
    },

    -- D13: a yaba tablet weighs about 0.1 g.
    numeric {
      id = "yaba_weight",
      prompt = {
        ru = "Сколько примерно весит одна таблетка «ябы»?",
        en = "About how much does one yaba tablet weigh?",
      },
      answer = 0.1,
      tolerance = 0.02,
      unit = { ru = "г", en = "g" },
      explanation = {
        ru = "Около 0,1 г: это маленькие круглые таблетки.",
        en = "About 0.1 g: they are small round tablets.",
      },
    },

    -- D12, D13, D14, D11: forms of the synthetic drugs and cocaine.
    matching {
      id = "forms",
      prompt = { ru = "Сопоставьте наркотик и его типичный вид.", en = "Match each drug with how it typically looks." },
      pairs = {
        { id = "ice", left = { ru = "Кристаллический метамфетамин", en = "Crystal methamphetamine" },
          right = { ru = "Осколки стекла или блестящие голубовато-белые камешки", en = "Glass fragments or shiny, bluish-white rocks" } },
        { id = "yaba", left = { ru = "«Яба»", en = "Yaba" },
          right = { ru = "Маленькие красные, розовые, оранжевые или салатовые таблетки с «WY» или «R»", en = "Small red, pink, orange or lime-green tablets stamped WY or R" } },
        { id = "captagon", left = { ru = "Нынешний «каптагон»", en = "Today's captagon" },
          right = { ru = "Таблетки с логотипом из двух полумесяцев, обычно с амфетамином", en = "Tablets with a two-half-moons logo, usually containing amphetamine" } },
        { id = "cocaine", left = { ru = "Гидрохлорид кокаина", en = "Cocaine hydrochloride" },
          right = { ru = "Белый кристаллический порошок, часто с сахарами или местными анестетиками", en = "White crystalline powder, often cut with sugars or local anaesthetics" } },
      },
    },

    -- D12: methamphetamine also comes as pills and powder.
    truefalse {
      id = "meth_forms",
      prompt = {
        ru = "Метамфетамин встречается только в виде кристаллов.",
        en = "Methamphetamine only ever comes as crystals.",
      },
      correct = false,
      explanation = {
        ru = "Метамфетамин бывает и в таблетках, и в порошке; «яба» — это тоже метамфетамин.",
        en = "Methamphetamine also comes as pills and powder; yaba is methamphetamine too.",
      },
    },
  },
}
