-- Lesson 4: searching a car and a lorry: natural voids and built compartments, the checklist of
-- places, real Central Asian concealments, tools, and a simulated systematic search of a car.
-- Hotspot regions are in the pixels of images/car.png (900x400) and images/truck.png (960x400).

-- The car's places, as drawn in assets/illustrations/border-security/car.svg.
local CAR = {
  spare = { 708, 252, 104, 38 },
  boot = { 640, 200, 838, 204, 846, 292, 640, 292 },
  tank = { 514, 300, 112, 36 },
  dashboard = { 272, 203, 70, 38 },
  front_seat = { 376, 156, 84, 116 },
  rear_seat = { 536, 156, 94, 116 },
  front_door = { 302, 200, 176, 112 },
  rear_door = { 482, 200, 156, 112 },
  engine = { 62, 232, 268, 206, 268, 262, 62, 262 },
  front_bumper = { 44, 254, 38, 64 },
  rear_bumper = { 814, 254, 38, 64 },
  front_wheel = { 205, 320, 58 },
  rear_wheel = { 690, 320, 58 },
  roof = { 374, 110, 212, 22 },
}

-- The lorry's places, as drawn in truck.svg.
local TRUCK = {
  front = { 212, 58, 72, 240 },
  tank = { 156, 302, 72, 44 },
  toolbox = { 226, 302, 32, 34 },
  sleeper = { 168, 96, 46, 196 },
  steps = { 100, 300, 54, 34 },
  cab = { 34, 140, 60, 90, 168, 90, 168, 300, 38, 300 },
  cargo = { 284, 68, 614, 210 },
  roof = { 243, 50, 694, 20 },
  rear_doors = { 898, 64, 40, 216 },
  trailer_wheels = { 706, 300, 218, 80 },
}

-- V2 (cars) and V1 (door panels): the areas of the simulated search, with what to check in each.
local AREAS = {
  { id = "boot", shapes = { { op = "polygon", points = CAR.boot } },
    says = { ru = "Багажник: вещи, ящики с инструментом, вокруг запасного колеса, все полости, канистры.", en = "Boot: luggage, toolboxes, around the spare tyre, all voids, fuel cans." } },
  { id = "passenger", shapes = { { op = "rect", x = 276, y = 140, w = 364, h = 120 } },
    says = { ru = "Салон: под приборной панелью и сиденьями, бардачок.", en = "Passenger area: under the dashboard and seats, the glove box." } },
  { id = "doors", shapes = { { op = "rect", x = 302, y = 262, w = 336, h = 38 } },
    says = { ru = "Двери: полости дверных панелей — естественный тайник.", en = "Doors: the door panels are a natural void." } },
  { id = "engine", shapes = { { op = "polygon", points = CAR.engine } },
    says = { ru = "Моторный отсек: под капотом, моторный щит, за решёткой радиатора.", en = "Engine bay: under the bonnet, the firewall, behind the grille." } },
  { id = "bumpers", shapes = { { op = "rect", x = 44, y = 254, w = 38, h = 64 }, { op = "rect", x = 814, y = 254, w = 38, h = 64 } },
    says = { ru = "Бамперы: внутри обоих бамперов.", en = "Bumpers: inside both bumpers." } },
  { id = "under_roof", shapes = { { op = "rect", x = 374, y = 110, w = 212, h = 22 }, { op = "rect", x = 266, y = 300, w = 364, h = 38 } },
    says = { ru = "Днище и крыша, особенно вокруг топливного бака.", en = "Undercarriage and roof, especially around the fuel tank." } },
  { id = "wheel_wells", shapes = { { op = "circle", x = 205, y = 320, r = 58 }, { op = "circle", x = 690, y = 320, r = 58 } },
    says = { ru = "Все четыре колёсные арки.", en = "All four wheel wells." } },
}

local AREA_NAME = {
  boot = { ru = "в багажнике", en = "in the boot" },
  passenger = { ru = "в салоне", en = "in the passenger area" },
  doors = { ru = "в дверной панели", en = "in a door panel" },
  engine = { ru = "в моторном отсеке", en = "in the engine bay" },
  bumpers = { ru = "в бампере", en = "in a bumper" },
  under_roof = { ru = "у топливного бака под днищем", en = "by the fuel tank under the car" },
  wheel_wells = { ru = "в колёсной арке", en = "in a wheel well" },
}

