-- Lesson 5: risk indicators for travellers, vehicles and cargo, taught through three branching
-- scenarios. Each decision sends the trainee on: a sound choice moves the case forward, a poor one
-- shows its consequence first. Places and people in the scenarios are invented; the rules are cited.

-- The screen that follows a choice, from a table of choice id -> screen id.
local function go(map)
  return function(ctx, result)
    return map[result.answer]
  end
end

return lesson {
  id = "risk_indicators",
  title = { ru = "Индикаторы риска: сценарии", en = "Risk indicators: scenarios" },
  objectives = {
    { ru = "Применять профилирование рисков: проверять, соответствуют ли транспорт, багаж и вещи заявленной цели поездки", en = "Apply risk profiling: check that the vehicle, luggage and belongings fit the stated purpose of the trip" },
    { ru = "Задавать открытые, закрытые и уточняющие вопросы и замечать несоответствия", en = "Use open, closed and clarifying questions and notice inconsistencies" },
    { ru = "Опираться на несколько объективных индикаторов, а не на внешность или национальность", en = "Rely on several objective indicators, never on appearance or ethnicity" },
  },
  screens = {
    -- V7: what OSCE/BOMCA risk-profiling training teaches; V8: why single traits fail.
    info {
      id = "basics",
      title = { ru = "Профилирование рисков", en = "Risk profiling" },
      body = {
        bullets {
          { ru = "Соответствуют ли транспорт, багаж и вещи человека заявленной цели поездки?", en = "Do the vehicle, the luggage and the traveller's belongings fit the stated purpose of the trip?" },
          { ru = "Проверка документов", en = "Document checks" },
          { ru = "Вербальное и невербальное поведение, несоответствия в рассказе", en = "Verbal and non-verbal behaviour, and inconsistencies in the story" },
          { ru = "Вопросы: открытые, закрытые и уточняющие", en = "Questions: open, closed and clarifying" },
        },
        para {
          ru = "Одного признака мало. В американских «профилях курьера» встречались взаимоисключающие признаки: слишком нервный и слишком спокойный, билет в один конец и туда-обратно. Оценивайте несколько объективных индикаторов вместе с оперативной информацией — и никогда не внешность или национальность.",
          en = "One trait is not enough. US \"courier profiles\" held opposite traits: too nervous and too calm, one-way and return tickets. Weigh several objective indicators together with intelligence, and never appearance or ethnicity.",
        },
      },
    },

    -- Scenario 1: a traveller in a car. V5: odour masking; V7: purpose, luggage, behaviour.
    info {
      id = "s1_intro",
      title = { ru = "Сценарий 1. Легковой автомобиль", en = "Scenario 1. A car" },
      body = {
        para {
          ru = "Вечер, автомобильный пункт пропуска. Мужчина один за рулём. Говорит, что едет к родственникам на две недели. На заднем сиденье одна маленькая сумка. В салоне сильно пахнет ароматизатором. Документы в порядке.",
          en = "Evening at a road crossing. A man is driving alone. He says he is visiting relatives for two weeks. There is one small bag on the back seat. The car smells strongly of air freshener. His documents are in order.",
        },
      },
    },

    -- V7: documents are only one part; questions come next. V8: never ethnicity.
    single {
      id = "s1_first",
      prompt = { ru = "Что вы делаете сначала?", en = "What do you do first?" },
      choices = {
        { id = "ask", text = { ru = "Задаю открытые вопросы о поездке: к кому, куда, чем он занимается", en = "Ask open questions about the trip: whom he is visiting, where, what he does for a living" },
          feedback = { ru = "Правильно: рассказ и вещи надо сверить с заявленной целью.", en = "Right: his story and belongings must be checked against the stated purpose." } },
        { id = "wave", text = { ru = "Пропускаю: документы в порядке", en = "Let him go: the documents are in order" },
          feedback = { ru = "Документы — лишь часть проверки. Цель поездки, багаж и поведение вы не оценили.", en = "Documents are only one part. You have not weighed the purpose, the luggage or his behaviour." } },
        { id = "profile", text = { ru = "Отправляю машину на полный досмотр: люди его национальности часто возят наркотики", en = "Send the car for a full search: people of his ethnic group often carry drugs" },
          feedback = { ru = "Национальность — не индикатор риска. Так вы ошибётесь и с виновными, и с невиновными.", en = "Ethnicity is not a risk indicator. It misleads you about the guilty and the innocent alike." } },
      },
      correct = "ask",
      wrong = "profile",
      next = go({ ask = "s1_story", wave = "s1_missed", profile = "s1_profile" }),
    },

    -- V8: a consequence of choosing by ethnicity.
    info {
      id = "s1_profile",
      title = { ru = "Последствия", en = "What happens" },
      body = {
        para {
          ru = "Старший смены останавливает вас: основанием для досмотра служат объективные индикаторы, а не национальность. Вы возвращаетесь к водителю и начинаете с вопросов.",
          en = "Your shift supervisor stops you: a search rests on objective indicators, not on ethnicity. You go back to the driver and start with questions.",
        },
      },
      next = "s1_story",
    },

    -- V7: inconsistent story, belongings that do not fit the purpose.
    info {
      id = "s1_story",
      title = { ru = "Разговор", en = "The conversation" },
      body = {
        para {
          ru = "Он едет «к сестре», но не может назвать её район. Говорит, что он торговец, но товара и документов на товар нет. На уточняющий вопрос о двух неделях отвечает, что одежду купит на месте.",
          en = "He is visiting \"his sister\" but cannot name her district. He says he is a trader, but carries no goods and no papers for goods. Asked again about the two weeks, he says he will buy clothes there.",
        },
      },
    },

    -- V5, V7: indicators; V8: ethnicity and a single trait are not.
    multiple {
      id = "s1_indicators",
      prompt = { ru = "Какие индикаторы риска у вас есть? Отметьте все верные варианты.", en = "Which risk indicators do you have? Select all that apply." },
      choices = {
        { id = "luggage", text = { ru = "Багаж не соответствует поездке на две недели", en = "The luggage does not fit a two-week trip" } },
        { id = "story", text = { ru = "Рассказ непоследователен", en = "His story is inconsistent" } },
        { id = "freshener", text = { ru = "Сильный запах ароматизатора", en = "The heavy smell of air freshener" } },
        { id = "ethnicity", text = { ru = "Его национальность", en = "His ethnic group" },
          feedback = { ru = "Национальность индикатором не является.", en = "Ethnicity is not an indicator." } },
      },
      correct = { "luggage", "story", "freshener" },
      shuffle = true,
      explanation = {
        ru = "Несколько объективных индикаторов указывают в одну сторону: это основание для углублённой проверки.",
        en = "Several objective indicators point the same way: that is a reason for a detailed check.",
      },
    },

    -- S13: doubtful cases go to secondary inspection; V1, V2: a search covers natural voids too.
    single {
      id = "s1_decide",
      prompt = { ru = "Что дальше?", en = "What now?" },
      choices = {
        { id = "refer", text = { ru = "Направляю автомобиль на углублённый досмотр по полному перечню мест", en = "Refer the car for a detailed search of every place on the checklist" } },
        { id = "bag", text = { ru = "Досматриваю только сумку и отпускаю", en = "Search only the bag, then let him go" },
          feedback = { ru = "Тайник может быть в любой полости автомобиля: в дверях, нише запасного колеса.", en = "A hiding place can be in any void of the car: the doors, the spare-wheel well." } },
        { id = "warn", text = { ru = "Отпускаю с предупреждением", en = "Let him go with a warning" } },
      },
      correct = "refer",
      wrong = "bag",
      next = go({ refer = "s1_found", bag = "s1_missed", warn = "s1_missed" }),
    },

    -- V1: door panels are a natural void.
    info {
      id = "s1_found",
      title = { ru = "Результат", en = "The outcome" },
      body = {
        para {
          ru = "При углублённом досмотре в полостях задних дверных панелей находят свёртки. Дверные панели — естественная полость, и полный досмотр её обязательно охватывает.",
          en = "The detailed search finds packages inside the rear door panels. Door panels are a natural void, and a full search always covers them.",
        },
      },
      next = "s2_intro",
    },

    info {
      id = "s1_missed",
      title = { ru = "Последствия", en = "What happens" },
      body = {
        para {
          ru = "Автомобиль уезжает. Через два дня его задерживают в соседней стране: свёртки были в задних дверных панелях. Индикаторы были у вас перед глазами.",
          en = "The car drives on. Two days later it is stopped in the next country: there were packages in the rear door panels. The indicators were there in front of you.",
        },
      },
      next = "s2_intro",
    },

    -- Scenario 2: a lorry with a cover load. D21, D25: onions as a cover load.
    info {
      id = "s2_intro",
      title = { ru = "Сценарий 2. Грузовик с луком", en = "Scenario 2. A lorry of onions" },
      body = {
        para {
          ru = "Седельный тягач с полуприцепом идёт на север, в Россию. Груз по документам — лук в мешках. Документы в порядке, водитель спокоен и приветлив.",
          en = "A tractor unit with a semi-trailer is heading north to Russia. The declared load is onions in sacks. The papers are in order; the driver is calm and friendly.",
        },
      },
    },

    -- D25: strong-smelling cover loads; D21, D22: onions and potatoes as cover; V8: calm is no sign.
    single {
      id = "s2_cargo",
      prompt = { ru = "Как вы оцениваете этот груз?", en = "How do you read this load?" },
      choices = {
        { id = "cover", text = { ru = "Пахучий груз — известное прикрытие для наркотиков. Осматриваю полуприцеп внимательнее", en = "A strong-smelling load is a known cover for drugs. I look at the trailer more closely" },
          feedback = { ru = "Верно: лук и капусту выбирают, чтобы перебить запах наркотиков.", en = "Right: onions and cabbage are chosen to mask the smell of drugs." } },
        { id = "calm", text = { ru = "Водитель спокоен — значит, риска нет", en = "The driver is calm, so there is no risk" },
          feedback = { ru = "Спокойствие само по себе ничего не значит: в «профилях» встречались и «слишком нервный», и «слишком спокойный».", en = "Calm on its own means nothing: \"profiles\" have listed both \"too nervous\" and \"too calm\"." } },
        { id = "vegetables", text = { ru = "Овощи — дешёвый груз, риск низкий", en = "Vegetables are a cheap load, so the risk is low" },
          feedback = { ru = "Героин находили среди мешков лука, а опий и гашиш — под видом картофеля.", en = "Heroin has been found among sacks of onions, and opium and hashish disguised as potatoes." } },
      },
      correct = "cover",
      wrong = "calm",
      next = go({ cover = "s2_trailer", calm = "s2_missed", vegetables = "s2_missed" }),
    },

    -- V2, V3: inside and outside dimensions, rivets.
    single {
      id = "s2_trailer",
      body = {
        para {
          ru = "Вы открываете задние двери. Мешки стоят плотно до передней стенки, но кажется, что отсек короче, чем полуприцеп снаружи. Заклёпки на передней стенке выглядят новее остальных.",
          en = "You open the rear doors. The sacks are packed tight up to the front wall, but the load space seems shorter than the trailer looks from outside. The rivets on the front wall look newer than the rest.",
        },
      },
      prompt = { ru = "Что вы делаете?", en = "What do you do?" },
      choices = {
        { id = "measure", text = { ru = "Измеряю длину отсека снаружи и изнутри и осматриваю переднюю стенку", en = "Measure the load space outside and inside and examine the front wall" },
          feedback = { ru = "Верно: так находят ложные стенки.", en = "Right: that is how false walls are found." } },
        { id = "ask_driver", text = { ru = "Спрашиваю водителя, нет ли тайника, и верю ответу", en = "Ask the driver whether there is a compartment and accept the answer" },
          feedback = { ru = "Ответ водителя проверку не заменяет.", en = "The driver's answer is no substitute for a check." } },
        { id = "release", text = { ru = "Пропускаю: полуприцепы бывают разные", en = "Let it go: trailers differ" } },
      },
      correct = "measure",
      next = go({ measure = "s2_found", ask_driver = "s2_missed", release = "s2_missed" }),
    },

    -- D22: a compartment between the front of the trailer and the cab.
    info {
      id = "s2_found",
      title = { ru = "Результат", en = "The outcome" },
      body = {
        para {
          ru = "Внутренняя длина заметно меньше наружной. За передней стенкой — специально оборудованный тайник. Вспомните реальное дело на посту «Ойбек»: 230 кг героина в тайнике между передней частью полуприцепа и кабиной водителя.",
          en = "The inside length is clearly shorter than the outside. Behind the front wall is a purpose-built compartment. Remember the real case at the \"Oybek\" post: 230 kg of heroin in a purpose-built compartment between the front of a trailer and the driver's cab.",
        },
      },
      next = "s3_intro",
    },

    info {
      id = "s2_missed",
      title = { ru = "Последствия", en = "What happens" },
      body = {
        para {
          ru = "Грузовик уходит. Позже выясняется, что за передней стенкой полуприцепа был тайник. Пахучий груз и разница в размерах были индикаторами, которые стоило проверить.",
          en = "The lorry leaves. Later it turns out there was a compartment behind the trailer's front wall. The strong-smelling load and the difference in size were indicators worth checking.",
        },
      },
      next = "s3_intro",
    },

    -- Scenario 3: bus passengers. V8: never ethnicity; V7: purpose and luggage; M6: check digits.
    info {
      id = "s3_intro",
      title = { ru = "Сценарий 3. Пассажиры автобуса", en = "Scenario 3. Bus passengers" },
      body = {
        para {
          ru = "Рейсовый автобус. Коллега говорит: «Досмотри молодых парней оттуда — они всегда курьеры».",
          en = "A scheduled bus. A colleague tells you: \"Search the young men from over there. They are always couriers.\"",
        },
        bullets {
          { ru = "Пассажир А: молодой человек, едет к семье на праздники, в сумке одежда и подарки — всё сходится с его словами", en = "Passenger A: a young man going to his family for the holidays; his bag holds clothes and presents, just as he says" },
          { ru = "Пассажирка Б: говорит, что едет туристом на неделю, но с собой только дамская сумка; контрольная цифра даты рождения в МЧЗ её паспорта не сходится", en = "Passenger B: says she is a tourist for a week but carries only a handbag; the date-of-birth check digit in her passport's MRZ does not match" },
        },
      },
    },

    -- V8: objective indicators, not a group profile.
    single {
      id = "s3_choice",
      prompt = { ru = "На ком вы сосредоточитесь?", en = "Whom do you focus on?" },
      choices = {
        { id = "b", text = { ru = "На пассажирке Б: у неё несколько объективных индикаторов", en = "Passenger B: she shows several objective indicators" } },
        { id = "a", text = { ru = "На пассажире А, как советует коллега", en = "Passenger A, as your colleague says" },
          feedback = { ru = "Совет коллеги — это профиль по группе, а не индикатор. У А всё соответствует цели поездки.", en = "Your colleague's advice is a group profile, not an indicator. Everything about A fits his trip." } },
      },
      correct = "b",
      next = go({ b = "s3_document", a = "s3_profile" }),
    },

    info {
      id = "s3_profile",
      title = { ru = "Последствия", en = "What happens" },
      body = {
        para {
          ru = "В сумке пассажира А — одежда и подарки, как он и говорил. Время потрачено, а пассажирка Б с документом, вызывающим сомнения, уже у выхода. Вы возвращаетесь к ней.",
          en = "Passenger A's bag holds clothes and presents, as he said. Time is lost, and passenger B, with her doubtful document, is already at the exit. You go back to her.",
        },
      },
      next = "s3_document",
    },

    -- M6, M11: a failing check digit shows a possible alteration; S1: altered MRZ text is a threat;
    -- S13: doubtful cases go to the second line.
    single {
      id = "s3_document",
      prompt = { ru = "Контрольная цифра даты рождения в паспорте Б не сходится. Что правильно?", en = "The date-of-birth check digit in B's passport does not match. What is right?" },
      choices = {
        { id = "check", text = { ru = "Дата рождения могла быть изменена: сверяю МЧЗ с печатными данными, проверяю защитные элементы и направляю на углублённую проверку", en = "The date of birth may have been altered: compare the MRZ with the printed data, check the security features and refer her to the second line" } },
        { id = "ignore", text = { ru = "Это опечатка при изготовлении — пропускаю", en = "It is a printing slip: let her through" },
          feedback = { ru = "Несовпавшая цифра — именно тот признак, по которому находят изменённое поле. Списывать её на опечатку нельзя.", en = "A failing digit is exactly how an altered field shows itself. You cannot write it off as a slip." } },
        { id = "arrest", text = { ru = "Это доказанная подделка — задерживаю сразу", en = "It is proven forgery: detain her at once" },
          feedback = { ru = "Цифра — основание для подробной проверки, но ещё не доказательство.", en = "The digit is a reason for a detailed check, not yet proof." } },
      },
      correct = "check",
      shuffle = true,
    },

    -- V7, V8: summary.
    info {
      id = "s3_end",
      title = { ru = "Итог сценариев", en = "What the scenarios show" },
      body = {
        bullets {
          { ru = "Сверяйте цель поездки с багажом, транспортом и рассказом", en = "Check the purpose of the trip against the luggage, the vehicle and the story" },
          { ru = "Ищите несколько индикаторов, указывающих в одну сторону", en = "Look for several indicators pointing the same way" },
          { ru = "Внешность, национальность и одиночный признак — не основания", en = "Appearance, ethnicity and a single trait are no grounds" },
          { ru = "Сомнения — на вторую линию, где есть время и приборы", en = "Doubts go to the second line, where there is time and equipment" },
        },
      },
    },

    -- Short quiz. V8: objective indicators plus intelligence.
    multiple {
      id = "q_basis",
      title = { ru = "Короткий тест", en = "Short quiz" },
      prompt = { ru = "На что опираться при выборе человека или машины для углублённой проверки? Отметьте все верные варианты.", en = "What should you rely on when choosing a person or vehicle for a detailed check? Select all that apply." },
      choices = {
        { id = "indicators", text = { ru = "Несколько объективных индикаторов", en = "Several objective indicators" } },
        { id = "intelligence", text = { ru = "Оперативная информация", en = "Intelligence" } },
        { id = "ethnicity", text = { ru = "Национальность (этническое происхождение)", en = "Ethnic origin" } },
        { id = "appearance", text = { ru = "Внешность", en = "Appearance" } },
      },
      correct = { "indicators", "intelligence" },
      shuffle = true,
    },

    -- V7: open, closed and clarifying questions.
    single {
      id = "q_questions",
      prompt = { ru = "Какие вопросы учат задавать на курсах профилирования рисков ОБСЕ?", en = "Which kinds of question does OSCE risk-profiling training teach?" },
      choices = {
        { id = "all", text = { ru = "Открытые, закрытые и уточняющие", en = "Open, closed and clarifying" } },
        { id = "closed", text = { ru = "Только закрытые: да или нет", en = "Closed only: yes or no" } },
        { id = "none", text = { ru = "Никаких: важны только документы", en = "None: only the documents matter" } },
      },
      correct = "all",
      shuffle = true,
    },

    -- V8: a single trait is unreliable.
    truefalse {
      id = "q_single",
      prompt = { ru = "Нервозность сама по себе — надёжный признак курьера.", en = "Nervousness on its own is a reliable sign of a courier." },
      correct = false,
      explanation = {
        ru = "В списках «профилей» стояли и «слишком нервный», и «слишком спокойный»: одиночный признак ненадёжен.",
        en = "\"Profile\" lists held both \"too nervous\" and \"too calm\": a single trait is unreliable.",
      },
    },
  },
}
