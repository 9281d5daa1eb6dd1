-- Lesson 1: one screen of each type, and a branching hook that sends a trainee who missed the
-- colour-test question to a short recap before the end.

local function recap_needed(ctx)
  local r = ctx.result("colour_test")
  return r ~= nil and not r.correct
end

return lesson {
  id = "tour",
  title = { en = "A tour of the screens", ru = "Знакомство с экранами" },
  objectives = {
    { en = "Answer each kind of question the kiosk can ask", ru = "Отвечать на вопросы любого вида" },
  },
  screens = {
    info {
      id = "welcome",
      title = { en = "Welcome", ru = "Добро пожаловать" },
      body = {
        heading { en = "How lessons work", ru = "Как устроены уроки" },
        para {
          en = "Read each screen, answer the question, then press Next. Your answers are saved at once.",
          ru = "Прочитайте экран, ответьте на вопрос и нажмите «Далее». Ответы сохраняются сразу.",
        },
        bullets {
          { en = "Press a choice, or its number key", ru = "Нажмите на вариант или клавишу с его номером" },
          { en = "Ask for help with the Help button", ru = "Кнопка «Помощь» вызывает преподавателя" },
        },
        image {
          file = "images/car.png",
          caption = { en = "A car drawn as a diagram", ru = "Схема легкового автомобиля" },
          alt = { en = "Side view of a car", ru = "Автомобиль, вид сбоку" },
        },
      },
    },

    -- D16: the Northern Route runs from Afghanistan through Central Asia to Russia.
    single {
      id = "route",
      prompt = {
        en = "Where does the Northern Route carry Afghan opiates, mainly?",
        ru = "Куда в основном ведёт Северный маршрут афганские опиаты?",
      },
      choices = {
        { id = "russia", text = { en = "Through Central Asia to the Russian Federation", ru = "Через Центральную Азию в Российскую Федерацию" } },
        { id = "gulf", text = { en = "Through Iran to the Gulf", ru = "Через Иран в страны Залива" },
          feedback = { en = "That is another route.", ru = "Это другой маршрут." } },
        { id = "china", text = { en = "Through China to the Pacific", ru = "Через Китай к Тихому океану" } },
      },
      correct = "russia",
      shuffle = true,
      explanation = {
        en = "Most consignments cross into Tajikistan, then go north through Kyrgyzstan or Uzbekistan to Kazakhstan and Russia.",
        ru = "Большинство партий идёт через Таджикистан, затем через Кыргызстан или Узбекистан в Казахстан и Россию.",
      },
    },

    -- D25, D20: strong-smelling cover loads; fuel tanks.
    multiple {
      id = "concealment",
      prompt = {
        en = "Which of these have been used to hide drugs? Select all that apply.",
        ru = "Что из этого использовалось для сокрытия наркотиков? Отметьте все верные варианты.",
      },
      choices = {
        { id = "onions", text = { en = "A load of onions", ru = "Груз лука" } },
        { id = "tank", text = { en = "A car's fuel tank", ru = "Топливный бак автомобиля" } },
        { id = "mirror", text = { en = "Nothing: every vehicle is always searched", ru = "Ничего: каждую машину всегда досматривают" } },
      },
      correct = { "onions", "tank" },
      explanation = {
        en = "Strong-smelling cover loads such as onions mask drugs; fuel tanks have held drug packages.",
        ru = "Пахучие грузы вроде лука маскируют наркотики; в топливных баках находили упаковки с наркотиками.",
      },
    },

    -- C1: a colour test is presumptive only.
    truefalse {
      id = "colour_test",
      prompt = {
        en = "A positive colour test proves which drug a sample is.",
        ru = "Положительный цветной тест доказывает, какой это наркотик.",
      },
      correct = false,
      attempts = 2,
      explanation = {
        en = "A colour test only suggests a class of substance; a laboratory must confirm it.",
        ru = "Цветной тест лишь указывает на класс вещества; подтверждает лаборатория.",
      },
      next = function(ctx)
        if recap_needed(ctx) then return "recap" end
        return "pairs"
      end,
    },

    info {
      id = "recap",
      title = { en = "Recap: colour tests", ru = "Повторим: цветные тесты" },
      body = {
        para {
          en = "A colour test is a first check in the field. Send the sample for laboratory confirmation.",
          ru = "Цветной тест — первая проверка на месте. Образец направляют в лабораторию для подтверждения.",
        },
      },
    },

    -- D8: herbal cannabis and hashish; D12: crystal methamphetamine.
    matching {
      id = "pairs",
      prompt = { en = "Match each substance with how it looks.", ru = "Сопоставьте вещество и его внешний вид." },
      pairs = {
        { id = "herb", left = { en = "Herbal cannabis", ru = "Каннабис (трава)" },
          right = { en = "Green-grey shredded leaves and flowers", ru = "Зелёно-серая измельчённая масса листьев и соцветий" } },
        { id = "resin", left = { en = "Hashish", ru = "Гашиш" },
          right = { en = "Pressed resin blocks, honey-coloured to black", ru = "Прессованная смола, от медового до чёрного цвета" } },
        { id = "ice", left = { en = "Crystal methamphetamine", ru = "Кристаллический метамфетамин" },
          right = { en = "Glass-like fragments", ru = "Осколки, похожие на стекло" } },
      },
    },

    -- D4, D5, P5: opium, morphine base, heroin (acetylation with acetic anhydride).
    ordering {
      id = "chain",
      prompt = { en = "Put the production chain in order.", ru = "Расположите этапы производства по порядку." },
      items = {
        { id = "latex", text = { en = "Poppy latex dries into opium", ru = "Млечный сок мака высыхает в опий" } },
        { id = "base", text = { en = "Morphine base is made from opium", ru = "Из опия получают морфин-основание" } },
        { id = "heroin", text = { en = "Acetic anhydride turns morphine into heroin", ru = "Уксусный ангидрид превращает морфин в героин" } },
      },
    },

    -- D20: 1,344 km Tajik–Afghan border.
    numeric {
      id = "border",
      prompt = {
        en = "How long is Tajikistan's border with Afghanistan, in kilometres?",
        ru = "Какова протяжённость границы Таджикистана с Афганистаном в километрах?",
      },
      answer = 1344,
      tolerance = 10,
      unit = { en = "km", ru = "км" },
    },

    -- P5: acetic anhydride.
    text_entry {
      id = "precursor",
      prompt = {
        en = "Name the chemical that converts morphine into heroin.",
        ru = "Назовите вещество, которое превращает морфин в героин.",
      },
      accept = { "acetic anhydride", "уксусный ангидрид" },
    },

    -- D20: drugs found in a car's fuel tank.
    hotspot {
      id = "find_tank",
      prompt = { en = "Click the fuel tank.", ru = "Нажмите на топливный бак." },
      image = "images/car.png",
      width = 600,
      height = 300,
      regions = {
        { id = "tank", rect = { 470, 175, 60, 30 }, label = { en = "Fuel tank", ru = "Топливный бак" },
          feedback = { en = "Fuel tanks have hidden drug packages.", ru = "В топливных баках прятали наркотики." } },
        { id = "front_wheel", circle = { 150, 220, 42 } },
        { id = "cabin", polygon = { 150, 110, 210, 50, 400, 50, 460, 110 } },
      },
      correct = "tank",
    },

    -- A tiny simulation: open the boot, then the spare wheel, and report the find.
    canvas {
      id = "search",
      prompt = { en = "Search the boot: open it, then check the spare wheel.", ru = "Досмотрите багажник: откройте его и проверьте запасное колесо." },
      width = 400,
      height = 240,
      init = function(state) state.open = false; state.checked = false end,
      draw = function(state, ctx)
        local ops = {
          { op = "rect", x = 20, y = 40, w = 360, h = 160, fill = "#4a6d8c", region = "boot" },
          { op = "text", x = 30, y = 10, text = { en = "Boot", ru = "Багажник" }, size = 20, color = "#222222" },
        }
        if state.open then
          ops[#ops + 1] = { op = "circle", x = 200, y = 120, r = 60, fill = "#222222", region = "spare" }
        end
        if state.checked then
          ops[#ops + 1] = { op = "text", x = 120, y = 210, text = { en = "Packages found!", ru = "Найдены свёртки!" }, size = 18, color = "#aa0000" }
        end
        return ops
      end,
      click = function(state, region)
        if region == "boot" then state.open = true end
        if region == "spare" and state.open then state.checked = true end
      end,
      done = function(state) return state.checked end,
      score = function(state) if state.checked then return 1 end return 0 end,
      solution = { "boot", "spare" },
    },

    info {
      id = "done",
      title = { en = "Well done", ru = "Отлично" },
      body = { para { en = "You have seen every kind of screen.", ru = "Вы познакомились со всеми видами экранов." } },
    },
  },
}
