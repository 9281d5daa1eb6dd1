-- Lesson 6: container inspection basics: why containers are targeted by risk analysis, what the
-- papers can hide, the 7-point inspection, inspection cues and seal checks, and a simulated
-- examination for a false compartment. Regions are in the pixels of images/container.png (900x460).

-- The parts of the container, as drawn in assets/illustrations/border-security/container.svg.
local PART = {
  seal = { 735, 256, 16 },
  left_door = { 259, 74, 142, 104, 142, 360, 259, 388 },
  right_door = { 641, 74, 758, 104, 758, 360, 641, 388 },
  front = { 392, 162, 116, 128 },
  ceiling = { 262, 72, 638, 72, 508, 162, 392, 162 },
  floor = { 262, 390, 638, 390, 508, 290, 392, 290 },
  left = { 262, 72, 392, 162, 392, 290, 262, 390 },
  right = { 638, 72, 508, 162, 508, 290, 638, 390 },
  under = { 262, 392, 376, 26 },
}

-- The simulation shows the picture at two thirds of its size, 40 px from the top.
local function scaled(points)
  local out = {}
  for i, v in ipairs(points) do
    if i % 2 == 1 then out[i] = v * 2 / 3 else out[i] = 40 + v * 2 / 3 end
  end
  return out
end

