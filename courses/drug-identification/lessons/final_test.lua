-- Lesson 8: the final test. Each attempt draws 12 of the 41 questions below (order and choices
-- shuffled by the attempt's seed), so neighbours see different tests. 20 minutes.

return lesson {
  id = "final_test",
  title = { ru = "Итоговый тест", en = "Final test" },
  objectives = {
    { ru = "Показать, что вы узнаёте наркотики и прекурсоры, правильно проводите и оцениваете экспресс-тесты и безопасно обращаетесь с изъятым", en = "Show that you can recognise drugs and precursors, run and read field tests correctly, and handle seized substances safely" },
  },
  pass_mark = 0.7,
  time_limit = 1200,
  screens = {
    info {
      id = "rules",
      title = { ru = "Итоговый тест", en = "Final test" },
      body = {
        bullets {
          { ru = "12 вопросов, по одной попытке на каждый", en = "12 questions, one try each" },
          { ru = "20 минут; когда время выйдет, неотвеченные вопросы не засчитываются", en = "20 minutes; when time runs out, unanswered questions score nothing" },
          { ru = "Для зачёта нужно 70 %", en = "You need 70% to pass" },
        },
      },
    },

    pool {
      id = "questions",
      draw = 12,
      items = {
        -- D1, D2
        truefalse {
          id = "f_white_heroin",
          prompt = { ru = "Белый гидрохлорид героина теперь производят и в Афганистане.", en = "White heroin hydrochloride is now also made in Afghanistan." },
          correct = true,
        },

        -- D4; D11; D13
        single {
          id = "f_morphine_base",
          prompt = { ru = "Как выглядит морфин-основание?", en = "What does morphine base look like?" },
          choices = {
            { id = "bricks", text = { ru = "Коричневая липкая паста, спрессованная в брикеты", en = "A brown, sticky paste pressed into bricks" } },
            { id = "white", text = { ru = "Белый кристаллический порошок", en = "A white crystalline powder" } },
            { id = "tablets", text = { ru = "Маленькие цветные таблетки", en = "Small coloured tablets" } },
          },
          correct = "bricks",
        },

        -- D12; D3; D8
        single {
          id = "f_ice",
          prompt = { ru = "Кристаллический метамфетамин («лёд») похож на…", en = "Crystal methamphetamine (\"ice\") looks like…" },
          choices = {
            { id = "glass", text = { ru = "осколки стекла или блестящие голубовато-белые камешки", en = "glass fragments or shiny, bluish-white rocks" } },
            { id = "lumps", text = { ru = "тёмно-коричневые зернистые комки", en = "dark-brown granular lumps" } },
            { id = "shredded", text = { ru = "измельчённую зелёно-серую растительную массу", en = "shredded, green-grey plant material" } },
          },
          correct = "glass",
        },

        -- D11; D8; D6
        single {
          id = "f_crack",
          prompt = { ru = "Небольшие бесформенные беловатые комочки типичны для…", en = "Small, irregular, whitish rocks are typical of…" },
          choices = {
            { id = "crack", text = { ru = "кокаина-основания («крэка»)", en = "cocaine base (\"crack\")" } },
            { id = "hashish", text = { ru = "гашиша", en = "hashish" } },
            { id = "opium", text = { ru = "опия", en = "opium" } },
          },
          correct = "crack",
        },

        -- D14
        truefalse {
          id = "f_captagon",
          prompt = { ru = "Изымаемый сегодня «каптагон» обычно содержит амфетамин, а не фенетиллин.", en = "The \"captagon\" seized today usually contains amphetamine rather than fenetylline." },
          correct = true,
        },

        -- D13; D8
        single {
          id = "f_yaba",
          prompt = { ru = "Что такое «яба»?", en = "What is yaba?" },
          choices = {
            { id = "meth_caffeine", text = { ru = "Метамфетамин с кофеином в маленьких круглых таблетках", en = "Methamphetamine with caffeine in small round tablets" } },
            { id = "resin", text = { ru = "Спрессованная смола каннабиса", en = "Pressed cannabis resin" } },
            { id = "heroin_caffeine", text = { ru = "Порошок героина с кофеином", en = "Heroin powder with caffeine" } },
          },
          correct = "meth_caffeine",
        },

        -- D14, D15 (verified part): logos are copied
        truefalse {
          id = "f_logo",
          prompt = { ru = "Знакомый логотип на таблетке говорит о том, что в ней содержится.", en = "A familiar logo on a tablet tells you what it contains." },
          correct = false,
          explanation = { ru = "Логотипы копируют; состав покажет только лаборатория.", en = "Logos are copied; only a laboratory can show what is inside." },
        },

        -- D8; D7; D5
        single {
          id = "f_hashish",
          prompt = { ru = "Гашиш — это…", en = "Hashish is…" },
          choices = {
            { id = "resin", text = { ru = "смола конопли, спрессованная в брикеты или плитки", en = "cannabis resin pressed into blocks or slabs" } },
            { id = "leaves", text = { ru = "высушенные листья и верхушки соцветий конопли", en = "the dried leaves and flowering tops of cannabis" } },
            { id = "latex", text = { ru = "высушенный млечный сок мака", en = "dried poppy latex" } },
          },
          correct = "resin",
        },

        -- D20, D21, D23, D25; D17, D18, D23 (rail is used)
        multiple {
          id = "f_concealment",
          prompt = { ru = "Где прятали наркотики? Отметьте все верные варианты.", en = "Where have drugs been hidden? Select all that apply." },
          choices = {
            { id = "tank", text = { ru = "В топливном баке легкового автомобиля", en = "In a car's fuel tank" } },
            { id = "onions", text = { ru = "Среди мешков с луком", en = "Among sacks of onions" } },
            { id = "rims", text = { ru = "В цилиндрах, вваренных в колёсные диски", en = "In cylinders welded inside tyre rims" } },
            { id = "floor", text = { ru = "Под полом пассажирского вагона", en = "Under the floor of a passenger carriage" } },
            { id = "no_trains", text = { ru = "Нигде в поездах: железную дорогу курьеры не используют", en = "Never on trains: couriers do not use the railways" } },
          },
          correct = { "tank", "onions", "rims", "floor" },
        },

        -- D24
        truefalse {
          id = "f_swallowed",
          prompt = { ru = "Проглоченные капсулы с наркотиком могут лопнуть и убить курьера.", en = "Swallowed drug capsules can burst and kill the courier." },
          correct = true,
        },

        -- D16
        single {
          id = "f_route",
          prompt = { ru = "Куда в основном ведёт Северный маршрут афганские опиаты?", en = "Where does the Northern Route mainly take Afghan opiates?" },
          choices = {
            { id = "russia", text = { ru = "В Российскую Федерацию", en = "To the Russian Federation" } },
            { id = "china", text = { ru = "В Китай", en = "To China" } },
            { id = "west_europe", text = { ru = "В Западную Европу", en = "To Western Europe" } },
          },
          correct = "russia",
        },

        -- C1
        truefalse {
          id = "f_evidence",
          prompt = { ru = "Результат экспресс-теста можно представить как доказательство без подтверждения лаборатории.", en = "A field-test result can be used as evidence without laboratory confirmation." },
          correct = false,
        },

        -- C5
        single {
          id = "f_neg_control",
          prompt = { ru = "Что показывает отрицательный контроль (только реактив, без образца)?", en = "What does a negative control (the reagent alone) show?" },
          choices = {
            { id = "clean", text = { ru = "Что посуда и инструмент чистые", en = "That the equipment is clean" } },
            { id = "reference", text = { ru = "Эталонный цвет наркотика", en = "The reference colour of the drug" } },
            { id = "strength", text = { ru = "Концентрацию наркотика в образце", en = "How concentrated the drug in the sample is" } },
          },
          correct = "clean",
        },

        -- C4
        single {
          id = "f_when",
          prompt = { ru = "Для чего проводят экспресс-тест?", en = "What is a field test for?" },
          choices = {
            { id = "backup", text = { ru = "Чтобы подкрепить уже возникшее подозрение", en = "To back up a suspicion you already have" } },
            { id = "create", text = { ru = "Чтобы найти повод для подозрения у любого пассажира", en = "To find a reason to suspect any passenger" } },
            { id = "replace_lab", text = { ru = "Чтобы обойтись без лаборатории", en = "To do without the laboratory" } },
          },
          correct = "backup",
        },

        -- C8
        truefalse {
          id = "f_marquis_cocaine",
          prompt = { ru = "Реактив Марки не реагирует с кокаином.", en = "Marquis reagent does not react with cocaine." },
          correct = true,
        },

        -- C9 (verified part); C10; C11
        single {
          id = "f_marquis_heroin",
          prompt = { ru = "Какой цвет обычно даёт реактив Марки с героином?", en = "What colour does Marquis reagent usually give with heroin?" },
          choices = {
            { id = "violet", text = { ru = "Фиолетовый, пурпурный", en = "Violet to purple" } },
            { id = "orange", text = { ru = "Оранжевый", en = "Orange" } },
            { id = "none", text = { ru = "Никакого: реакции нет", en = "None: no reaction" } },
          },
          correct = "violet",
        },

        -- C10; C3
        single {
          id = "f_amph_meth",
          prompt = { ru = "Реактив Марки дал оранжевый цвет. Какой тест отличит амфетамин от метамфетамина?", en = "Marquis gave orange. Which test tells amphetamine from methamphetamine?" },
          choices = {
            { id = "simon", text = { ru = "Тест Саймона", en = "Simon's test" } },
            { id = "scott", text = { ru = "Тест Скотта", en = "The Scott test" } },
            { id = "fastblue", text = { ru = "Соль прочного синего Б", en = "Fast Blue B salt" } },
          },
          correct = "simon",
        },

        -- C15; C11
        truefalse {
          id = "f_simon_meth",
          prompt = { ru = "Тест Саймона даёт синий цвет с метамфетамином.", en = "Simon's test turns blue with methamphetamine." },
          correct = true,
        },

        -- C17
        ordering {
          id = "f_scott",
          prompt = { ru = "Расположите этапы теста Скотта по порядку.", en = "Put the steps of the Scott test in order." },
          items = {
            { id = "cobalt", text = { ru = "Тиоцианат кобальта: частицы синеют", en = "Cobalt thiocyanate: the particles turn blue" } },
            { id = "acid", text = { ru = "Соляная кислота: жидкость снова розовая", en = "Hydrochloric acid: the liquid turns pink again" } },
            { id = "chloroform", text = { ru = "Хлороформ: нижний слой синий", en = "Chloroform: the lower layer is blue" } },
          },
          partial = false,
        },

        -- C19; C1
        single {
          id = "f_cobalt_blue",
          prompt = {
            ru = "Белый порошок из поезда Душанбе — Москва окрасил тиоцианат кобальта в синий. Что дальше?",
            en = "A white powder from a Dushanbe–Moscow train turns cobalt thiocyanate blue. What next?",
          },
          choices = {
            { id = "opiate_test", text = { ru = "Провести тест на опиаты: синий даёт и героин", en = "Run an opiate test: heroin turns it blue too" } },
            { id = "record", text = { ru = "Записать кокаин как установленный", en = "Record cocaine as identified" } },
            { id = "release", text = { ru = "Пропустить: тест ничего не доказывает", en = "Let it go: the test proves nothing" } },
          },
          correct = "opiate_test",
        },

        -- C18
        truefalse {
          id = "f_lidocaine",
          prompt = { ru = "Лидокаин — частый разбавитель кокаина — может дать положительный тест Скотта.", en = "Lidocaine, a common cocaine cutting agent, can make the Scott test positive." },
          correct = true,
        },

        -- C20
        numeric {
          id = "f_heat",
          prompt = { ru = "Выше какой температуры тест с тиоцианатом кобальта терял больше половины чувствительности?", en = "Above what temperature did the cobalt thiocyanate test lose more than half its sensitivity?" },
          answer = 40,
          unit = "°C",
        },

        -- C23
        truefalse {
          id = "f_spices",
          prompt = { ru = "Гвоздика, мускатный орех и имбирь могут реагировать с солью прочного синего Б почти как каннабис.", en = "Cloves, nutmeg and ginger can react with Fast Blue B salt much like cannabis." },
          correct = true,
        },

        -- C27, C29
        multiple {
          id = "f_safety",
          prompt = { ru = "Что из этого — правильная практика? Отметьте все верные варианты.", en = "Which of these are correct practice? Select all that apply." },
          choices = {
            { id = "eyes", text = { ru = "Защитные очки: большинство реактивов — сильные кислоты", en = "Eye protection: most reagents are strong acids" } },
            { id = "flush", text = { ru = "Пролитый реактив смыть водой", en = "Flush spilled reagent with water" } },
            { id = "bag", text = { ru = "Использованный набор упаковать в пакет или нейтрализовать", en = "Bag or neutralise a used test unit" } },
            { id = "sniff", text = { ru = "Понюхать порошок, чтобы проверить запах уксуса", en = "Sniff the powder to check for a vinegar smell" } },
          },
          correct = { "eyes", "flush", "bag" },
        },

        -- C29
        single {
          id = "f_ampoule",
          prompt = { ru = "Ломая ампулы экспресс-набора, набор держат…", en = "While breaking the ampoules of a test kit, you hold the unit…" },
          choices = {
            { id = "away", text = { ru = "подальше от лица", en = "away from your face" } },
            { id = "eyes", text = { ru = "у самых глаз, чтобы лучше видеть цвет", en = "close to your eyes, to see the colour better" } },
            { id = "table", text = { ru = "на краю стола, чтобы освободить руки", en = "on the edge of the table, to free your hands" } },
          },
          correct = "away",
        },

        -- C28
        single {
          id = "f_two_officers",
          prompt = { ru = "Что делает второй сотрудник при отборе проб?", en = "What does the second officer do during sampling?" },
          choices = {
            { id = "witness", text = { ru = "Присутствует как свидетель и маркирует пробы", en = "Witnesses and labels the samples" } },
            { id = "test", text = { ru = "Проводит экспресс-тесты параллельно", en = "Runs field tests at the same time" } },
            { id = "nothing", text = { ru = "Ничего: второй нужен только при крупных изъятиях", en = "Nothing: a second officer is only needed for large seizures" } },
          },
          correct = "witness",
        },

        -- C28
        truefalse {
          id = "f_prints",
          prompt = { ru = "Упаковку проверяют на отпечатки пальцев и ДНК до вскрытия.", en = "Packages are checked for fingerprints and DNA before they are opened." },
          correct = true,
        },

        -- P5; P9 (checked, see lesson 6); P10
        single {
          id = "f_aa",
          prompt = { ru = "Какой прекурсор превращает морфин в героин?", en = "Which precursor converts morphine into heroin?" },
          choices = {
            { id = "aa", text = { ru = "Уксусный ангидрид", en = "Acetic anhydride" } },
            { id = "kmno4", text = { ru = "Перманганат калия", en = "Potassium permanganate" } },
            { id = "ephedrine", text = { ru = "Эфедрин", en = "Ephedrine" } },
          },
          correct = "aa",
        },

        -- P6
        numeric {
          id = "f_aa_tonnes",
          prompt = { ru = "До скольких тонн уксусного ангидрида может уйти на тонну героина (по данным УНП ООН)?", en = "Up to how many tonnes of acetic anhydride can one tonne of heroin use (UNODC's figure)?" },
          answer = 2.5,
          tolerance = 0.3,
          unit = { ru = "т", en = "t" },
        },

        -- P3; P4; P2
        single {
          id = "f_pen",
          prompt = { ru = "Какая система передаёт предварительные уведомления об экспорте прекурсоров?", en = "Which system carries pre-export notifications for precursors?" },
          choices = {
            { id = "pen", text = { ru = "PEN Online", en = "PEN Online" } },
            { id = "pics", text = { ru = "PICS", en = "PICS" } },
            { id = "red_list", text = { ru = "«Красный список»", en = "The Red List" } },
          },
          correct = "pen",
        },

        -- P4; P3; P2
        single {
          id = "f_pics",
          prompt = { ru = "Через какую систему МККН сотрудники в реальном времени сообщают об изъятиях и остановленных поставках прекурсоров?", en = "Which INCB system lets officers share precursor seizures and stopped shipments in real time?" },
          choices = {
            { id = "pics", text = { ru = "PICS", en = "PICS" } },
            { id = "pen", text = { ru = "PEN Online", en = "PEN Online" } },
            { id = "red_list", text = { ru = "«Красный список»", en = "The Red List" } },
          },
          correct = "pics",
        },

        -- P15
        truefalse {
          id = "f_single_flag",
          prompt = { ru = "Одного тревожного признака достаточно, чтобы считать заказ химикатов попыткой утечки.", en = "One red flag is enough to treat a chemical order as an attempted diversion." },
          correct = false,
          explanation = { ru = "Решает совокупность обстоятельств.", en = "The totality of the circumstances decides." },
        },

        -- P16 (verified part); P15
        multiple {
          id = "f_red_flags",
          prompt = { ru = "Какие признаки заказа химикатов тревожные? Отметьте все верные варианты.", en = "Which signs in a chemical order are red flags? Select all that apply." },
          choices = {
            { id = "new_customer", text = { ru = "Новый клиент с неполными или противоречивыми сведениями", en = "A new customer with incomplete or inconsistent details" } },
            { id = "foreign_contact", text = { ru = "Контакты — в другой стране, чем сама компания", en = "Contact details in another country from the company's" } },
            { id = "end_use", text = { ru = "Нежелание называть конечное использование", en = "Reluctance to state the end use" } },
            { id = "regular", text = { ru = "Давний клиент заказывает обычное для себя количество", en = "A long-standing customer orders its usual quantity" } },
          },
          correct = { "new_customer", "foreign_contact", "end_use" },
        },

        -- P17
        truefalse {
          id = "f_counterfeit",
          prompt = { ru = "Химикаты, изъятые в Афганистане, находили в таре с поддельными этикетками производителя.", en = "Chemicals seized in Afghanistan have been found in containers with counterfeit manufacturer labels." },
          correct = true,
        },

        -- P11; P5; P9 (checked, see lesson 6)
        single {
          id = "f_apaan",
          prompt = { ru = "АФААН — пре-прекурсор…", en = "APAAN is a pre-precursor of…" },
          choices = {
            { id = "amph", text = { ru = "амфетамина и метамфетамина", en = "amphetamine and methamphetamine" } },
            { id = "heroin", text = { ru = "героина", en = "heroin" } },
            { id = "cocaine", text = { ru = "кокаина", en = "cocaine" } },
          },
          correct = "amph",
        },

        -- P10
        truefalse {
          id = "f_ephedrine",
          prompt = { ru = "Эфедрин и псевдоэфедрин — прекурсоры метамфетамина, которыми законно торгуют и в виде лекарств.", en = "Ephedrine and pseudoephedrine are methamphetamine precursors that are also traded legally as medicines." },
          correct = true,
        },

        -- P11
        truefalse {
          id = "f_apaan_table",
          prompt = { ru = "АФААН включён в Таблицу I с 2014 года.", en = "APAAN has been in Table I since 2014." },
          correct = true,
        },

        -- P9 (checked, see lesson 6); D12
        single {
          id = "f_kmno4",
          prompt = { ru = "Тёмно-фиолетовые кристаллы с синеватым металлическим блеском, задекларированные как дезинфицирующее средство, — это, скорее всего…", en = "Dark-purple crystals with a bluish metallic sheen, declared as a disinfectant, are most likely…" },
          choices = {
            { id = "kmno4", text = { ru = "перманганат калия — прекурсор кокаина", en = "potassium permanganate, a cocaine precursor" } },
            { id = "ice", text = { ru = "кристаллический метамфетамин", en = "crystal methamphetamine" } },
            { id = "hashish", text = { ru = "гашиш", en = "hashish" } },
          },
          correct = "kmno4",
        },

        -- D8
        hotspot {
          id = "f_find_herb",
          prompt = { ru = "Нажмите на марихуану (растительный каннабис).", en = "Click the herbal cannabis." },
          image = "images/seizure_table.png",
          width = 800,
          height = 450,
          regions = {
            { id = "herb", rect = { 48, 52, 200, 160 }, label = { ru = "Марихуана", en = "Herbal cannabis" } },
            { id = "hashish", rect = { 300, 52, 200, 160 }, label = { ru = "Гашиш", en = "Hashish" } },
            { id = "ice", rect = { 552, 52, 200, 160 }, label = { ru = "Кристаллический метамфетамин", en = "Crystal methamphetamine" } },
            { id = "bags", rect = { 48, 246, 200, 160 }, label = { ru = "Порошок в чёрных пакетах", en = "Powder in black bags" } },
            { id = "tablets", rect = { 300, 246, 200, 160 }, label = { ru = "Мелкие цветные таблетки", en = "Small coloured tablets" } },
            { id = "capsules", rect = { 552, 246, 200, 160 }, label = { ru = "Капсулы для проглатывания", en = "Capsules for swallowing" } },
          },
          correct = "herb",
        },

        -- C3
        matching {
          id = "f_test_for",
          prompt = { ru = "Сопоставьте тест и группу наркотиков.", en = "Match each test with its drug group." },
          pairs = {
            { id = "fastblue", left = { ru = "Соль прочного синего Б", en = "Fast Blue B salt" }, right = { ru = "Каннабис", en = "Cannabis" } },
            { id = "scott", left = { ru = "Тест Скотта", en = "Scott test" }, right = { ru = "Кокаин", en = "Cocaine" } },
            { id = "simon", left = { ru = "Реактив Саймона", en = "Simon's reagent" }, right = { ru = "Амфетамины", en = "Amphetamines" } },
            { id = "mecke", left = { ru = "Реактив Меке", en = "Mecke reagent" }, right = { ru = "Морфин, кодеин, героин", en = "Morphine, codeine, heroin" } },
          },
        },

        -- C12
        truefalse {
          id = "f_quinine",
          prompt = { ru = "Хинин может дать с реактивом Марки цвет, похожий на реакцию опиатов.", en = "Quinine can give Marquis a colour similar to that of opiates." },
          correct = true,
        },
      },
    },
  },
}
