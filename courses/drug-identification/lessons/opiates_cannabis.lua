-- Lesson 1: the Northern Route, and how heroin, morphine base, opium, herbal cannabis and hashish
-- look, are packed and are hidden. Practice with feedback (two tries), then a three-question quiz.

-- The items on images/seizure_table.png (800 x 450), shared by the hotspot on this screen.
-- D8: herbal cannabis, hashish; D12: crystal methamphetamine; D22: powder in black polyethylene
-- bags; D13: small coloured yaba tablets; D24: capsules swallowed by couriers.
local function seizure_table_regions()
  return {
    { id = "herb", rect = { 48, 52, 200, 160 }, label = { ru = "Марихуана", en = "Herbal cannabis" },
      feedback = { ru = "Это марихуана: измельчённые зелёно-серые листья и соцветия.", en = "This is herbal cannabis: shredded, green-grey leaves and flowering tops." } },
    { id = "hashish", rect = { 300, 52, 200, 160 }, label = { ru = "Гашиш", en = "Hashish" },
      feedback = { ru = "Гашиш: смола, спрессованная в плотные плитки.", en = "Hashish: resin pressed into solid slabs." } },
    { id = "ice", rect = { 552, 52, 200, 160 }, label = { ru = "Кристаллический метамфетамин", en = "Crystal methamphetamine" },
      feedback = { ru = "Похожие на стекло голубовато-белые осколки — кристаллический метамфетамин.", en = "Glass-like, bluish-white fragments: crystal methamphetamine." } },
    { id = "bags", rect = { 48, 246, 200, 160 }, label = { ru = "Порошок в чёрных пакетах", en = "Powder in black bags" },
      feedback = { ru = "Порошок в чёрных полиэтиленовых пакетах: так был упакован героин, найденный в грузовике на таджикско-узбекской границе.", en = "Powder in black polyethylene bags: heroin found in a lorry on the Tajik–Uzbek border was packed like this." } },
    { id = "tablets", rect = { 300, 246, 200, 160 }, label = { ru = "Мелкие цветные таблетки", en = "Small coloured tablets" },
      feedback = { ru = "Мелкие цветные таблетки: так часто выглядит «яба» (метамфетамин с кофеином).", en = "Small coloured tablets: yaba (methamphetamine with caffeine) often looks like this." } },
    { id = "capsules", rect = { 552, 246, 200, 160 }, label = { ru = "Капсулы для проглатывания", en = "Capsules for swallowing" },
      feedback = { ru = "Такие капсулы курьеры проглатывают.", en = "Couriers swallow capsules like these." } },
  }
end