-- Splits a text into lines of at most n letters, at spaces: canvas text does not wrap by itself.
local function wrap(s, n)
  local lines, line, len = {}, "", 0
  for word in s:gmatch("%S+") do
    local wl = utf8.len(word)
    if len > 0 and len + 1 + wl > n then
      lines[#lines + 1] = line
      line, len = word, wl
    elseif len > 0 then
      line, len = line .. " " .. word, len + 1 + wl
    else
      line, len = word, wl
    end
  end
  if len > 0 then lines[#lines + 1] = line end
  return lines
end

-- Adds a text of both languages as lines of text ops from y down; returns the y below it.
local function add_wrapped(ops, text, x, y, size, color)
  local ru, en = wrap(text.ru, 64), wrap(text.en, 70)
  for i = 1, math.max(#ru, #en) do
    ops[#ops + 1] = { op = "text", x = x, y = y, size = size, color = color, text = { ru = ru[i] or "", en = en[i] or "" } }
    y = y + size + 4
  end
  return y
end

-- V13: the cues each tool can give, per hiding place. "none" is a container with no compartment.
local CASES = { "front", "floor", "ceiling", "left", "none" }

local TOOLS = {
  { id = "length", label = { ru = "Длина: внутри и снаружи", en = "Length: inside and outside" } },
  { id = "height", label = { ru = "Высота от пола до потолка", en = "Floor-to-ceiling height" } },
  { id = "tap", label = { ru = "Простучать стены и потолок", en = "Tap the walls and ceiling" } },
  { id = "repairs", label = { ru = "Пол, ремонт, болты", en = "Floor, repairs, bolts" } },
}

local DECISIONS = {
  { id = "open_front", case = "front", label = { ru = "Вскрыть переднюю стенку", en = "Open the front wall" } },
  { id = "open_floor", case = "floor", label = { ru = "Вскрыть пол", en = "Open the floor" } },
  { id = "open_ceiling", case = "ceiling", label = { ru = "Вскрыть потолок", en = "Open the ceiling" } },
  { id = "open_left", case = "left", label = { ru = "Вскрыть левую стенку", en = "Open the left wall" } },
  { id = "clear", case = "none", label = { ru = "Признаков тайника нет", en = "No sign of a compartment" } },
}

-- The tool that shows the tell-tale cue in each case (for "none", every tool must be used).
local KEY_TOOL = { front = "length", floor = "repairs", ceiling = "tap", left = "repairs" }

local function readings(case, gap)
  local ok = {
    length = { ru = "Длина внутри соответствует наружной (за вычетом толщины стенок).", en = "The inside length matches the outside, less the walls." },
    height = { ru = "Высота от пола до потолка одинакова у дверей и у передней стенки.", en = "The floor-to-ceiling height is the same at the doors and at the front wall." },
    tap = { ru = "Стены, передняя стенка и потолок звучат одинаково, глухих пустот нет.", en = "The walls, front wall and ceiling all sound the same; no hollow spots." },
    repairs = { ru = "Пол ровный и на одной высоте; следов ремонта, нового металла и новых болтов нет; угловые фитинги и вентиляционные решётки на месте.", en = "The floor is flat and at one height; no repairs, no new metal or new bolts; corner blocks and vents are where they should be." },
  }
  local r = {}
  for k, v in pairs(ok) do r[k] = v end
  if case == "front" then
    r.length = { ru = "Внутри отсек короче, чем снаружи, примерно на " .. gap .. " см.", en = "Inside, the box is about " .. gap .. " cm shorter than outside." }
    r.tap = { ru = "Передняя стенка звучит пусто, с металлическим отзвуком.", en = "The front wall gives a hollow, metallic sound." }
  elseif case == "floor" then
    r.height = { ru = "У передней стенки от пола до потолка примерно на " .. gap .. " см меньше, чем у дверей.", en = "At the front wall the floor-to-ceiling height is about " .. gap .. " cm less than at the doors." }
    r.repairs = { ru = "Посередине пол поднимается ступенькой; у стыка видны новые болты рядом со старыми.", en = "Halfway in, the floor steps up; new bolts sit next to old ones at the joint." }
  elseif case == "ceiling" then
    r.height = { ru = "От пола до потолка везде примерно на " .. gap .. " см меньше, чем должно быть по размерам снаружи.", en = "The floor-to-ceiling height is about " .. gap .. " cm less everywhere than the outside size suggests." }
    r.tap = { ru = "Потолок звучит пусто, с металлическим отзвуком.", en = "The ceiling gives a hollow, metallic sound." }
  elseif case == "left" then
    r.tap = { ru = "Одна секция левой стенки звучит пусто.", en = "One section of the left wall sounds hollow." }
    r.repairs = { ru = "На левой стенке изнутри — ремонтная вставка с герметиком другого цвета; снаружи этого ремонта не видно.", en = "Inside, the left wall has a repair patch with bonding material of a different colour; the repair does not show outside." }
  end
  return r
end

local EXPLAIN = {
  front = { ru = "Ложная передняя стенка: отсек внутри короче, чем снаружи, и стенка звучит пусто.", en = "A false front wall: the box is shorter inside than outside, and the wall sounds hollow." },
  floor = { ru = "Ложный пол: пол должен быть ровным и на одной высоте, без ступеньки; новые болты рядом со старыми — тоже признак.", en = "A false floor: the floor must be flat and at one height with no step up; new bolts next to old ones are another sign." },
  ceiling = { ru = "Ложный потолок: высота меньше ожидаемой, потолок звучит пусто.", en = "A false ceiling: the height is less than expected and the ceiling sounds hollow." },
  left = { ru = "Тайник в стенке: ремонт внутри обязан быть виден и снаружи, а здесь его нет; другой цвет герметика и пустой звук подтверждают.", en = "A compartment in the wall: any repair inside must also show outside, and this one does not; the odd-coloured bonding material and the hollow sound confirm it." },
  none = { ru = "Контейнер чист: все признаки в норме — и вы знаете это потому, что проверили их все.", en = "The container is clean: every cue is normal, and you know it because you checked them all." },
}

local function examine(ctx)
  local case = CASES[math.random(#CASES)]
  local gap = math.random(5, 9) * 10
  local seen = readings(case, gap)
  local decision
  for _, d in ipairs(DECISIONS) do
    if d.case == case then decision = d.id end
  end
  local other = decision == "clear" and "open_front" or "clear"
  local solution = { "length", "height", "tap", "repairs", decision }

  return canvas {
    title = { ru = "Осмотр контейнера", en = "Examine the container" },
    prompt = {
      ru = "Этот контейнер отобран по анализу рисков. Осмотрите его с помощью приёмов справа, затем примите решение.",
      en = "Risk analysis has selected this container. Examine it with the checks on the right, then decide.",
    },
    width = 900,
    height = 620,
    init = function(state)
      state.used = {}
      state.decided = nil
    end,
    draw = function(state)
      local ops = {
        { op = "text", x = 10, y = 12, size = 17, color = "#2c3e50", text = { ru = "Контейнер с открытыми дверями", en = "The container, doors open" } },
        { op = "image", x = 0, y = 40, w = 600, h = 307, file = "images/container.png" },
      }
      local y = 40
      for _, t in ipairs(TOOLS) do
        ops[#ops + 1] = { op = "rect", x = 615, y = y, w = 275, h = 42, region = t.id,
          fill = state.used[t.id] and "#f5b041" or "#d6eaf8", color = "#1b4f72", line_width = 2 }
        ops[#ops + 1] = { op = "text", x = 625, y = y + 12, size = 16, color = "#1b2631", text = t.label }
        y = y + 50
      end
      y = y + 14
      for _, d in ipairs(DECISIONS) do
        ops[#ops + 1] = { op = "rect", x = 615, y = y, w = 275, h = 42, region = d.id,
          fill = state.decided == d.id and "#c0392b" or "#fadbd8", color = "#922b21", line_width = 2 }
        ops[#ops + 1] = { op = "text", x = 625, y = y + 12, size = 16, color = state.decided == d.id and "#ffffff" or "#1b2631", text = d.label }
        y = y + 50
      end
      local ty = 360
      for _, t in ipairs(TOOLS) do
        if state.used[t.id] then ty = add_wrapped(ops, seen[t.id], 10, ty, 15, "#1b2631") + 6 end
      end
      if state.decided then
        local right = state.decided == decision
        if case ~= "none" then
          ops[#ops + 1] = { op = "polygon", points = scaled(case == "front" and { 392, 162, 508, 162, 508, 290, 392, 290 } or PART[case]),
            fill = "#e74c3c88", color = "#922b21", line_width = 3 }
        end
        ops[#ops + 1] = { op = "text", x = 10, y = 590, size = 18, color = right and "#1e8449" or "#c0392b",
          text = right and { ru = "Решение верное.", en = "The right decision." } or { ru = "Решение неверное.", en = "The wrong decision." } }
      end
      return ops
    end,
    click = function(state, region)
      if state.decided then return end
      for _, t in ipairs(TOOLS) do
        if t.id == region then state.used[region] = true end
      end
      for _, d in ipairs(DECISIONS) do
        if d.id == region then state.decided = region end
      end
    end,
    done = function(state) return state.decided ~= nil end,
    -- Full marks need the right decision backed by the check that shows it; a lucky guess earns half.
    score = function(state)
      if state.decided ~= decision then return 0 end
      if case == "none" then
        for _, t in ipairs(TOOLS) do
          if not state.used[t.id] then return 0.5 end
        end
        return 1
      end
      if state.used[KEY_TOOL[case]] then return 1 end
      return 0.5
    end,
    solution = solution,
    wrong = { "length", other },
    explanation = EXPLAIN[case],
  }
end

return lesson {
  id = "container",
  title = { ru = "Осмотр контейнера", en = "Container inspection" },
  objectives = {
    { ru = "Понимать, почему контейнеры отбирают по анализу рисков", en = "Understand why containers are selected by risk analysis" },
    { ru = "Проводить 7-точечный осмотр контейнера и проверку пломбы", en = "Carry out the 7-point container inspection and the seal check" },
    { ru = "Находить признаки ложной стенки, пола или потолка", en = "Find the signs of a false wall, floor or ceiling" },
  },
  screens = {
    -- V9: container volumes, the share examined, the Container Control Programme; D19: licit trade.
    info {
      id = "scale",
      title = { ru = "Почему нужен отбор", en = "Why selection matters" },
      body = {
        bullets {
          { ru = "Морем в год перевозится около 750 млн TEU контейнеров — около 90 % мировых грузов", en = "About 750 million TEU of containers move by sea each year, about 90% of world cargo" },
          { ru = "Физически досматривают менее 2 % контейнеров", en = "Fewer than 2% are ever physically examined" },
          { ru = "Программа УНП ООН–ВТамО по контролю за контейнерными перевозками (с 2003–2004 гг.) создаёт совместные группы портового контроля из таможни, полиции и других ведомств; они отбирают контейнеры высокого риска по анализу рисков. Сейчас программа охватывает и авиагрузы, и сухопутные границы", en = "The UNODC–WCO Container Control Programme (since 2003–2004) builds joint Port Control Units of customs, police and other agencies, which use risk analysis to pick high-risk containers. It now covers air cargo and land borders too" },
          { ru = "УНП ООН предупреждало: торговля через «сухие порты» и соглашения, сокращающие таможенный досмотр, растут быстрее, чем возможности контроля, — это даёт место для сокрытия опиатов в законных грузах", en = "UNODC warned that trade through dry ports, and agreements that cut customs inspections, were growing faster than enforcement, leaving room to hide opiates in licit cargo" },
        },
      },
    },

    -- V9: fewer than 2% examined.
    single {
      id = "examined",
      prompt = { ru = "Какая доля морских контейнеров проходит физический досмотр?", en = "What share of sea containers is ever physically examined?" },
      choices = {
        { id = "two", text = { ru = "Менее 2 %", en = "Fewer than 2%" } },
        { id = "twenty", text = { ru = "Около 20 %", en = "About 20%" } },
        { id = "half", text = { ru = "Около половины", en = "About half" } },
      },
      correct = "two",
      shuffle = true,
      explanation = {
        ru = "Поэтому решает отбор: досматривать нужно те контейнеры, на которые указывает анализ рисков.",
        en = "That is why selection decides everything: examine the containers that risk analysis points to.",
      },
    },

    -- V11: switched bills of lading.
    info {
      id = "papers",
      title = { ru = "Что скрывают документы", en = "What the papers can hide" },
      body = {
        para {
          ru = "Коносамент могут законно переоформить в транзитном порту (переоформленный коносамент, switch B/L). Но такой документ может скрыть настоящее происхождение партии и тех, кто был с ней связан первым.",
          en = "A bill of lading may be legitimately reissued at a transit port (a \"switched\" bill of lading). But it can hide the consignment's true origin and the parties first linked to it.",
        },
      },
    },

    -- V11: switched bills are legitimate but can hide origin.
    truefalse {
      id = "switched",
      prompt = { ru = "Переоформленный в транзитном порту коносамент всегда означает контрабанду.", en = "A bill of lading reissued at a transit port always means smuggling." },
      correct = false,
      explanation = {
        ru = "Переоформление законно, но может скрывать происхождение груза: это повод выяснить, откуда партия на самом деле.",
        en = "Reissuing is legitimate, but it can hide the origin: a reason to find out where the consignment really comes from.",
      },
    },

    -- V12: the 7-point inspection and the reefer's eighth point.
    info {
      id = "seven_points",
      title = { ru = "7-точечный осмотр", en = "The 7-point inspection" },
      body = {
        image {
          file = "images/container-map.png",
          caption = { ru = "Цифры соответствуют точкам осмотра", en = "The numbers are the inspection points" },
          alt = { ru = "Контейнер с открытыми дверями, пронумерованы семь точек осмотра", en = "A container with open doors and the seven inspection points numbered" },
        },
        numbered {
          { ru = "Снаружи и снизу (днище)", en = "Outside and undercarriage" },
          { ru = "Двери изнутри и снаружи, включая запорные штанги и петли", en = "Doors, inside and outside, including locking bars and hinges" },
          { ru = "Правая стенка", en = "Right side" },
          { ru = "Левая стенка", en = "Left side" },
          { ru = "Передняя стенка", en = "Front wall" },
          { ru = "Потолок / крыша", en = "Ceiling / roof" },
          { ru = "Пол", en = "Floor" },
        },
        para { ru = "У рефрижераторного контейнера восьмая точка — кожух вентилятора.", en = "A refrigerated container adds an eighth point: the fan housing." },
      },
    },

    -- V12: the order of the points.
    ordering {
      id = "order",
      prompt = { ru = "Расположите точки осмотра в стандартном порядке.", en = "Put the inspection points in the standard order." },
      items = {
        { id = "outside", text = { ru = "Снаружи и снизу", en = "Outside and undercarriage" } },
        { id = "doors", text = { ru = "Двери", en = "Doors" } },
        { id = "right", text = { ru = "Правая стенка", en = "Right side" } },
        { id = "left", text = { ru = "Левая стенка", en = "Left side" } },
        { id = "front", text = { ru = "Передняя стенка", en = "Front wall" } },
        { id = "ceiling", text = { ru = "Потолок / крыша", en = "Ceiling / roof" } },
        { id = "floor", text = { ru = "Пол", en = "Floor" } },
      },
    },

    -- V13: inspection cues.
    info {
      id = "cues",
      title = { ru = "Признаки ложных конструкций", en = "Signs of false construction" },
      body = {
        bullets {
          { ru = "Простучите стены, переднюю стенку и потолок: пустой металлический звук", en = "Tap the walls, front wall and ceiling: listen for a hollow metallic sound" },
          { ru = "Сравните длину внутри и снаружи, измерьте высоту от пола до потолка", en = "Measure the inside length against the outside, and the floor-to-ceiling height" },
          { ru = "Пол должен быть ровным и на одной высоте, без ступеньки", en = "The floor must be flat and at one height, with no step up" },
          { ru = "Угловые фитинги и вентиляционные решётки должны быть видны и стоять на правильном расстоянии", en = "Corner blocks and vents must be visible and correctly spaced" },
          { ru = "Любой ремонт внутри должен быть виден и снаружи", en = "Any repair inside must also show outside" },
          { ru = "Герметик другого цвета, новые болты или новый металл рядом со старым", en = "Bonding material of a different colour, new bolts or new metal next to old" },
        },
      },
    },

    -- V12, V13: the front wall is tapped and measured against the outside length.
    hotspot {
      id = "find_front",
      prompt = {
        ru = "Отсек внутри оказался короче, чем снаружи. Какую часть контейнера вы простучите в первую очередь? Нажмите на неё.",
        en = "The box is shorter inside than outside. Which part of the container do you tap first? Click it.",
      },
      image = "images/container.png",
      width = 900,
      height = 460,
      regions = {
        { id = "front", rect = PART.front, label = { ru = "Передняя стенка", en = "Front wall" },
          feedback = { ru = "Верно: недостающая длина прячется за передней стенкой.", en = "Right: the missing length hides behind the front wall." } },
        { id = "ceiling", polygon = PART.ceiling, label = { ru = "Потолок", en = "Ceiling" } },
        { id = "floor", polygon = PART.floor, label = { ru = "Пол", en = "Floor" } },
        { id = "left", polygon = PART.left, label = { ru = "Левая стенка", en = "Left side" } },
        { id = "right", polygon = PART.right, label = { ru = "Правая стенка", en = "Right side" } },
        { id = "doors", polygon = PART.right_door, label = { ru = "Дверь", en = "Door" } },
      },
      correct = "front",
      attempts = 2,
    },

    -- V14: seal checks.
    info {
      id = "seal",
      title = { ru = "Пломба", en = "The seal" },
      body = {
        numbered {
          { ru = "Осмотрите пломбу, не трогая её", en = "Inspect the seal before touching it" },
          { ru = "Сверьте её номер с документами", en = "Check that its number matches the documents" },
          { ru = "Потяните пломбу: она должна быть надёжно зафиксирована", en = "Pull it to check that it is engaged" },
          { ru = "Ищите следы инструмента", en = "Look for tool marks" },
        },
        para { ru = "Высоконадёжные пломбы должны соответствовать стандарту ISO 17712.", en = "High-security seals should meet ISO 17712." },
      },
    },

    -- V14: the seal is inspected first, before it is touched.
    hotspot {
      id = "find_seal",
      prompt = { ru = "Нажмите на пломбу.", en = "Click the seal." },
      image = "images/container.png",
      width = 900,
      height = 460,
      regions = {
        { id = "seal", circle = PART.seal, label = { ru = "Пломба", en = "Seal" },
          feedback = { ru = "Верно. Сначала осмотрите её, не касаясь.", en = "Right. Inspect it first, without touching it." } },
        { id = "right_door", polygon = PART.right_door, label = { ru = "Правая дверь", en = "Right door" } },
        { id = "left_door", polygon = PART.left_door, label = { ru = "Левая дверь", en = "Left door" } },
        { id = "under", rect = PART.under, label = { ru = "Днище", en = "Undercarriage" } },
      },
      correct = "seal",
      attempts = 2,
    },

    -- V14: the order of the seal checks.
    ordering {
      id = "seal_steps",
      prompt = { ru = "Расположите проверки пломбы по порядку.", en = "Put the seal checks in order." },
      items = {
        { id = "look", text = { ru = "Осмотреть, не трогая", en = "Inspect without touching" } },
        { id = "number", text = { ru = "Сверить номер с документами", en = "Match the number with the documents" } },
        { id = "pull", text = { ru = "Потянуть, проверить фиксацию", en = "Pull it to check it is engaged" } },
        { id = "marks", text = { ru = "Искать следы инструмента", en = "Look for tool marks" } },
      },
    },

    -- V13: two generated containers to examine.
    dynamic { id = "examine_1", build = examine },
    dynamic { id = "examine_2", build = examine },

    -- Short quiz. V13: repairs inside must show outside.
    truefalse {
      id = "q_repair",
      title = { ru = "Короткий тест", en = "Short quiz" },
      prompt = { ru = "Ремонт, видимый изнутри контейнера, должен быть виден и снаружи.", en = "A repair seen inside a container must also show outside." },
      correct = true,
    },

    -- V12: the reefer's eighth point.
    single {
      id = "q_reefer",
      prompt = { ru = "Какую восьмую точку добавляют при осмотре рефрижераторного контейнера?", en = "What eighth point is added for a refrigerated container?" },
      choices = {
        { id = "fan", text = { ru = "Кожух вентилятора", en = "The fan housing" } },
        { id = "seal2", text = { ru = "Вторую пломбу", en = "A second seal" } },
        { id = "wheels", text = { ru = "Колёса шасси", en = "The chassis wheels" } },
      },
      correct = "fan",
      shuffle = true,
    },

    -- V13: the floor must be flat with no step up.
    single {
      id = "q_floor",
      prompt = { ru = "Посередине контейнера пол поднимается ступенькой. Что это может значить?", en = "Halfway into the container, the floor steps up. What can it mean?" },
      choices = {
        { id = "false_floor", text = { ru = "Возможен ложный пол: пол должен быть ровным и на одной высоте", en = "A possible false floor: the floor must be flat and at one height" } },
        { id = "normal", text = { ru = "Ничего: так устроены все контейнеры", en = "Nothing: all containers are built that way" } },
      },
      correct = "false_floor",
    },
  },
}
