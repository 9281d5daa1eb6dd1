-- Lesson 7: safe handling of seized substances and evidence: protection, witnessed sampling,
-- forensic traces, large seizures, after the test. A "find the faults" hotspot on a sampling bench,
-- practice with feedback, then a four-question quiz.

return lesson {
  id = "evidence",
  title = { ru = "Изъятые вещества и вещественные доказательства: безопасность", en = "Seized substances and evidence: handling them safely" },
  objectives = {
    { ru = "Защищать себя и коллег при работе с изъятыми веществами", en = "Protect yourself and your colleagues when handling seized substances" },
    { ru = "Отбирать пробы правильно: при свидетеле, с маркировкой, без загрязнения", en = "Take samples correctly: witnessed, labelled, without contamination" },
    { ru = "Сохранять следы на упаковке для экспертизы", en = "Preserve the traces on packages for forensic examination" },
    { ru = "Знать, что делать после теста", en = "Know what to do after a test" },
  },
  screens = {
    -- C27: purity, never sniff or taste, handle little, fitted protection, respiratory protection
    -- for fentanyl-type substances, no eating or drinking until protection is off and hands washed.
    info {
      id = "risks",
      title = { ru = "Изъятое вещество опасно", en = "Seized substances are dangerous" },
      body = {
        bullets {
          { ru = "Изъятые наркотики бывают намного чище уличных", en = "Seized drugs can be far purer than street drugs" },
          { ru = "Никогда не нюхайте и не пробуйте вещество; касайтесь его как можно меньше", en = "Never sniff or taste them, and handle them as little as possible" },
          { ru = "Средства защиты подбирайте по размеру: нитриловые перчатки, а при подозрении на вещества типа фентанила — защита органов дыхания", en = "Wear protective equipment that fits, such as nitrile gloves, with respiratory protection for fentanyl-type substances" },
          { ru = "Ешьте и пейте, только сняв средства защиты и вымыв руки", en = "Do not eat or drink until your protective equipment is off and your hands are washed" },
        },
      },
    },

    -- C28: good sampling practice (EU customs sampling manual); C1: the laboratory's
    -- confirmation is the evidence.
    info {
      id = "sampling",
      title = { ru = "Отбор проб", en = "Taking samples" },
      body = {
        para {
          ru = "Изъятое вещество — вещественное доказательство, а пробу из него исследует лаборатория. Правильный отбор проб по практике таможенных служб ЕС:",
          en = "A seized substance is evidence, and the laboratory examines the sample taken from it. Good sampling practice, from EU customs guidance:",
        },
        bullets {
          { ru = "двое сотрудников: один отбирает пробу, второй присутствует как свидетель и маркирует образцы", en = "two officers: one takes the sample, the other witnesses and labels it" },
          { ru = "очки, перчатки и респиратор FFP3", en = "glasses, gloves and an FFP3 mask" },
          { ru = "просторное, проветриваемое, хорошо освещённое место; для каждого предмета — новая бумажная подстилка", en = "a large, ventilated, well-lit area, with a fresh paper cover for each item" },
          { ru = "инструмент очищают перед каждой следующей пробой", en = "tools are cleaned between sub-samples" },
          { ru = "до вскрытия упаковки проверяют, нет ли на ней отпечатков пальцев и следов ДНК", en = "packages are checked for fingerprints and DNA before they are opened" },
        },
      },
    },

    -- C27: gloves, no eating or drinking; C28: clean tools, FFP3, glasses, witness and labels,
    -- fresh paper cover.
    hotspot {
      id = "bench_faults",
      prompt = {
        ru = "Перед вами стол для отбора проб (вид сверху). Найдите три нарушения.",
        en = "This is a sampling bench, seen from above. Find the three faults.",
      },
      image = "images/sampling_bench.png",
      width = 800,
      height = 480,
      regions = {
        { id = "bare_hand", polygon = { 298, 480, 364, 480, 362, 330, 382, 250, 360, 180, 300, 180 }, label = { ru = "Рука без перчатки", en = "Bare hand" },
          feedback = { ru = "Голая рука у порошка: работают только в перчатках и касаются вещества как можно меньше.", en = "A bare hand at the powder: work only in gloves, and handle the substance as little as possible." } },
        { id = "spatula", polygon = { 360, 146, 378, 134, 518, 242, 500, 266 }, label = { ru = "Шпатель с порошком", en = "Spatula with powder" },
          feedback = { ru = "Шпатель с порошком лежит на следующей упаковке: инструмент очищают перед каждой новой пробой.", en = "A spatula with powder on it lies on the next package: clean tools between sub-samples." } },
        { id = "tea", circle = { 665, 100, 62 }, label = { ru = "Чай", en = "Tea" },
          feedback = { ru = "Чай на рабочем столе: есть и пить можно, только сняв средства защиты и вымыв руки.", en = "Tea on the bench: eat or drink only once protective equipment is off and hands are washed." } },
        { id = "goggles", rect = { 35, 45, 160, 75 }, label = { ru = "Защитные очки", en = "Goggles" },
          feedback = { ru = "Защитные очки — это правильно.", en = "Eye protection: that is right." } },
        { id = "mask", circle = { 115, 195, 56 }, label = { ru = "Респиратор FFP3", en = "FFP3 mask" },
          feedback = { ru = "Респиратор FFP3 — это правильно.", en = "An FFP3 mask: that is right." } },
        { id = "gloves", rect = { 40, 262, 150, 130 }, label = { ru = "Коробка перчаток", en = "Box of gloves" },
          feedback = { ru = "Нитриловые перчатки — правильно, только их нужно надеть.", en = "Nitrile gloves: right, but they have to be worn." } },
        { id = "clipboard", rect = { 595, 178, 172, 160 }, label = { ru = "Записи свидетеля", en = "The witness's notes" },
          feedback = { ru = "Второй сотрудник-свидетель ведёт записи и маркирует пробы — это правильно.", en = "The second officer witnesses, records and labels: that is right." } },
        { id = "bags", rect = { 585, 360, 200, 104 }, label = { ru = "Пакеты для проб", en = "Sample bags" },
          feedback = { ru = "Чистые пакеты для проб — это правильно.", en = "Clean sample bags: that is right." } },
        { id = "paper", rect = { 240, 50, 320, 320 }, label = { ru = "Бумажная подстилка", en = "Paper cover" },
          feedback = { ru = "Бумажная подстилка — правильно; для каждого предмета нужна новая.", en = "A paper cover: right, with a fresh one for each item." } },
      },
      correct = { "bare_hand", "spatula", "tea" },
      max_points = 3,
      attempts = 2,
      explanation = {
        ru = "Нарушения: работа голыми руками, неочищенный шпатель на следующей упаковке и чай на рабочем столе.",
        en = "The faults: a bare hand, an uncleaned spatula laid on the next package, and tea on the bench.",
      },
    },

    -- C28: two officers, one sampling and one witnessing and labelling; protection for both.
    single {
      id = "two_officers",
      prompt = {
        ru = "Зачем при отборе проб нужны двое сотрудников?",
        en = "Why does good sampling practice call for two officers?",
      },
      choices = {
        { id = "witness", text = { ru = "Один отбирает пробу, второй — свидетель, который маркирует образцы", en = "One takes the sample; the other witnesses and labels it" } },
        { id = "share", text = { ru = "Вдвоём меньше риск, поэтому каждому нужно меньше защиты", en = "Two share the risk, so each needs less protection" },
          feedback = { ru = "Защита нужна обоим: очки, перчатки, респиратор FFP3.", en = "Both need protection: glasses, gloves, an FFP3 mask." } },
        { id = "faster", text = { ru = "Чтобы каждый отбирал половину проб и работа шла быстрее", en = "So that each takes half the samples and the work goes faster" },
          feedback = { ru = "Второй сотрудник не отбирает пробы, а присутствует как свидетель и маркирует их.", en = "The second officer does not sample: he or she witnesses and labels." } },
      },
      correct = "witness",
      shuffle = true,
      attempts = 2,
    },

    -- C27: protection first; C28: fingerprints and DNA before opening, witnessed and labelled
    -- sample, tools cleaned between sub-samples.
    ordering {
      id = "sampling_order",
      prompt = {
        ru = "Расположите действия при отборе пробы по порядку.",
        en = "Put the sampling steps in order.",
      },
      items = {
        { id = "ppe", text = { ru = "Надеть очки, перчатки и респиратор FFP3", en = "Put on glasses, gloves and an FFP3 mask" } },
        { id = "traces", text = { ru = "Проверить невскрытую упаковку на отпечатки пальцев и ДНК", en = "Check the unopened package for fingerprints and DNA" } },
        { id = "sample", text = { ru = "Вскрыть упаковку и отобрать пробу; свидетель маркирует её", en = "Open the package and take the sample, with the witness labelling it" } },
        { id = "clean", text = { ru = "Очистить инструмент перед следующей пробой", en = "Clean the tools before the next sub-sample" } },
      },
      attempts = 2,
    },

    -- C30: UNODC/ENFSI representative sampling guidelines; C1, C2: laboratory confirmation.
    info {
      id = "large_seizures",
      title = { ru = "Крупные изъятия и лаборатория", en = "Large seizures and the laboratory" },
      body = {
        bullets {
          { ru = "Сколько упаковок проверять в крупной партии, описывают «Руководящие принципы репрезентативного отбора проб наркотиков» УНП ООН (ST/NAR/38, 2009, совместно с ENFSI): произвольный и статистический способы", en = "How many packages to test in a large seizure is covered by UNODC's Guidelines on Representative Drug Sampling (ST/NAR/38, 2009, with ENFSI): arbitrary and statistical methods" },
          { ru = "Положительный экспресс-тест — основание направить пробу в уполномоченную лабораторию; доказательством станет её заключение", en = "A positive field test is a reason to send a sample to an authorised laboratory; its confirmation is what becomes evidence" },
        },
      },
    },

    -- C29: used units, spills, burns; C27: protection off and hands washed before eating.
    info {
      id = "after_test",
      title = { ru = "После теста", en = "After the test" },
      body = {
        bullets {
          { ru = "Использованные тест-наборы перед утилизацией упакуйте в пакет или нейтрализуйте", en = "Bag or neutralise used test units before disposal" },
          { ru = "Пролитый реактив смойте водой; ожог реактивом лечите как обычный ожог", en = "Flush spilled reagent with water; treat a reagent burn like any other burn" },
          { ru = "Снимите средства защиты и вымойте руки, прежде чем есть или пить", en = "Take off your protective equipment and wash your hands before you eat or drink" },
        },
      },
    },

    info {
      id = "quiz",
      title = { ru = "Проверьте себя", en = "Check yourself" },
      body = { para { ru = "Четыре вопроса, по одной попытке на каждый.", en = "Four questions, one try each." } },
    },

    -- C27: seized drugs can be far purer than street drugs.
    truefalse {
      id = "purer",
      prompt = {
        ru = "Изъятые партии обычно слабее уличных наркотиков, поэтому работать с ними почти безопасно.",
        en = "Seized consignments are usually weaker than street drugs, so handling them is nearly risk-free.",
      },
      correct = false,
      explanation = {
        ru = "Наоборот: изъятые наркотики бывают намного чище уличных.",
        en = "The opposite: seized drugs can be far purer than street drugs.",
      },
    },

    -- C28: good sampling practice.
    multiple {
      id = "good_practice",
      prompt = {
        ru = "Что относится к правильному отбору проб? Отметьте все верные варианты.",
        en = "Which of these belong to good sampling practice? Select all that apply.",
      },
      choices = {
        { id = "ppe", text = { ru = "Очки, перчатки и респиратор FFP3", en = "Glasses, gloves and an FFP3 mask" } },
        { id = "fresh_cover", text = { ru = "Новая бумажная подстилка для каждого предмета", en = "A fresh paper cover for each item" } },
        { id = "witness", text = { ru = "Второй сотрудник — свидетель, который маркирует пробы", en = "A second officer who witnesses and labels" } },
        { id = "one_cover", text = { ru = "Одна подстилка на все предметы, чтобы сэкономить время", en = "One cover for all the items, to save time" },
          feedback = { ru = "Для каждого предмета нужна новая подстилка.", en = "Each item needs a fresh cover." } },
        { id = "open_first", text = { ru = "Сначала вскрыть упаковки, отпечатки проверить потом", en = "Open the packages first and check for prints later" },
          feedback = { ru = "Отпечатки и ДНК проверяют до вскрытия.", en = "Fingerprints and DNA are checked before opening." } },
      },
      correct = { "ppe", "fresh_cover", "witness" },
      shuffle = true,
    },

    -- C28: check for fingerprints and DNA before packages are opened.
    single {
      id = "prints",
      prompt = {
        ru = "Когда проверяют упаковку на отпечатки пальцев и ДНК?",
        en = "When do you check a package for fingerprints and DNA?",
      },
      choices = {
        { id = "before", text = { ru = "До вскрытия", en = "Before it is opened" } },
        { id = "after", text = { ru = "После отбора пробы", en = "After the sample has been taken" } },
        { id = "lab_asks", text = { ru = "Только если попросит лаборатория", en = "Only if the laboratory asks" } },
      },
      correct = "before",
      shuffle = true,
    },

    -- C29: flush spilled reagent with water.
    truefalse {
      id = "spill",
      prompt = {
        ru = "Пролитый реактив смывают водой.",
        en = "Spilled reagent is flushed with water.",
      },
      correct = true,
    },
  },
}