return lesson {
  id = "opiates_cannabis",
  title = { ru = "Опиаты и каннабис на Северном маршруте", en = "Opiates and cannabis on the Northern Route" },
  objectives = {
    { ru = "Описать, как афганские опиаты перемещаются по Северному маршруту", en = "Describe how Afghan opiates move along the Northern Route" },
    { ru = "Узнавать героин, морфин-основание и опий по внешнему виду", en = "Recognise heroin, morphine base and opium by how they look" },
    { ru = "Отличать марихуану от гашиша", en = "Tell herbal cannabis from hashish" },
    { ru = "Знать, как эти наркотики упаковывают и прячут", en = "Know how these drugs are packed and hidden" },
  },
  screens = {
    -- D16: the route and its countries; D17: UNODC 2012 estimate (2010 data); facts file,
    -- reliability note 5: routes and volumes have changed since, e.g. after the 2022 opium ban.
    info {
      id = "route",
      title = { ru = "Северный маршрут", en = "The Northern Route" },
      body = {
        image {
          file = "images/route_map.png",
          caption = {
            ru = "Схема Северного маршрута: AFG — Афганистан, TJK — Таджикистан, UZB — Узбекистан, KGZ — Кыргызстан, KAZ — Казахстан, RUS — Российская Федерация. Перевозки идут автомобильным и железнодорожным транспортом.",
            en = "The Northern Route as a diagram: AFG Afghanistan, TJK Tajikistan, UZB Uzbekistan, KGZ Kyrgyzstan, KAZ Kazakhstan, RUS Russian Federation. Consignments travel by road and rail.",
          },
          alt = {
            ru = "Стрелки от Афганистана к Таджикистану, далее через Узбекистан или Кыргызстан в Казахстан и Россию",
            en = "Arrows from Afghanistan to Tajikistan, then through Uzbekistan or Kyrgyzstan to Kazakhstan and Russia",
          },
        },
        para {
          ru = "По Северному маршруту афганские опиаты идут через Центральную Азию — в основном в Российскую Федерацию, в меньшей степени на рынки самой Центральной Азии. Большинство партий попадает в Таджикистан, затем идёт на север через Кыргызстан или Узбекистан в Казахстан и оттуда в Россию.",
          en = "The Northern Route carries Afghan opiates through Central Asia, mainly to the Russian Federation and, to a lesser extent, to Central Asian markets. Most consignments cross into Tajikistan, go north through Kyrgyzstan or Uzbekistan to Kazakhstan, and then enter Russia.",
        },
        bullets {
          { ru = "Оценка УНП ООН 2012 года: около 90 т героина в год — примерно четверть афганского экспорта — проходило через Центральную Азию", en = "UNODC's 2012 assessment: about 90 t of heroin a year, roughly a quarter of Afghan heroin exports, crossed Central Asia" },
          { ru = "В 2010 году органы стран региона изъяли менее 3 % этого объёма", en = "In 2010 the region's authorities seized less than 3% of it" },
          { ru = "70–75 % перевозилось автотранспортом, и наркоторговцы всё активнее использовали железную дорогу", en = "70–75% moved by road, and traffickers were using the railways more and more" },
        },
        para {
          ru = "Цифры относятся к 2010 году. С тех пор маршруты и объёмы менялись, в том числе после запрета опия в Афганистане в 2022 году.",
          en = "These figures describe 2010. Routes and volumes have changed since, for example after the 2022 Afghan opium ban.",
        },
      },
    },

    -- D1, D2: brown heroin base and white heroin hydrochloride; D22: white heroin powder seized on
    -- the Tajik–Uzbek border; D3: appearance, vinegar smell, solvent; C27: never sniff or taste.
    info {
      id = "heroin",
      title = { ru = "Героин: коричневый и белый", en = "Heroin: brown and white" },
      body = {
        para { ru = "Нелегальный героин встречается в двух основных формах:", en = "Illicit heroin comes in two common forms:" },
        bullets {
          { ru = "коричневый героин-основание — типичен для афганского (юго-западноазиатского) производства;", en = "brown heroin base, typical of Afghan (South-West Asian) production;" },
          { ru = "белый гидрохлорид героина (соль) — раньше поступал в основном из Юго-Восточной Азии, теперь его делают и в Афганистане, причём на простом оборудовании.", en = "white heroin hydrochloride (a salt), which came mainly from South-East Asia but is now also made in Afghanistan, with simple equipment." },
        },
        para {
          ru = "Цвет сам по себе не доказывает происхождение: на таджикско-узбекской границе в полуприцепе грузовика нашли 71 кг героина в виде белого порошка.",
          en = "Colour alone does not prove the origin: on the Tajik–Uzbek border, 71 kg of heroin in the form of a white powder was found in a lorry trailer.",
        },
        para {
          ru = "Героин бывает от тонкого белого порошка до тёмно-коричневых зернистых комков. Крупные партии часто пахнут уксусом — это остатки уксусной кислоты и уксусного ангидрида. Остатки растворителя могут сделать порошок на вид темнее, чем он есть.",
          en = "Heroin ranges from a fine white powder to dark-brown granular lumps. Bulk heroin often smells of vinegar, from acetic acid and acetic anhydride residues, and trapped solvent can make a powder look darker than it is.",
        },
        para {
          ru = "Запах уксуса можно заметить рядом со вскрытой упаковкой, но нюхать или пробовать подозрительное вещество для проверки нельзя никогда.",
          en = "You may notice a vinegar smell near an opened package, but never sniff or taste a suspected drug to check it.",
        },
      },
    },

    -- D5 ([C]; checked against https://en.lexipedia.org/wiki/Opium, a Wikipedia copy: opium is the
    -- dried latex of the opium poppy, from scored unripe capsules); D6: old opium; D4: morphine
    -- base; P5: acetic anhydride converts morphine into heroin.
    info {
      id = "poppy_to_heroin",
      title = { ru = "От мака до героина", en = "From poppy to heroin" },
      body = {
        image {
          file = "images/opiate_chain.png",
          caption = {
            ru = "Коробочка мака → опий → морфин-основание → героин (коричневый и белый). Для последнего этапа нужен уксусный ангидрид (бочка).",
            en = "Poppy capsule → opium → morphine base → heroin (brown and white). The last step needs acetic anhydride (the drum).",
          },
          alt = {
            ru = "Надрезанная коробочка мака, комок опия, брикет морфина-основания, две горки порошка",
            en = "A scored poppy capsule, a lump of opium, a brick of morphine base, two heaps of powder",
          },
        },
        bullets {
          { ru = "Опий — высушенный млечный сок опийного мака. Незрелые коробочки надрезают; выступивший сок, подсыхая, превращается в коричневатую липкую массу.", en = "Opium is the dried latex of the opium poppy. The unripe capsules are scored, and the milky latex that oozes out dries to a brownish, sticky mass." },
          { ru = "Старый опий-сырец может стать ломким и потерять сильный запах — даже лаборатории принимали его за приготовленный опий. Опытные таможенники часто верно определяют такой материал по виду и запаху.", en = "Old raw opium can turn brittle and lose its strong smell, so laboratories have mistaken it for prepared opium. Experienced customs officers often judge such material correctly by its look and smell." },
          { ru = "Морфин-основание — промежуточный продукт между опием и героином: коричневая липкая паста, которую прессуют в брикеты и сушат на солнце.", en = "Morphine base, the step between opium and heroin, is a brown, sticky paste pressed into bricks and dried in the sun." },
          { ru = "Уксусный ангидрид — ключевое вещество, которое превращает морфин в героин.", en = "Acetic anhydride is the key chemical that converts morphine into heroin." },
        },
      },
    },

    -- D1, D3: brown heroin; D11: cocaine hydrochloride is white; D12: crystal methamphetamine;
    -- C1, C4: appearance raises a suspicion, a test and a laboratory decide.
    single {
      id = "brown_powder",
      prompt = {
        ru = "В грузовике из Таджикистана — пакеты с коричневым зернистым порошком. Если судить только по внешнему виду, что это скорее всего?",
        en = "A lorry from Tajikistan carries bags of brown, granular powder. Going by its appearance alone, what is it most likely to be?",
      },
      choices = {
        { id = "heroin", text = { ru = "Героин-основание, типичный для афганского производства", en = "Heroin base, typical of Afghan production" } },
        { id = "cocaine", text = { ru = "Гидрохлорид кокаина", en = "Cocaine hydrochloride" },
          feedback = { ru = "Гидрохлорид кокаина — обычно белый кристаллический порошок.", en = "Cocaine hydrochloride is usually a white crystalline powder." } },
        { id = "ice", text = { ru = "Кристаллический метамфетамин", en = "Crystal methamphetamine" },
          feedback = { ru = "Кристаллический метамфетамин похож на осколки стекла или блестящие голубовато-белые камешки.", en = "Crystal methamphetamine looks like glass fragments or shiny, bluish-white rocks." } },
      },
      correct = "heroin",
      shuffle = true,
      attempts = 2,
      explanation = {
        ru = "Коричневый героин-основание типичен для афганского производства. Но внешний вид лишь даёт основание для подозрения: дальше — экспресс-тест, а установить вещество может только лаборатория.",
        en = "Brown heroin base is typical of Afghan production. Appearance only gives you a suspicion: a field test comes next, and only a laboratory can identify the substance.",
      },
    },

    -- D5, D4, P5: the production chain.
    ordering {
      id = "chain",
      prompt = {
        ru = "Расположите этапы по порядку — от поля до готового наркотика.",
        en = "Put the stages in order, from the field to the finished drug.",
      },
      items = {
        { id = "score", text = { ru = "Незрелые коробочки мака надрезают, выступает млечный сок", en = "Unripe poppy capsules are scored and the latex oozes out" } },
        { id = "opium", text = { ru = "Сок высыхает — получается опий", en = "The latex dries into opium" } },
        { id = "base", text = { ru = "Получают морфин-основание и прессуют его в брикеты", en = "Morphine base is made and pressed into bricks" } },
        { id = "heroin", text = { ru = "Уксусный ангидрид превращает морфин в героин", en = "Acetic anhydride converts the morphine into heroin" } },
      },
      attempts = 2,
      explanation = {
        ru = "Опий → морфин-основание → героин. Поэтому уксусный ангидрид — главный прекурсор героина (урок 6).",
        en = "Opium → morphine base → heroin. That is why acetic anhydride is the key precursor of heroin (lesson 6).",
      },
    },

    -- D7: herbal cannabis, leaves, flowering tops; D8 (verified part only): herb and hashish;
    -- D9: UNODC's first Afghanistan Cannabis Survey (2009 data, published 2010): 1,500–3,500 t,
    -- 145 against 40 kg/ha, hence the largest hashish producer (stated as that survey's finding).
    info {
      id = "cannabis",
      title = { ru = "Марихуана и гашиш", en = "Herbal cannabis and hashish" },
      body = {
        para {
          ru = "Марихуана (растительный каннабис) — высушенные листья и верхушки соцветий конопли (Cannabis sativa): измельчённая смесь соцветий и листьев зелёного или сероватого цвета.",
          en = "Herbal cannabis is the dried leaves and flowering tops of Cannabis sativa: a green-to-greyish, shredded mixture of flowers and leaves.",
        },
        bullets {
          { ru = "Листья сложные, из 5–11 пильчатых листочков", en = "The leaves are compound, with 5–11 serrated leaflets" },
          { ru = "Больше всего смолы и ТГК — в верхушках женских соцветий", en = "The female flowering tops hold the most resin and THC" },
          { ru = "Гашиш — смола растения, спрессованная в плотные брикеты или плитки", en = "Hashish is the plant's resin pressed into solid blocks or slabs" },
        },
        para {
          ru = "По оценке первого обследования каннабиса в Афганистане, проведённого УНП ООН (данные 2009 года, опубликовано в 2010 году), страна производила от 1 500 до 3 500 т гашиша в год; выход смолы — около 145 кг с гектара, против примерно 40 кг в Марокко. Это сделало Афганистан крупнейшим в мире производителем гашиша.",
          en = "UNODC's first Afghanistan Cannabis Survey (2009 data, published 2010) estimated 1,500–3,500 t of hashish a year, with a resin yield of about 145 kg per hectare against about 40 kg in Morocco. That made Afghanistan the world's largest hashish producer.",
        },
      },
    },

    -- D8: hashish is resin pressed into blocks or slabs.
    hotspot {
      id = "find_hashish",
      prompt = {
        ru = "На столе — предметы из нескольких изъятий. Нажмите на гашиш.",
        en = "The table holds items from several seizures. Click the hashish.",
      },
      image = "images/seizure_table.png",
      width = 800,
      height = 450,
      regions = seizure_table_regions(),
      correct = "hashish",
      attempts = 2,
      explanation = {
        ru = "Гашиш — спрессованная смола: плотные плитки или брикеты. Марихуана — рыхлая измельчённая растительная масса.",
        en = "Hashish is pressed resin: solid slabs or blocks. Herbal cannabis is loose, shredded plant material.",
      },
    },

    -- D22, D21, D20, D18, D23, D24, D10: concealments found in the region;
    -- D25: known methods from elsewhere (cover loads, tyre rims, split saddle tanks).
    info {
      id = "packing",
      title = { ru = "Как упаковывают и прячут", en = "How it is packed and hidden" },
      body = {
        heading { ru = "Автотранспорт", en = "Road" },
        bullets {
          { ru = "71 кг героина — белый порошок в 65 чёрных полиэтиленовых пакетах — в полуприцепе грузовика (пост «Фотехобод», таджикско-узбекская граница)", en = "71 kg of heroin, a white powder in 65 black polyethylene bags, in a lorry trailer (Fotehobod post, Tajik–Uzbek border)" },
          { ru = "230 кг героина в специально оборудованном тайнике между передней стенкой полуприцепа и кабиной (пост «Ойбек»); ранее опий и гашиш выдавали за партию картофеля", en = "230 kg of heroin in a purpose-built compartment between the front of the trailer and the cab (Oybek post); earlier, opium and hashish had been disguised as a load of potatoes" },
          { ru = "91 кг героина в пакетах среди 10 мешков лука — в автомобиле, шедшем из Таджикистана в сторону России", en = "91 kg of heroin in bags among 10 sacks of onions, in a car travelling from Tajikistan towards Russia" },
          { ru = "55 полиэтиленовых пакетов (28,3 кг) наркотиков в топливном баке автомобиля (Худжанд)", en = "55 plastic bags (28.3 kg) of drugs in a car's fuel tank (Khujand)" },
        },
        heading { ru = "Железная дорога", en = "Rail" },
        bullets {
          { ru = "Героин в пассажирских поездах Душанбе — Москва: например, 8 кг внутри вагона, изъятые пограничниками в Ташкенте в 2012 году", en = "Heroin on Dushanbe–Moscow passenger trains: for example, 8 kg hidden inside a carriage, seized by border guards in Tashkent in 2012" },
          { ru = "Под полом пассажирского вагона, внутри вагона-цистерны, в целлофановых пакетах под вагонами грузового поезда", en = "Under the floor of a passenger carriage, inside a tanker wagon, in cellophane bags under the wagons of a freight train" },
        },
        heading { ru = "На теле и в теле", en = "On and in the body" },
        bullets {
          { ru = "Национальная одежда со спрятанными в ней трубками с героином", en = "A traditional garment fitted with heroin-filled tubes" },
          { ru = "Проглоченные капсулы: курьер, собиравшийся лететь в Россию, погиб — из 98 проглоченных им капсул с героином лопнули около 20", en = "Swallowed capsules: a courier about to fly to Russia died when about 20 of the 98 heroin capsules he had swallowed burst" },
        },
        heading { ru = "Известные приёмы", en = "Known tricks" },
        bullets {
          { ru = "Пахучие грузы прикрытия — лук, капуста — маскируют запах наркотиков", en = "Strong-smelling cover loads, such as onions and cabbage, mask the drugs" },
          { ru = "Цилиндры, вваренные внутрь колёсных дисков", en = "Cylinders welded inside tyre rims" },
          { ru = "Седельные топливные баки, разделённые надвое: в одной половине топливо, в другой — наркотики", en = "Saddle fuel tanks split in two: fuel in one half, drugs in the other" },
        },
      },
    },

    -- D20, D21, D23: hiding places found in the region; D17, D18, D23: road and rail are both used.
    multiple {
      id = "hiding",
      prompt = {
        ru = "Какие из этих тайников обнаруживали в регионе? Отметьте все верные варианты.",
        en = "Which of these hiding places have been found in the region? Select all that apply.",
      },
      choices = {
        { id = "tank", text = { ru = "Топливный бак легкового автомобиля", en = "A car's fuel tank" } },
        { id = "onions", text = { ru = "Пакеты среди мешков с луком", en = "Bags among sacks of onions" } },
        { id = "wagons", text = { ru = "Пакеты под вагонами грузового поезда", en = "Bags under the wagons of a freight train" } },
        { id = "floor", text = { ru = "Под полом пассажирского вагона", en = "Under the floor of a passenger carriage" } },
        { id = "no_rail", text = { ru = "Нигде на железной дороге: её наркокурьеры не используют", en = "Nowhere on the railways: traffickers do not use them" },
          feedback = { ru = "Неверно: героин не раз находили в поездах Душанбе — Москва, а также под вагонами грузового поезда; использование железной дороги росло.", en = "No: heroin has repeatedly been found on Dushanbe–Moscow trains, and also under the wagons of a freight train; rail use was growing." } },
      },
      correct = { "tank", "onions", "wagons", "floor" },
      shuffle = true,
      attempts = 2,
      explanation = {
        ru = "Все четыре тайника — реальные случаи из Таджикистана и Узбекистана. Досматривать нужно и автотранспорт, и поезда.",
        en = "All four are real cases from Tajikistan and Uzbekistan. Search both road vehicles and trains.",
      },
    },

    info {
      id = "quiz",
      title = { ru = "Проверьте себя", en = "Check yourself" },
      body = { para { ru = "Три вопроса, по одной попытке на каждый.", en = "Three questions, one try each." } },
    },

    -- D1, D2, D22: white heroin is made in Afghanistan and seized on the route.
    truefalse {
      id = "white_heroin",
      prompt = {
        ru = "Афганский героин всегда коричневый, поэтому белый порошок на Северном маршруте не может быть афганским героином.",
        en = "Afghan heroin is always brown, so a white powder on the Northern Route cannot be Afghan heroin.",
      },
      correct = false,
      explanation = {
        ru = "Белый гидрохлорид героина теперь делают и в Афганистане, а героин в виде белого порошка изымали на таджикско-узбекской границе.",
        en = "White heroin hydrochloride is now also made in Afghanistan, and heroin as a white powder has been seized on the Tajik–Uzbek border.",
      },
    },

    -- D8, D4, D5, D6: what each substance looks like.
    matching {
      id = "looks",
      prompt = { ru = "Сопоставьте вещество и его описание.", en = "Match each substance with its description." },
      pairs = {
        { id = "herb", left = { ru = "Марихуана", en = "Herbal cannabis" },
          right = { ru = "Измельчённые листья и соцветия зелёного или сероватого цвета", en = "Green-to-greyish shredded leaves and flowering tops" } },
        { id = "hashish", left = { ru = "Гашиш", en = "Hashish" },
          right = { ru = "Смола, спрессованная в плотные брикеты или плитки", en = "Resin pressed into solid blocks or slabs" } },
        { id = "morphine", left = { ru = "Морфин-основание", en = "Morphine base" },
          right = { ru = "Коричневая липкая паста, спрессованная в брикеты и высушенная на солнце", en = "Brown, sticky paste pressed into bricks and dried in the sun" } },
        { id = "opium", left = { ru = "Опий", en = "Opium" },
          right = { ru = "Высушенный млечный сок мака; старый бывает ломким и теряет сильный запах", en = "Dried poppy latex; old material can turn brittle and lose its strong smell" } },
      },
    },

    -- D17: 70–75% of the heroin crossing Central Asia moved by road (2010).
    numeric {
      id = "road_share",
      prompt = {
        ru = "По оценке УНП ООН 2012 года, какая доля героина, проходившего через Центральную Азию, перевозилась автотранспортом? Укажите одно число.",
        en = "By UNODC's 2012 assessment, what share of the heroin crossing Central Asia moved by road? Give one number.",
      },
      answer = 72.5,
      tolerance = 2.5,
      unit = "%",
      explanation = {
        ru = "70–75 % — автотранспортом; использование железной дороги при этом росло.",
        en = "70–75% went by road, while the use of railways was growing.",
      },
    },
  },
}
