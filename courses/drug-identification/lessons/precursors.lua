-- Lesson 6: precursor chemicals — the key ones for heroin, cocaine and methamphetamine, the
-- international control system (Tables I and II, the Red List, PEN Online, PICS), and the red
-- flags of suspicious orders and shipments. Practice with feedback, then a four-question quiz.

return lesson {
  id = "precursors",
  title = { ru = "Прекурсоры и подозрительные поставки", en = "Precursors and suspicious shipments" },
  objectives = {
    { ru = "Называть ключевые прекурсоры героина, кокаина и метамфетамина", en = "Name the key precursors of heroin, cocaine and methamphetamine" },
    { ru = "Объяснять, как устроен международный контроль: Таблицы I и II, «Красный список», PEN Online, PICS", en = "Explain the international controls: Tables I and II, the Red List, PEN Online, PICS" },
    { ru = "Распознавать признаки подозрительного заказа или груза", en = "Recognise the signs of a suspicious order or shipment" },
  },
  screens = {
    -- P1: Article 12, Tables I and II, CND on INCB's recommendation; P2: the Red List;
    -- D10: 18% of the Afghan police laboratory's samples in 2009 were precursor chemicals.
    info {
      id = "control",
      title = { ru = "Что такое прекурсоры и как их контролируют", en = "What precursors are and how they are controlled" },
      body = {
        para {
          ru = "Прекурсоры — химические вещества, необходимые для изготовления наркотиков. Статья 12 Конвенции ООН 1988 года о борьбе против незаконного оборота наркотических средств и психотропных веществ делит их на два списка:",
          en = "Precursors are the chemicals needed to make drugs. Article 12 of the 1988 UN Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances puts them in two lists:",
        },
        bullets {
          { ru = "Таблица I — вещества, как правило, более важные для изготовления наркотиков; по ним обязательства строже", en = "Table I: substances generally more critical to drug manufacture, with stricter obligations" },
          { ru = "Таблица II — остальные контролируемые вещества", en = "Table II: the other controlled substances" },
          { ru = "Вносит, исключает и переносит вещества между таблицами Комиссия по наркотическим средствам по рекомендации Международного комитета по контролю над наркотиками (МККН)", en = "The Commission on Narcotic Drugs, on the recommendation of the International Narcotics Control Board (INCB), adds, removes or moves substances between the Tables" },
        },
        para {
          ru = "МККН публикует «Красный список» всех веществ Таблиц I и II. По нему проверяют документы, сопровождающие партии химикатов, и определяют вещества, найденные в подпольных лабораториях.",
          en = "INCB publishes the Red List of all Table I and II substances. Officers use it to check the documents travelling with chemical consignments and to identify chemicals found in illicit laboratories.",
        },
        para {
          ru = "В лаборатории контрнаркотической полиции Афганистана в 2009 году 18 % исследованных образцов были прекурсорами.",
          en = "In 2009, 18% of the samples analysed by the Afghan counter-narcotics police laboratory were precursor chemicals.",
        },
      },
    },

    -- P5: acetic anhydride acetylates morphine into heroin; P6: up to ~2.5 t per tonne of heroin,
    -- ~640 t a year against ~2 million t of legal production; P7: 2008 seizures; P8 (verified part
    -- only): INCB recommended moving acetic anhydride to Table I in 2001; C2: precursor kits.
    info {
      id = "acetic_anhydride",
      title = { ru = "Уксусный ангидрид — прекурсор героина", en = "Acetic anhydride, the heroin precursor" },
      body = {
        bullets {
          { ru = "Уксусный ангидрид — ключевое вещество, превращающее (ацетилирующее) морфин в героин", en = "Acetic anhydride is the key chemical that converts (acetylates) morphine into heroin" },
          { ru = "По словам исполнительного директора УНП ООН, на тонну героина может уйти примерно до 2,5 т уксусного ангидрида", en = "UNODC's Executive Director wrote that a tonne of heroin can use up to about 2.5 t of acetic anhydride" },
          { ru = "Мировому производству героина нужно около 640 т в год — лишь около 0,03 % из примерно 2 млн т, которые легально производят для текстиля, обработки древесины, аспирина и модифицированного крахмала. Поэтому утечку так трудно заметить", en = "World heroin manufacture needs about 640 t a year, only about 0.03% of the roughly 2 million t made legally for textiles, wood treatment, aspirin and modified starch. That is why diversion is so hard to spot" },
          { ru = "В 2008 году благодаря международному сотрудничеству было остановлено или изъято около 220 т — более 15 % того, что, по оценкам, нужно для афганского героина", en = "In 2008 international cooperation stopped or seized about 220 t, more than 15% of the amount thought to be needed for Afghan heroin" },
          { ru = "В 2001 году МККН рекомендовал перенести уксусный ангидрид из Таблицы II в Таблицу I", en = "In 2001 INCB recommended moving acetic anhydride from Table II to Table I" },
          { ru = "Полевые наборы для прекурсоров УНП ООН проверяют уксусный ангидрид и перманганат калия", en = "UNODC's precursor field kits test for acetic anhydride and potassium permanganate" },
        },
      },
    },

    -- P9 (◐; appearance and disinfectant use [B]; the cocaine use is stated only as far as the
    -- sources checked by the author support it: Chemistry World, https://www.chemistryworld.com/news/drug-enforcement-hits-purple-patch/3001347.article,
    -- and SCMP 1999, http://www.scmp.com/article/297508/global-operation-stings-cocaine-manufacturers:
    -- an oxidising agent in cocaine production); P10: ephedrine, pseudoephedrine; P11: APAAN, P-2-P.
    info {
      id = "other_precursors",
      title = { ru = "Прекурсоры кокаина и метамфетамина", en = "Precursors of cocaine and methamphetamine" },
      body = {
        heading { ru = "Перманганат калия", en = "Potassium permanganate" },
        bullets {
          { ru = "Тонкие тёмно-фиолетовые, почти непрозрачные кристаллы с синеватым металлическим блеском", en = "Slender, dark-purple, almost opaque crystals with a bluish metallic sheen" },
          { ru = "Сильный окислитель; широко и законно применяется как дезинфицирующее средство", en = "A strong oxidising agent, widely and legally used as a disinfectant" },
          { ru = "Используется как окислитель при изготовлении кокаина", en = "It is used as an oxidising agent in cocaine manufacture" },
        },
        heading { ru = "Эфедрин и псевдоэфедрин", en = "Ephedrine and pseudoephedrine" },
        bullets {
          { ru = "Прекурсоры метамфетамина; на них приходится большая доля законной торговли веществами Таблицы I — и как сырьём, и в виде лекарств", en = "Methamphetamine precursors; they make up a large share of legal Table I trade, both as raw materials and as medicines" },
        },
        heading { ru = "АФААН и Ф-2-П", en = "APAAN and P-2-P" },
        bullets {
          { ru = "АФААН (альфа-фенилацетоацетонитрил) — непосредственный прекурсор 1-фенил-2-пропанона (Ф-2-П, BMK), а значит, пре-прекурсор амфетамина и метамфетамина", en = "APAAN (alpha-phenylacetoacetonitrile) is an immediate precursor of 1-phenyl-2-propanone (P-2-P, BMK), and so a pre-precursor of amphetamine and methamphetamine" },
          { ru = "Решением КНС 57/1 АФААН включён в Таблицу I с 6 октября 2014 года", en = "CND decision 57/1 placed APAAN in Table I from 6 October 2014" },
        },
      },
    },

    -- P5, P9 (checked as above), P10, P11.
    matching {
      id = "precursor_for",
      prompt = { ru = "Сопоставьте прекурсор и наркотик.", en = "Match each precursor with the drug." },
      pairs = {
        { id = "aa", left = { ru = "Уксусный ангидрид", en = "Acetic anhydride" }, right = { ru = "Героин", en = "Heroin" } },
        { id = "kmno4", left = { ru = "Перманганат калия", en = "Potassium permanganate" }, right = { ru = "Кокаин", en = "Cocaine" } },
        { id = "ephedrine", left = { ru = "Эфедрин, псевдоэфедрин", en = "Ephedrine, pseudoephedrine" }, right = { ru = "Метамфетамин", en = "Methamphetamine" } },
        { id = "apaan", left = { ru = "АФААН (через Ф-2-П)", en = "APAAN (via P-2-P)" }, right = { ru = "Амфетамин и метамфетамин", en = "Amphetamine and methamphetamine" } },
      },
      attempts = 2,
    },

    -- P6: up to about 2.5 t of acetic anhydride per tonne of heroin.
    numeric {
      id = "aa_per_tonne",
      prompt = {
        ru = "Сколько тонн уксусного ангидрида может уйти на одну тонну героина (по оценке УНП ООН)?",
        en = "How many tonnes of acetic anhydride can one tonne of heroin use up (UNODC's figure)?",
      },
      answer = 2.5,
      tolerance = 0.3,
      unit = { ru = "т", en = "t" },
      attempts = 2,
      explanation = {
        ru = "До 2,5 т уксусного ангидрида на тонну героина.",
        en = "Up to about 2.5 t of acetic anhydride per tonne of heroin.",
      },
    },

    -- P3: pre-export notification and PEN Online; P4: PICS.
    info {
      id = "pen_pics",
      title = { ru = "Уведомления и обмен информацией", en = "Notifications and information sharing" },
      body = {
        heading { ru = "Предварительное уведомление об экспорте (PEN Online)", en = "Pre-export notification (PEN Online)" },
        para {
          ru = "По статье 12(10)(а) страна может потребовать, чтобы её заранее уведомляли об экспорте веществ Таблицы I. Страна-экспортёр сообщает наименования и адреса экспортёра, импортёра и (если известен) грузополучателя, вещество, количество, предполагаемый пункт ввоза и дату отправки. Такие уведомления по веществам Таблиц I и II передаются через бесплатную защищённую систему МККН PEN Online.",
          en = "Under article 12(10)(a), a country may ask to be told in advance of exports of Table I substances. The exporting country then sends the names and addresses of the exporter, the importer and (if known) the consignee, the substance, the quantity, the expected point of entry and the dispatch date. INCB's free, secure PEN Online system carries these notifications for Table I and Table II shipments.",
        },
        heading { ru = "Система PICS", en = "PICS" },
        para {
          ru = "Система МККН PICS (система оповещения об инцидентах с прекурсорами) позволяет сотрудникам в реальном времени сообщать об изъятиях, остановленных поставках и найденных лабораториях. К 2016 году у неё было около 450 пользователей в 100 странах; 30 % инцидентов касались веществ, не находящихся под международным контролем.",
          en = "INCB's Precursors Incident Communication System (PICS) lets officers share seizures, stopped shipments and laboratory finds in real time. By 2016 it had about 450 users in 100 countries, and 30% of the incidents reported involved chemicals not under international control.",
        },
      },
    },

    -- P15: know your customer, totality of circumstances; P16 (verified part: the dual-use
    -- red flags, applied by analogy); P17: mislabelling, stopped shipments, company shopping,
    -- disguised/repackaged/counterfeit labels in Afghanistan; P18: stolen registration documents.
    info {
      id = "red_flags",
      title = { ru = "Подозрительные заказы и грузы", en = "Suspicious orders and shipments" },
      body = {
        para {
          ru = "«Знай своего клиента»: поставщик химикатов должен проверять покупателя и знать его обычные заказы, чтобы необычные сразу бросались в глаза. Ни один признак сам по себе не делает заказ подозрительным — решает совокупность обстоятельств.",
          en = "\"Know your customer\": chemical suppliers should check who their buyers are and know their normal orders, so that unusual ones stand out. No single indicator makes an order suspicious; the totality of the circumstances does.",
        },
        heading { ru = "Тревожные признаки (из практики экспортного контроля, применимы по аналогии)", en = "Red flags (from export-control practice, applicable by analogy)" },
        bullets {
          { ru = "новый клиент, сведения о котором неполны или противоречивы", en = "a new customer whose details are incomplete or inconsistent" },
          { ru = "конечный пользователь — лишь торговая компания или фирма в свободной экономической зоне", en = "an end user that is only a trading company, or is based in a free zone" },
          { ru = "покупатель не разбирается в продукте", en = "a buyer who lacks technical knowledge of the product" },
          { ru = "контактные данные — в другой стране, чем сама компания", en = "contact details in a different country from the company's" },
          { ru = "нежелание называть конечное использование", en = "reluctance to state the end use" },
        },
        heading { ru = "Что делают преступники", en = "What traffickers do" },
        bullets {
          { ru = "Неверно маркируют и декларируют контрабандные химикаты", en = "Mislabel or misdeclare smuggled chemicals" },
          { ru = "Химикаты, изъятые в Афганистане, были замаскированы, перефасованы или находились в таре с поддельными этикетками производителя", en = "Chemicals seized in Afghanistan had been disguised, repackaged, or put in containers with counterfeit manufacturer labels" },
          { ru = "Получив отказ, переходят к другому поставщику, в том числе в другой стране", en = "When refused, move on to another supplier, also across borders (\"company shopping\")" },
          { ru = "Заказывают уксусный ангидрид по незаконно полученным регистрационным документам настоящего дистрибьютора", en = "Order acetic anhydride with a real distributor's illegally obtained registration documents" },
        },
        para {
          ru = "МККН призывает расследовать предотвращённые утечки и остановленные поставки так же тщательно, как изъятия, и делиться сведениями о подозрительных заказах.",
          en = "INCB asks that thwarted diversions and stopped shipments get the same investigative attention as seizures, and that suspicious orders be shared.",
        },
      },
    },

    -- P17: mislabelled, repackaged and counterfeit-labelled chemicals.
    hotspot {
      id = "drums",
      prompt = {
        ru = "Партия «химикатов» по документам — четыре бочки одного производителя. Найдите два признака, из-за которых груз стоит сверить с документами особенно тщательно.",
        en = "By its documents, this chemical consignment is four drums from one maker. Find the two signs that call for a particularly careful check against the documents.",
      },
      image = "images/precursor_drums.png",
      width = 800,
      height = 420,
      regions = {
        { id = "relabelled", rect = { 295, 124, 110, 226 }, label = { ru = "Переклеенная этикетка", en = "Relabelled drum" },
          feedback = { ru = "Этикетка наклеена поверх другой: контрабандные химикаты часто неверно маркируют.", en = "A label stuck over another: smuggled chemicals are often mislabelled." } },
        { id = "jerrycans", rect = { 585, 100, 160, 262 }, label = { ru = "Канистры без маркировки", en = "Unmarked jerrycans" },
          feedback = { ru = "Канистры без маркировки рядом с заводскими бочками: химикаты перефасовывают.", en = "Unmarked jerrycans beside factory drums: chemicals get repackaged." } },
        { id = "drum1", rect = { 45, 124, 110, 226 }, label = { ru = "Заводская бочка", en = "Factory drum" },
          feedback = { ru = "Обычная заводская бочка с этикеткой и знаком опасности.", en = "An ordinary factory drum with its label and hazard sign." } },
        { id = "drum2", rect = { 170, 124, 110, 226 }, label = { ru = "Заводская бочка", en = "Factory drum" },
          feedback = { ru = "Обычная заводская бочка с этикеткой и знаком опасности.", en = "An ordinary factory drum with its label and hazard sign." } },
        { id = "drum4", rect = { 420, 124, 110, 226 }, label = { ru = "Заводская бочка", en = "Factory drum" },
          feedback = { ru = "Обычная заводская бочка с этикеткой и знаком опасности.", en = "An ordinary factory drum with its label and hazard sign." } },
      },
      correct = { "relabelled", "jerrycans" },
      attempts = 2,
      explanation = {
        ru = "Переклеенная этикетка и перефасовка — известные приёмы маскировки химикатов. Это не доказательство, а повод для проверки: документы, «Красный список», при необходимости — полевой набор для прекурсоров и лаборатория.",
        en = "A relabelled drum and repackaging are known ways of disguising chemicals. They are not proof but a reason to check: the documents, the Red List and, if needed, a precursor field kit and the laboratory.",
      },
    },

    -- P15: totality of circumstances, know your customer; P16 (verified part): the red flags;
    -- P17: suspicious orders should be shared; P6: legal trade is huge, diversion hard to spot.
    single {
      id = "order",
      prompt = {
        ru = "Недавно созданная торговая фирма из свободной экономической зоны заказывает уксусный ангидрид. Телефон — в другой стране, назвать конечное использование фирма не хочет. Как правильно оценить ситуацию?",
        en = "A newly set-up trading company in a free zone orders acetic anhydride. Its phone number is in another country, and it will not say what the chemical is for. How should you assess this?",
      },
      choices = {
        { id = "totality", text = { ru = "Несколько признаков сразу: заказ подозрителен — проверить покупателя и поделиться сведениями о заказе", en = "Several red flags together: the order is suspicious; check the buyer and share the information about the order" } },
        { id = "one_enough", text = { ru = "Хватило бы и одного признака: это доказанная попытка утечки", en = "Any one of these signs alone would prove an attempted diversion" },
          feedback = { ru = "Ни один признак сам по себе ничего не доказывает; важна совокупность.", en = "No single sign proves anything; what counts is the totality." } },
        { id = "nothing", text = { ru = "Законная торговля уксусным ангидридом огромна, значит, проверять бессмысленно", en = "Legal trade in acetic anhydride is huge, so checking is pointless" },
          feedback = { ru = "Именно поэтому утечку трудно заметить — и именно поэтому нужен принцип «знай своего клиента».", en = "That is exactly why diversion is hard to spot, and why \"know your customer\" matters." } },
      },
      correct = "totality",
      shuffle = true,
      attempts = 2,
    },

    info {
      id = "quiz",
      title = { ru = "Проверьте себя", en = "Check yourself" },
      body = { para { ru = "Четыре вопроса, по одной попытке на каждый.", en = "Four questions, one try each." } },
    },

    -- P1: Table I carries stricter obligations.
    truefalse {
      id = "table1",
      prompt = {
        ru = "По веществам Таблицы I обязательства строже, чем по веществам Таблицы II.",
        en = "Table I substances carry stricter obligations than Table II substances.",
      },
      correct = true,
    },

    -- P3: PEN Online; P4: PICS; P2: the Red List.
    single {
      id = "pen",
      prompt = {
        ru = "Через какую систему страны передают предварительные уведомления об экспорте прекурсоров?",
        en = "Through which system do countries send pre-export notifications for precursors?",
      },
      choices = {
        { id = "pen", text = { ru = "PEN Online", en = "PEN Online" } },
        { id = "pics", text = { ru = "PICS", en = "PICS" },
          feedback = { ru = "PICS — для обмена сведениями об инцидентах: изъятиях, остановленных поставках, лабораториях.", en = "PICS is for sharing incidents: seizures, stopped shipments, laboratories." } },
        { id = "red_list", text = { ru = "«Красный список»", en = "The Red List" },
          feedback = { ru = "«Красный список» — это перечень контролируемых веществ, а не система уведомлений.", en = "The Red List is the list of controlled substances, not a notification system." } },
      },
      correct = "pen",
      shuffle = true,
    },

    -- P5: acetic anhydride (typed answer).
    text_entry {
      id = "name_aa",
      prompt = {
        ru = "Назовите вещество, которое превращает морфин в героин.",
        en = "Name the chemical that converts morphine into heroin.",
      },
      accept = { "уксусный ангидрид", "ангидрид уксусной кислоты", "acetic anhydride" },
      explanation = { ru = "Уксусный ангидрид.", en = "Acetic anhydride." },
    },

    -- P17: stopped shipments deserve the same attention as seizures.
    truefalse {
      id = "stopped",
      prompt = {
        ru = "Если поставку удалось остановить до утечки, расследовать её уже не нужно.",
        en = "Once a shipment has been stopped before diversion, there is no need to investigate it.",
      },
      correct = false,
      explanation = {
        ru = "МККН просит расследовать остановленные поставки так же тщательно, как изъятия, и делиться сведениями о подозрительных заказах.",
        en = "INCB asks for stopped shipments to get the same investigative attention as seizures, and for suspicious orders to be shared.",
      },
    },
  },
}
