-- Lesson 7: controlled delivery basics: the 1988 Convention's definition and Article 11, its
-- purpose, the questions to settle first, conditions and limits, and a short branching case on
-- what a frontline officer does when a controlled delivery might be possible.

local function go(map)
  return function(ctx, result)
    return map[result.answer]
  end
end

return lesson {
  id = "controlled_delivery",
  title = { ru = "Контролируемая поставка: основы", en = "Controlled delivery: the basics" },
  objectives = {
    { ru = "Объяснять, что такое контролируемая поставка и зачем она нужна", en = "Explain what a controlled delivery is and what it is for" },
    { ru = "Знать, какие вопросы решают до её начала и при каких условиях её проводят", en = "Know the questions settled before one starts and the conditions for it" },
    { ru = "Правильно действовать на первой линии, когда находка может стать контролируемой поставкой", en = "Act correctly at the front line when a find could become a controlled delivery" },
  },
  screens = {
    -- CD1: Article 1(g) of the 1988 Convention.
    info {
      id = "definition",
      title = { ru = "Что это такое", en = "What it is" },
      body = {
        para {
          ru = "Конвенция ООН о борьбе против незаконного оборота наркотических средств и психотропных веществ 1988 года (ст. 1, п. «g»): контролируемая поставка — это метод, при котором незаконные или подозрительные партии допускают к вывозу, провозу или ввозу на территорию одного или нескольких государств с ведома и под надзором их компетентных органов, чтобы установить лиц, участвующих в преступлениях, связанных с незаконным оборотом.",
          en = "The 1988 UN Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances, Article 1(g): a controlled delivery lets illicit or suspect consignments pass out of, through or into one or more countries, with the knowledge and under the supervision of their competent authorities, in order to identify the people involved in trafficking offences.",
        },
        para {
          ru = "Партии — это наркотики, вещества из Таблиц I и II (прекурсоры) или то, чем их заменили.",
          en = "The consignments may be drugs, substances in Tables I and II (precursors), or substitutes for them.",
        },
      },
    },

    -- CD2: Article 11(1); CD4: the same technique in UNTOC and UNCAC, and its purpose.
    info {
      id = "purpose",
      title = { ru = "Зачем и на каком основании", en = "Why, and on what basis" },
      body = {
        bullets {
          { ru = "Ст. 11(1): стороны разрешают надлежащее применение контролируемых поставок на международном уровне, если это позволяют основные принципы их правовых систем, — по взаимно согласованным договорённостям, чтобы установить преступников и привлечь их к ответственности", en = "Article 11(1): Parties permit appropriate use of controlled delivery at international level, where their basic legal principles allow, on mutually agreed arrangements, to identify offenders and take legal action against them" },
          { ru = "Тот же метод есть в Конвенции против транснациональной организованной преступности и в Конвенции против коррупции — его применяют и к оружию, объектам дикой природы, контрафакту, наличным деньгам", en = "The same technique is defined in the Conventions against Transnational Organized Crime and against Corruption, so it also serves for weapons, wildlife, counterfeits and cash" },
          { ru = "Цель — довести груз до настоящих организаторов и получателя, вскрыть сеть и собрать доказательства (в том числе того, что подозреваемые знали о грузе), а не задержать одного курьера", en = "The aim is to trace the goods to the real organisers and destination, map the network and gather evidence (including that suspects knowingly held the goods), rather than arrest only a courier" },
        },
      },
    },

    -- CD1: knowledge and supervision of the competent authorities.
    truefalse {
      id = "supervision",
      prompt = {
        ru = "Если сотрудник сам решил пропустить найденные наркотики, чтобы «посмотреть, куда поедут», это контролируемая поставка.",
        en = "If an officer decides alone to let a find go on \"to see where it goes\", that is a controlled delivery.",
      },
      correct = false,
      explanation = {
        ru = "Контролируемая поставка идёт с ведома и под надзором компетентных органов заинтересованных государств и по согласованным договорённостям.",
        en = "A controlled delivery runs with the knowledge and under the supervision of the competent authorities of the countries concerned, on agreed arrangements.",
      },
    },

    -- CD5: the questions UNODC says to settle first; CD6 (US Customs handbook part): consult prosecutors,
    -- substitute sham material.
    info {
      id = "before",
      title = { ru = "Что решают заранее", en = "What is settled first" },
      body = {
        bullets {
          { ru = "Разрешает ли национальный закон заменить контрабанду полностью или частично и примут ли записи об этом как доказательство?", en = "Does national law allow the contraband to be replaced, wholly or partly, and will records of that be accepted as evidence?" },
          { ru = "Какое ведомство руководит операцией?", en = "Which agency leads?" },
          { ru = "Каковы правовые предпосылки?", en = "What are the legal preconditions?" },
          { ru = "Нужна ли санкция суда или иного независимого органа?", en = "Is judicial or other independent authorisation needed?" },
        },
        para {
          ru = "Например, справочник специального агента Таможенной службы США предписывает советоваться с прокурором и описывает замену груза муляжом.",
          en = "The US Customs Special Agent Handbook, for example, calls for consulting prosecutors and describes substituting sham material for the goods.",
        },
      },
    },

    -- CD5: the four questions; the distractor is not among them.
    multiple {
      id = "questions",
      prompt = { ru = "Какие вопросы, по УНП ООН, нужно решить до контролируемой поставки? Отметьте все верные варианты.", en = "Which questions does UNODC say must be settled before a controlled delivery? Select all that apply." },
      choices = {
        { id = "replace", text = { ru = "Можно ли по закону заменить груз и будут ли записи доказательством", en = "Whether the law allows replacing the goods, and whether the records will count as evidence" } },
        { id = "lead", text = { ru = "Какое ведомство руководит", en = "Which agency leads" } },
        { id = "legal", text = { ru = "Правовые предпосылки", en = "The legal preconditions" } },
        { id = "court", text = { ru = "Нужна ли санкция суда или независимого органа", en = "Whether judicial or independent authorisation is needed" } },
        { id = "courier", text = { ru = "Согласен ли курьер", en = "Whether the courier agrees" },
          feedback = { ru = "Этого вопроса нет в перечне УНП ООН.", en = "That is not one of the questions UNODC lists." } },
      },
      correct = { "replace", "lead", "legal", "court" },
      shuffle = true,
    },

    -- CD7: Germany's conditions for cross-border controlled deliveries; CD8: refusal for excessive risk.
    info {
      id = "conditions",
      title = { ru = "Условия и пределы", en = "Conditions and limits" },
      body = {
        para { ru = "Пример — условия Германии для трансграничной контролируемой поставки:", en = "An example: Germany's conditions for a cross-border controlled delivery:" },
        bullets {
          { ru = "организаторов или каналы сбыта нельзя установить иначе", en = "the organisers or distribution routes cannot be identified any other way" },
          { ru = "наблюдение обеспечивает постоянный доступ к курьеру и грузу", en = "surveillance ensures continuous access to the courier and the goods" },
          { ru = "согласие каждого участвующего государства", en = "every state involved consents" },
          { ru = "государство-получатель гарантирует постоянный контроль и информирует Германию", en = "the receiving state guarantees continuous control and keeps Germany informed" },
        },
        para {
          ru = "Запрашиваемое государство может ограничить поставку или отказать в ней, если груз создаёт чрезмерный риск для перевозящих его людей или для населения.",
          en = "A requested state may limit or refuse a controlled delivery if the goods pose an excessive risk to the people carrying them or to the public.",
        },
      },
    },

    -- A branching case. CD4: purpose; CD1, CD2, CD5: a controlled delivery needs the knowledge and
    -- supervision of the competent authorities, on agreed arrangements, so they must be told.
    info {
      id = "case_intro",
      title = { ru = "Случай на посту", en = "A case at the post" },
      body = {
        para {
          ru = "При досмотре грузовика, который идёт транзитом в соседнюю страну, вы нашли за обшивкой кабины свёртки с порошком. Водитель стоит у машины с документами.",
          en = "Searching a lorry in transit to a neighbouring country, you find packages of powder behind the cab lining. The driver is standing by the lorry with his papers.",
        },
      },
    },

    single {
      id = "case_first",
      prompt = { ru = "Контролируемая поставка здесь возможна. Что вы делаете?", en = "A controlled delivery could be possible here. What do you do?" },
      choices = {
        { id = "report", text = { ru = "Немедленно докладываю по команде, чтобы компетентные органы решили вопрос о контролируемой поставке", en = "Report at once through the chain of command so that the competent authorities can decide on a controlled delivery" },
          feedback = { ru = "Верно: решение принимают компетентные органы, по закону и договорённостям с другими государствами.", en = "Right: the competent authorities decide, under the law and on arrangements with the other countries." } },
        { id = "let_go", text = { ru = "Сам пропускаю грузовик, чтобы проследить, куда он поедет", en = "Let the lorry go on my own initiative, to follow where it goes" },
          feedback = { ru = "Без ведома и надзора компетентных органов это не контролируемая поставка, а упущенная партия.", en = "Without the knowledge and supervision of the competent authorities this is not a controlled delivery but a lost consignment." } },
        { id = "arrest", text = { ru = "Сразу задерживаю водителя, никого не ставя в известность", en = "Arrest the driver straight away without telling anyone" },
          feedback = { ru = "Так вы остановитесь на курьере. Смысл контролируемой поставки — выйти на организаторов; решать это не вам одному.", en = "That stops at the courier. The point of a controlled delivery is to reach the organisers, and the decision is not yours alone." } },
      },
      correct = "report",
      wrong = "let_go",
      next = go({ report = "case_decision", let_go = "case_lost", arrest = "case_courier" }),
    },

    info {
      id = "case_lost",
      title = { ru = "Последствия", en = "What happens" },
      body = {
        para {
          ru = "Грузовик уходит без надзора. Никто по маршруту не знает о партии, наблюдения нет. Груз потерян, а вы отпустили наркотики.",
          en = "The lorry leaves unsupervised. Nobody along the route knows about the consignment, and there is no surveillance. The drugs are lost, and you let them go.",
        },
      },
      next = "case_decision",
    },

    info {
      id = "case_courier",
      title = { ru = "Последствия", en = "What happens" },
      body = {
        para {
          ru = "Водитель задержан. Он говорит, что его наняли «отвезти машину», и больше ничего не знает. Получатели в соседней стране остаются неизвестными.",
          en = "The driver is arrested. He says he was hired \"to drive the lorry\" and knows nothing more. The receivers in the neighbouring country remain unknown.",
        },
      },
      next = "case_decision",
    },

    -- CD1 (the consignment may be the drugs or substitutes), CD5 (national law on replacing them wholly
    -- or partly), CD6 (US Customs handbook: sham material). "Partly removed" (CD3, art. 11(3)) is left
    -- out: that wording is only partly verified.
    single {
      id = "case_decision",
      body = {
        para {
          ru = "Руководство решило рассмотреть контролируемую поставку. Государство назначения готово участвовать.",
          en = "Your command decides to consider a controlled delivery. The destination country is willing to take part.",
        },
      },
      prompt = { ru = "Что верно о самом грузе?", en = "What is true about the goods themselves?" },
      choices = {
        { id = "options", text = { ru = "Его могут оставить как есть или заменить полностью либо частично, например муляжом, — если это позволяет закон", en = "They may travel on as they are, or be replaced wholly or partly, for example with sham material, if the law allows" } },
        { id = "must_leave", text = { ru = "Наркотики всегда должны ехать дальше нетронутыми", en = "The drugs must always travel on untouched" },
          feedback = { ru = "Закон может разрешать полную или частичную замену; это один из вопросов, решаемых заранее.", en = "The law may allow replacing them wholly or partly; that is one of the questions settled first." } },
        { id = "must_replace", text = { ru = "Наркотики всегда заменяют полностью", en = "The drugs are always fully replaced" },
          feedback = { ru = "Замена возможна, но не обязательна: всё зависит от закона и договорённостей.", en = "Replacement is possible, not compulsory: it depends on the law and on what is agreed." } },
      },
      correct = "options",
      shuffle = true,
    },

    -- Short quiz. CD4: purpose.
    single {
      id = "q_purpose",
      title = { ru = "Короткий тест", en = "Short quiz" },
      prompt = { ru = "Главная цель контролируемой поставки:", en = "The main aim of a controlled delivery is to:" },
      choices = {
        { id = "network", text = { ru = "Выйти на организаторов и получателей и собрать доказательства", en = "Reach the organisers and receivers and gather evidence" } },
        { id = "courier", text = { ru = "Задержать курьера с поличным на границе", en = "Catch the courier red-handed at the border" } },
        { id = "quota", text = { ru = "Увеличить объём изъятий на посту", en = "Raise the post's seizure figures" } },
      },
      correct = "network",
      shuffle = true,
    },

    -- CD8: refusal for excessive risk.
    truefalse {
      id = "q_risk",
      prompt = {
        ru = "Государство может отказать в контролируемой поставке, если груз создаёт чрезмерный риск для людей или населения.",
        en = "A state may refuse a controlled delivery if the goods pose an excessive risk to people or the public.",
      },
      correct = true,
    },

    -- CD4: the technique also applies beyond drugs.
    multiple {
      id = "q_goods",
      prompt = { ru = "К чему, кроме наркотиков, применяют контролируемую поставку по конвенциям ООН? Отметьте все верные варианты.", en = "Besides drugs, what can a controlled delivery be used for under the UN Conventions? Select all that apply." },
      choices = {
        { id = "weapons", text = { ru = "Оружие", en = "Weapons" } },
        { id = "wildlife", text = { ru = "Объекты дикой природы", en = "Wildlife" } },
        { id = "cash", text = { ru = "Наличные деньги", en = "Cash" } },
        { id = "counterfeits", text = { ru = "Контрафакт", en = "Counterfeits" } },
        { id = "drugs_only", text = { ru = "Ни к чему: метод только для наркотиков", en = "Nothing: the method is for drugs only" } },
      },
      correct = { "weapons", "wildlife", "cash", "counterfeits" },
      shuffle = true,
    },
  },
}