local PACKAGE_AT = {
  boot = { 745, 262 }, passenger = { 395, 238 }, doors = { 520, 281 }, engine = { 150, 240 },
  bumpers = { 56, 280 }, under_roof = { 570, 318 }, wheel_wells = { 195, 276 },
}

return lesson {
  id = "vehicle_search",
  title = { ru = "Досмотр легкового и грузового автомобиля", en = "Searching cars and lorries" },
  objectives = {
    { ru = "Отличать естественные полости от специально оборудованных тайников", en = "Tell natural voids from purpose-built compartments" },
    { ru = "Досматривать легковой автомобиль и грузовик по перечню мест, ничего не пропуская", en = "Search a car and a lorry by the checklist, missing nothing" },
    { ru = "Знать реальные способы сокрытия на Северном маршруте", en = "Know real concealment methods on the Northern Route" },
  },
  screens = {
    -- V1: natural voids and purpose-built compartments.
    info {
      id = "voids",
      title = { ru = "Два вида тайников", en = "Two kinds of hiding place" },
      body = {
        bullets {
          { ru = "Естественные полости автомобиля: дверные панели, ниша запасного колеса и т. п.", en = "Natural voids of the vehicle: door panels, the spare-wheel well and the like" },
          { ru = "Специально оборудованные тайники: сделаны, чтобы прятать груз", en = "Purpose-built false compartments, made to hide goods" },
        },
        para { ru = "Контрабандисты используют и те, и другие, поэтому досмотр должен охватывать все места.", en = "Traffickers use both, so a search must cover every place." },
      },
    },

    -- V2: the checklist for cars; V1: door panels.
    info {
      id = "car_checklist",
      title = { ru = "Легковой автомобиль: где искать", en = "A car: where to look" },
      body = {
        image {
          file = "images/car-map.png",
          caption = { ru = "Цифры на схеме соответствуют списку ниже", en = "The numbers match the list below" },
          alt = { ru = "Схема легкового автомобиля сбоку с пронумерованными местами досмотра", en = "Side view of a car with the search places numbered" },
        },
        numbered {
          { ru = "Багажник: вещи, ящики с инструментом, вокруг запасного колеса, все полости, канистры", en = "Boot: luggage, toolboxes, around the spare tyre, all voids, fuel cans" },
          { ru = "Дверные панели (естественная полость)", en = "Door panels (a natural void)" },
          { ru = "Под сиденьями", en = "Under the seats" },
          { ru = "Под приборной панелью, бардачок", en = "Under the dashboard, the glove box" },
          { ru = "Моторный отсек: под капотом, моторный щит, за решёткой радиатора", en = "Engine bay: under the bonnet, the firewall, behind the grille" },
          { ru = "Внутри обоих бамперов", en = "Inside both bumpers" },
          { ru = "Днище, особенно вокруг топливного бака", en = "The undercarriage, especially around the fuel tank" },
          { ru = "Крыша", en = "The roof" },
          { ru = "Все четыре колёсные арки", en = "All four wheel wells" },
        },
      },
    },

    -- V1, V2: the spare-wheel well.
    hotspot {
      id = "find_spare",
      prompt = { ru = "Нажмите на нишу запасного колеса.", en = "Click the spare-wheel well." },
      image = "images/car.png",
      width = 900,
      height = 400,
      regions = {
        { id = "spare", rect = CAR.spare, label = { ru = "Ниша запасного колеса", en = "Spare-wheel well" },
          feedback = { ru = "Верно: естественная полость, которую используют для тайников.", en = "Right: a natural void used for hiding goods." } },
        { id = "boot", polygon = CAR.boot, label = { ru = "Багажник", en = "Boot" } },
        { id = "tank", rect = CAR.tank, label = { ru = "Топливный бак", en = "Fuel tank" } },
        { id = "rear_wheel", circle = CAR.rear_wheel, label = { ru = "Заднее колесо", en = "Rear wheel" } },
      },
      correct = "spare",
    },

    -- V2: the passenger area, under the dashboard and seats, the glove box.
    hotspot {
      id = "passenger_area",
      prompt = {
        ru = "Отметьте три места в салоне, которые называет перечень: под приборной панелью и бардачок, под передним сиденьем, под задним сиденьем.",
        en = "Mark the three places in the passenger area that the checklist names: under the dashboard with the glove box, under the front seat, under the rear seat.",
      },
      image = "images/car.png",
      width = 900,
      height = 400,
      regions = {
        { id = "dashboard", rect = CAR.dashboard, label = { ru = "Приборная панель", en = "Dashboard" } },
        { id = "front_seat", rect = CAR.front_seat, label = { ru = "Переднее сиденье", en = "Front seat" } },
        { id = "rear_seat", rect = CAR.rear_seat, label = { ru = "Заднее сиденье", en = "Rear seat" } },
        { id = "front_door", rect = CAR.front_door, label = { ru = "Передняя дверь", en = "Front door" } },
        { id = "rear_door", rect = CAR.rear_door, label = { ru = "Задняя дверь", en = "Rear door" } },
      },
      correct = { "dashboard", "front_seat", "rear_seat" },
    },

    -- D20: fuel tank; D21: heroin among onion sacks; D25: cylinders in tyre rims, split saddle tanks,
    -- strong-smelling cover loads.
    info {
      id = "cases",
      title = { ru = "Как прячут на самом деле", en = "How it is really done" },
      body = {
        bullets {
          { ru = "Худжанд: 55 пакетов (28,3 кг) наркотиков в топливном баке легкового автомобиля", en = "Khujand: 55 bags (28.3 kg) of drugs in a car's fuel tank" },
          { ru = "Узбекистан: 91 кг героина в пакетах среди 10 мешков лука, автомобиль шёл из Таджикистана в сторону России", en = "Uzbekistan: 91 kg of heroin in bags among 10 sacks of onions, in a car travelling from Tajikistan towards Russia" },
          { ru = "Цилиндры, вваренные внутрь колёсных дисков", en = "Cylinders welded inside tyre rims" },
          { ru = "Седельные топливные баки грузовиков, разделённые надвое: в одной половине топливо, в другой — наркотики", en = "Lorry saddle fuel tanks split in two: fuel in one half, drugs in the other" },
          { ru = "Пахучие грузы прикрытия — лук, капуста — маскируют запах наркотиков", en = "Strong-smelling cover loads such as onions and cabbage mask the drugs" },
        },
      },
    },

    -- D20: 55 bags (28.3 kg) of drugs in a car's fuel tank in Khujand.
    hotspot {
      id = "find_tank",
      prompt = {
        ru = "В Худжанде сотрудники безопасности Таджикистана нашли в одном месте автомобиля 55 пакетов (28,3 кг) наркотиков. Нажмите на это место.",
        en = "In Khujand, Tajik security officers found 55 bags (28.3 kg) of drugs in one part of a car. Click it.",
      },
      image = "images/car.png",
      width = 900,
      height = 400,
      regions = {
        { id = "tank", rect = CAR.tank, label = { ru = "Топливный бак", en = "Fuel tank" },
          feedback = { ru = "Верно: пакеты были в топливном баке.", en = "Right: the bags were in the fuel tank." } },
        { id = "spare", rect = CAR.spare, label = { ru = "Ниша запасного колеса", en = "Spare-wheel well" } },
        { id = "engine", polygon = CAR.engine, label = { ru = "Моторный отсек", en = "Engine bay" } },
        { id = "front_door", rect = CAR.front_door, label = { ru = "Передняя дверь", en = "Front door" } },
        { id = "roof", rect = CAR.roof, label = { ru = "Крыша", en = "Roof" } },
      },
      correct = "tank",
      attempts = 2,
      explanation = {
        ru = "Топливный бак досматривают вместе с днищем: перечень прямо требует проверять днище вокруг бака.",
        en = "Check the fuel tank with the undercarriage: the checklist names the area around the tank.",
      },
    },

    -- D25: cylinders welded inside tyre rims.
    hotspot {
      id = "find_rims",
      prompt = {
        ru = "Где на этой стороне автомобиля мог бы быть цилиндр, вваренный в колёсный диск? Отметьте оба места.",
        en = "Where on this side of the car could a cylinder welded inside a tyre rim be? Mark both places.",
      },
      image = "images/car.png",
      width = 900,
      height = 400,
      regions = {
        { id = "front_wheel", circle = CAR.front_wheel, label = { ru = "Переднее колесо", en = "Front wheel" } },
        { id = "rear_wheel", circle = CAR.rear_wheel, label = { ru = "Заднее колесо", en = "Rear wheel" } },
        { id = "front_bumper", rect = CAR.front_bumper, label = { ru = "Передний бампер", en = "Front bumper" } },
        { id = "rear_bumper", rect = CAR.rear_bumper, label = { ru = "Задний бампер", en = "Rear bumper" } },
        { id = "tank", rect = CAR.tank, label = { ru = "Топливный бак", en = "Fuel tank" } },
      },
      correct = { "front_wheel", "rear_wheel" },
    },

    -- V5: odour masking as an indicator.
    multiple {
      id = "masking",
      prompt = { ru = "Что из этого может указывать на маскировку запаха? Отметьте все верные варианты.", en = "Which of these can be signs of odour masking? Select all that apply." },
      choices = {
        { id = "fresheners", text = { ru = "Обилие ароматизаторов в салоне", en = "Heavy use of air fresheners" } },
        { id = "perfume", text = { ru = "Духи, распылённые прямо перед остановкой", en = "Perfume sprayed just before the stop" } },
        { id = "pepper", text = { ru = "Перец, горчица или масло, размазанные по свёрткам, — против служебных собак", en = "Pepper, mustard or oil smeared on packages to put off dogs" } },
        { id = "tobacco", text = { ru = "Вскрытые пачки ароматизированного табака", en = "Opened packs of scented tobacco" } },
        { id = "receipt", text = { ru = "Чек с заправки на приборной панели", en = "A fuel receipt on the dashboard" },
          feedback = { ru = "Это обычная вещь и к маскировке запаха отношения не имеет.", en = "An ordinary item with nothing to do with masking a smell." } },
      },
      correct = { "fresheners", "perfume", "pepper", "tobacco" },
      shuffle = true,
    },

    -- V2: the checklist for lorries; V3: checks for false compartments in trailers; D22: Oybek and
    -- Fotehobod seizures.
    info {
      id = "lorry_checklist",
      title = { ru = "Грузовик: где искать", en = "A lorry: where to look" },
      body = {
        image {
          file = "images/truck-map.png",
          caption = { ru = "Цифры на схеме соответствуют списку ниже", en = "The numbers match the list below" },
          alt = { ru = "Седельный тягач с полуприцепом, пронумерованные места досмотра", en = "Tractor unit and semi-trailer with the search places numbered" },
        },
        para { ru = "К перечню для легкового автомобиля добавляются:", en = "On top of the car checklist, add:" },
        numbered {
          { ru = "Стенки, пол и потолок грузового отсека", en = "Cargo walls, floor and ceiling" },
          { ru = "Спальное место кабины", en = "The sleeper cab" },
          { ru = "Рама", en = "The frame" },
          { ru = "Инструментальные ящики", en = "Toolboxes" },
          { ru = "Подножки", en = "Steps" },
          { ru = "Топливные баки", en = "Fuel tanks" },
          { ru = "Крыша", en = "Roofs" },
          { ru = "Сравнение наружных и внутренних размеров полуприцепа — так находят ложные стенки", en = "Compare the trailer's outside and inside dimensions to find false panels" },
        },
        para {
          ru = "Ложный отсек в полуприцепе выдают несовпадающие заклёпки, разница наружных и внутренних размеров и утеплитель, заменённый свёртками.",
          en = "A false compartment in a trailer shows up as rivets that do not match, a gap between outside and inside dimensions, or insulation replaced by packages.",
        },
        para {
          ru = "На таджикско-узбекской границе, на посту «Ойбек», таможенники нашли 230 кг героина в специально оборудованном тайнике между передней частью полуприцепа и кабиной водителя. На посту «Фотехобод» 71 кг героина (65 чёрных полиэтиленовых пакетов) нашли в полуприцепе.",
          en = "On the Tajik–Uzbek border, at the \"Oybek\" post, customs found 230 kg of heroin in a purpose-built compartment between the front of the trailer and the driver's cab. At the Fotehobod post, 71 kg of heroin (65 black polyethylene bags) was found in a lorry trailer.",
        },
      },
    },

    -- D22: 230 kg of heroin between the front of the trailer and the driver's cab at "Oybek".
    hotspot {
      id = "find_oybek",
      prompt = {
        ru = "На посту «Ойбек» таможенники нашли 230 кг героина в специально оборудованном тайнике. Нажмите на место, где он был.",
        en = "At the \"Oybek\" post, customs officers found 230 kg of heroin in a purpose-built compartment. Click where it was.",
      },
      image = "images/truck.png",
      width = 960,
      height = 400,
      regions = {
        { id = "front", rect = TRUCK.front, label = { ru = "Между кабиной и передней стенкой полуприцепа", en = "Between the cab and the front of the trailer" },
          feedback = { ru = "Верно: тайник был между передней частью полуприцепа и кабиной водителя.", en = "Right: the compartment was between the front of the trailer and the driver's cab." } },
        { id = "cargo", rect = TRUCK.cargo, label = { ru = "Груз", en = "Cargo" } },
        { id = "tank", rect = TRUCK.tank, label = { ru = "Топливный бак", en = "Fuel tank" } },
        { id = "sleeper", rect = TRUCK.sleeper, label = { ru = "Спальное место", en = "Sleeper cab" } },
        { id = "rear_doors", rect = TRUCK.rear_doors, label = { ru = "Задние двери", en = "Rear doors" } },
        { id = "roof", rect = TRUCK.roof, label = { ru = "Крыша", en = "Roof" } },
      },
      correct = "front",
      attempts = 2,
    },

    -- D25: a saddle fuel tank split to hold fuel and drugs.
    hotspot {
      id = "find_saddle",
      prompt = {
        ru = "Нажмите на место, которое разделили надвое: в одной половине топливо, в другой наркотики.",
        en = "Click the part that has been split in two, fuel in one half and drugs in the other.",
      },
      image = "images/truck.png",
      width = 960,
      height = 400,
      regions = {
        { id = "tank", rect = TRUCK.tank, label = { ru = "Седельный топливный бак", en = "Saddle fuel tank" },
          feedback = { ru = "Верно: седельный топливный бак.", en = "Right: the saddle fuel tank." } },
        { id = "toolbox", rect = TRUCK.toolbox, label = { ru = "Инструментальный ящик", en = "Toolbox" } },
        { id = "steps", rect = TRUCK.steps, label = { ru = "Подножки", en = "Steps" } },
        { id = "sleeper", rect = TRUCK.sleeper, label = { ru = "Спальное место", en = "Sleeper cab" } },
        { id = "trailer_wheels", rect = TRUCK.trailer_wheels, label = { ru = "Колёса полуприцепа", en = "Trailer wheels" } },
      },
      correct = "tank",
    },

    -- V3: rivets, inside/outside dimensions, replaced insulation.
    multiple {
      id = "trailer_checks",
      prompt = { ru = "Какие проверки помогают найти ложный отсек в полуприцепе? Отметьте все верные варианты.", en = "Which checks help find a false compartment in a trailer? Select all that apply." },
      choices = {
        { id = "rivets", text = { ru = "Совпадают ли заклёпки", en = "Whether the rivets match" } },
        { id = "dimensions", text = { ru = "Сравнить внутренние и наружные размеры", en = "Compare inside and outside dimensions" } },
        { id = "insulation", text = { ru = "Проверить утеплитель: не заменён ли он свёртками", en = "Check the insulation: has it been replaced by packages?" } },
        { id = "ask", text = { ru = "Спросить водителя, есть ли тайник, и поверить ответу", en = "Ask the driver whether there is a compartment and accept the answer" },
          feedback = { ru = "Ответ водителя проверку не заменяет.", en = "The driver's answer is no substitute for a check." } },
      },
      correct = { "rivets", "dimensions", "insulation" },
      shuffle = true,
    },

    -- V6: detector dogs, density meters, X-ray/gamma scanners, stripping seats and floors.
    info {
      id = "tools",
      title = { ru = "Средства досмотра", en = "Search tools" },
      body = {
        para { ru = "Например, Служба таможенного и пограничного контроля США (CBP) применяет к подозрительным автомобилям:", en = "US Customs and Border Protection (CBP), for example, uses these on suspect vehicles:" },
        bullets {
          { ru = "Служебные собаки", en = "Detector dogs" },
          { ru = "Плотномеры («щупы плотности»)", en = "Density meters (\"density probes\")" },
          { ru = "Инспекционно-досмотровые комплексы: рентгеновские и гамма-сканеры", en = "Non-intrusive X-ray and gamma scanners" },
          { ru = "При необходимости — снятие сидений и пола, вплоть до деталей двигателя и выхлопной системы", en = "When needed, stripping seats and floors, even engine or exhaust parts" },
        },
      },
    },

    -- V2, V1: a systematic search of the car; the package is hidden in a different place each attempt.
    canvas {
      id = "car_search",
      title = { ru = "Досмотр автомобиля", en = "Search the car" },
      prompt = {
        ru = "Проведите полный досмотр: нажимайте на каждую зону, которую проверяете. Досмотр закончен, когда проверены все зоны.",
        en = "Carry out a full search: click each area as you search it. The search is complete when every area has been checked.",
      },
      width = 900,
      height = 500,
      init = function(state)
        state.searched = {}
        state.count = 0
        state.last = nil
        state.hidden = AREAS[math.random(#AREAS)].id
      end,
      draw = function(state)
        local ops = { { op = "image", x = 0, y = 0, w = 900, h = 400, file = "images/car.png" } }
        for _, area in ipairs(AREAS) do
          for _, s in ipairs(area.shapes) do
            local shape = {}
            for k, v in pairs(s) do shape[k] = v end
            shape.region = area.id
            shape.fill = state.searched[area.id] and "#27ae6066" or "#00000000"
            shape.color = state.searched[area.id] and "#1e8449" or "#2e86c1"
            shape.line_width = 2
            ops[#ops + 1] = shape
          end
        end
        if state.searched[state.hidden] then
          local at = PACKAGE_AT[state.hidden]
          ops[#ops + 1] = { op = "rect", x = at[1] - 14, y = at[2] - 9, w = 28, h = 18, fill = "#c0392b", color = "#641e16", line_width = 2 }
        end
        ops[#ops + 1] = { op = "text", x = 10, y = 408, size = 17, color = "#1b2631",
          text = state.last and state.last.says or { ru = "Нажмите на зону, чтобы досмотреть её.", en = "Click an area to search it." } }
        ops[#ops + 1] = { op = "text", x = 10, y = 438, size = 17, color = "#34495e",
          text = { ru = "Проверено зон: " .. state.count .. " из " .. #AREAS, en = "Areas searched: " .. state.count .. " of " .. #AREAS } }
        if state.searched[state.hidden] then
          ops[#ops + 1] = { op = "text", x = 10, y = 468, size = 17, color = "#c0392b",
            text = { ru = "Найдены свёртки " .. AREA_NAME[state.hidden].ru .. "." .. (state.count < #AREAS and " Продолжайте досмотр." or ""),
              en = "Packages found " .. AREA_NAME[state.hidden].en .. "." .. (state.count < #AREAS and " Carry on with the search." or "") } }
        end
        return ops
      end,
      click = function(state, region)
        for _, area in ipairs(AREAS) do
          if area.id == region then
            if not state.searched[region] then
              state.searched[region] = true
              state.count = state.count + 1
            end
            state.last = area
          end
        end
      end,
      done = function(state) return state.count == #AREAS end,
      score = function(state) return state.count / #AREAS end,
      solution = { "boot", "passenger", "doors", "engine", "bumpers", "under_roof", "wheel_wells" },
      wrong = { "boot", "passenger" },
      explanation = {
        ru = "Перечень охватывает весь автомобиль, и тайник мог оказаться в любой зоне. Пропущенная зона — непроверенная зона.",
        en = "The checklist covers the whole car, and the hiding place could have been in any area. An area skipped is an area not searched.",
      },
    },

    -- Short quiz. V1: door panels are a natural void.
    single {
      id = "q_natural",
      title = { ru = "Короткий тест", en = "Short quiz" },
      prompt = { ru = "Свёртки нашли в полости дверной панели. Что это за тайник?", en = "Packages are found inside a door panel. What kind of hiding place is it?" },
      choices = {
        { id = "natural", text = { ru = "Естественная полость автомобиля", en = "A natural void of the vehicle" } },
        { id = "built", text = { ru = "Специально оборудованный тайник", en = "A purpose-built compartment" },
          feedback = { ru = "Дверная панель — полость, которая есть в любом автомобиле.", en = "A door panel is a void every car has." } },
      },
      correct = "natural",
    },

    -- V2: compare the trailer's outside and inside dimensions.
    truefalse {
      id = "q_dimensions",
      prompt = {
        ru = "Сравнение наружных и внутренних размеров полуприцепа помогает найти ложные стенки.",
        en = "Comparing a trailer's outside and inside dimensions helps find false panels.",
      },
      correct = true,
    },

    -- D25: strong-smelling cover loads.
    single {
      id = "q_cover",
      prompt = { ru = "Почему контрабандисты любят возить наркотики под луком или капустой?", en = "Why do traffickers like to hide drugs under onions or cabbage?" },
      choices = {
        { id = "smell", text = { ru = "Сильный запах груза маскирует наркотики", en = "The load's strong smell masks the drugs" } },
        { id = "cheap", text = { ru = "Такой груз никогда не досматривают", en = "Such loads are never searched" },
          feedback = { ru = "Любой груз может быть досмотрен; прикрытие работает за счёт запаха.", en = "Any load can be searched; the cover works through its smell." } },
      },
      correct = "smell",
      shuffle = true,
    },
  },
}
