-- Lesson 5: the test bench. Five cases on a canvas: put on protection, choose a reagent, apply
-- it, watch the colour, say what it indicates and what to do next. One custom score for all cases
-- rewards safety, the right tests in a sensible order, and a presumptive conclusion.

-- Texts the simulation draws are picked by language at draw time (so that they can be wrapped
-- into lines); check_texts below refuses to load the file if any of them lacks a language.
local LANGS = { "ru", "en" }

local function check_texts(t, where)
  if type(t) ~= "table" then return end
  if t.ru ~= nil or t.en ~= nil then
    for _, lang in ipairs(LANGS) do
      if type(t[lang]) ~= "string" or t[lang] == "" then
        error("test_bench: a simulation text in " .. where .. " has no '" .. lang .. "' text", 2)
      end
    end
    return
  end
  for k, v in pairs(t) do check_texts(v, where .. "." .. tostring(k)) end
end

local function say(ctx, t)
  return t[ctx.lang] or t.en
end

-- Splits a text into lines of at most `width` characters (letters, not bytes).
local function wrap(s, width)
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    if line == "" then
      line = word
    elseif utf8.len(line) + 1 + utf8.len(word) <= width then
      line = line .. " " .. word
    else
      lines[#lines + 1] = line
      line = word
    end
  end
  if line ~= "" then lines[#lines + 1] = line end
  return lines
end

-- Adds a wrapped text; returns the y below its last line.
-- `width` is in characters of Cyrillic text; Latin letters are narrower, so English gets 10% more.
local function add_text(ops, ctx, t, x, y, size, width, color, line_height)
  line_height = line_height or math.floor(size * 1.3)
  if ctx.lang == "en" then width = math.floor(width * 1.1) end
  for _, line in ipairs(wrap(say(ctx, t), width)) do
    ops[#ops + 1] = { op = "text", x = x, y = y, text = line, size = size, color = color or "#1d2733" }
    y = y + line_height
  end
  return y
end

-- The words on the bench. C27: most colour reagents are strong acids (no_ppe); C17: the Scott
-- steps (hint_scott); C29: compare colours in good light (hint_read).
local T = {
  sample = { ru = "Образец", en = "Sample" },
  ppe_off = { ru = "Надеть перчатки и защитные очки", en = "Put on gloves and eye protection" },
  ppe_on = { ru = "Перчатки и очки надеты", en = "Gloves and goggles on" },
  step1 = { ru = "1. Выберите реактив", en = "1. Choose a reagent" },
  step2 = { ru = "2. Нанести: нажмите на образец", en = "2. Apply: click the sample" },
  results = { ru = "Результаты", en = "Results" },
  step3 = { ru = "3. На что указывает результат?", en = "3. What does the result indicate?" },
  step4 = { ru = "4. Что вы делаете дальше?", en = "4. What do you do next?" },
  hint_start = { ru = "Начните с защиты, затем выберите реактив под своё подозрение.", en = "Start with protection, then choose the reagent that fits your suspicion." },
  hint_ppe = { ru = "Защита надета. Выберите реактив под своё подозрение.", en = "Protection on. Choose the reagent that fits your suspicion." },
  hint_apply = { ru = "Реактив выбран. Нажмите на образец, чтобы нанести его.", en = "Reagent chosen. Click the sample to apply it." },
  hint_choose = { ru = "Сначала выберите реактив.", en = "Choose a reagent first." },
  hint_again = { ru = "Этот тест уже проведён — смотрите результаты.", en = "You have already run this test: see the results." },
  hint_scott = { ru = "Тест Скотта идёт в три этапа: добавьте соляную кислоту, затем хлороформ.", en = "The Scott test has three steps: add hydrochloric acid, then chloroform." },
  hint_read = { ru = "Сравните цвет при хорошем освещении. Нужен ли ещё тест?", en = "Compare the colour in good light. Do you need another test?" },
  no_ppe = { ru = "Осторожно: вы работаете с реактивом без перчаток и очков! Большинство реактивов — сильные кислоты.", en = "Careful: you are handling a reagent without gloves and goggles! Most reagents are strong acids." },
  hcl = { ru = "+ HCl", en = "+ HCl" },
  chloroform = { ru = "+ хлороформ", en = "+ chloroform" },
}

-- The four reagents on the bench (C3).
local REAGENTS = {
  marquis = { ru = "Марки", en = "Marquis" },
  simon = { ru = "Саймон", en = "Simon's" },
  scott = { ru = "Скотт", en = "Scott" },
  fastblue = { ru = "Прочный синий Б", en = "Fast Blue B" },
}
local REAGENT_IDS = { "marquis", "simon", "scott", "fastblue" }

-- Results as drawn. C9: Marquis violet/purple with opiates; C10: amphetamine orange-red then
-- brown, methamphetamine orange; C11: methamphetamine orange (Marquis), deep blue (Simon's);
-- C15: amphetamine, a primary amine, gives no blue with Simon's; C8: Marquis does not react with
-- cocaine; C17: the three Scott steps.
local R = {
  violet = { first = "#6b2d8f", final = "#6b2d8f", text = { ru = "фиолетовый, пурпурный", en = "violet to purple" } },
  orange = { first = "#f08a24", final = "#f08a24", text = { ru = "оранжевый", en = "orange" } },
  orange_brown = { first = "#e0502a", final = "#7a4a26", text = { ru = "оранжево-красный, затем коричневый", en = "orange-red, then brown" } },
  deep_blue = { first = "#1f3fa8", final = "#1f3fa8", text = { ru = "тёмно-синий", en = "deep blue" } },
  no_blue = { first = "#ddd8cc", final = "#ddd8cc", text = { ru = "синего цвета нет", en = "no blue colour" } },
  no_change = { first = "#ece8de", final = "#ece8de", text = { ru = "цвет не изменился", en = "no colour change" } },
}
local SCOTT = {
  { text = { ru = "Скотт, этап 1: частицы синие", en = "Scott, step 1: particles blue" } },
  { text = { ru = "Скотт, этап 2: жидкость снова розовая", en = "Scott, step 2: liquid pink again" } },
  { text = { ru = "Скотт, этап 3: нижний слой синий", en = "Scott, step 3: lower layer blue" } },
}

-- The decisions. Class buttons, then what to do next (C1, C2: a presumptive result goes to the
-- laboratory; it neither proves the drug nor is it worthless).
local CLASSES = {
  { id = "opiate", text = { ru = "Опиат (героин и др.)", en = "Opiate (e.g. heroin)" } },
  { id = "cocaine", text = { ru = "Кокаин", en = "Cocaine" } },
  { id = "meth", text = { ru = "Метамфетамин", en = "Methamphetamine" } },
  { id = "amphetamine", text = { ru = "Амфетамин", en = "Amphetamine" } },
  { id = "cannabis", text = { ru = "Каннабис", en = "Cannabis" } },
  { id = "none", text = { ru = "Наркотик не выявлен", en = "No drug indicated" } },
}
local CONCLUSIONS = {
  { id = "proven", text = { ru = "Наркотик доказан: так и записать", en = "Drug proven: record it as such" } },
  { id = "presumptive", text = { ru = "Предварительно: образец — в лабораторию", en = "Presumptive: send a sample to the lab" } },
  { id = "release", text = { ru = "Тест — не доказательство: пропустить", en = "A test is no evidence: let it go" } },
}

-- "Stop" notes for a reagent that does not fit the suspicion (C4: tests back up a suspicion;
-- choose the specific test). They cost marks unless `free` is set.
local STOP_AMPH = { ru = "Стоп: ничто не указывает на амфетамины, а тест Саймона — для них. Выберите тест под своё подозрение.", en = "Stop: nothing here points to an amphetamine-type drug, which is what Simon's test is for. Choose the test that fits your suspicion." }
local STOP_CANNABIS = { ru = "Стоп: это не растительная масса и не смола. Прочный синий Б — тест на каннабис.", en = "Stop: this is not plant material or resin. Fast Blue B is a cannabis test." }

-- The cases. Each has a title, a description, how the sample is drawn, `results` for the reagents
-- it lets the trainee use (a result from R, or "positive" for the Scott steps), `stops` for the
-- others, the `required` tests in their sensible order, and the `answer` class.
-- D1, D22: brown heroin base and heroin in lorries; D12: crystal methamphetamine;
-- D14: captagon-type tablets usually contain amphetamine; D11: cocaine hydrochloride is white;
-- D18: heroin on Dushanbe–Moscow trains; C19: cobalt thiocyanate turns blue with heroin.
local CASES = {
  brown = {
    title = { ru = "Случай 1. Коричневый порошок в грузовике", en = "Case 1. Brown powder in a lorry" },
    description = { ru = "Пакеты с коричневым зернистым порошком в полуприцепе грузовика из Таджикистана.", en = "Bags of brown, granular powder in a lorry trailer from Tajikistan." },
    sample = { kind = "powder", colour = "#8a5a34" },
    results = { marquis = R.violet },
    stops = {
      simon = { text = STOP_AMPH },
      scott = { text = { ru = "Стоп: гидрохлорид кокаина обычно белый, а этот порошок коричневый. Выберите тест под своё подозрение.", en = "Stop: cocaine hydrochloride is usually white, and this powder is brown. Choose the test that fits your suspicion." } },
      fastblue = { text = STOP_CANNABIS },
    },
    required = { "marquis" },
    answer = "opiate",
  },
  crystals = {
    title = { ru = "Случай 2. Кристаллы в легковом автомобиле", en = "Case 2. Crystals in a car" },
    description = { ru = "Пакет с блестящими голубовато-белыми кристаллами, похожими на осколки стекла, под сиденьем автомобиля.", en = "A bag of shiny, bluish-white crystals like broken glass, under a car seat." },
    sample = { kind = "crystals" },
    results = { marquis = R.orange, simon = R.deep_blue },
    stops = {
      scott = { text = { ru = "Стоп: кристаллы, похожие на стекло, указывают скорее на метамфетамин, чем на кокаин. Выберите тест под своё подозрение.", en = "Stop: glass-like crystals point to methamphetamine rather than cocaine. Choose the test that fits your suspicion." } },
      fastblue = { text = STOP_CANNABIS },
    },
    required = { "marquis", "simon" },
    answer = "meth",
  },
  tablets = {
    title = { ru = "Случай 3. Таблетки с двумя полумесяцами", en = "Case 3. Tablets with two half-moons" },
    description = { ru = "Белые таблетки с логотипом из двух полумесяцев в грузе, задекларированном как лекарства.", en = "White tablets with a logo of two half-moons, in a load declared as medicines." },
    sample = { kind = "tablets" },
    results = { marquis = R.orange_brown, simon = R.no_blue },
    stops = {
      scott = { text = { ru = "Стоп: таблетки с логотипом «каптагона» указывают на амфетамины, а не на кокаин. Выберите тест под своё подозрение.", en = "Stop: tablets with a captagon-type logo point to amphetamines, not cocaine. Choose the test that fits your suspicion." } },
      fastblue = { text = STOP_CANNABIS },
    },
    required = { "marquis", "simon" },
    answer = "amphetamine",
  },
  cocaine = {
    title = { ru = "Случай 4. Белый порошок в багаже", en = "Case 4. White powder in luggage" },
    description = { ru = "Белый кристаллический порошок в багаже пассажира. По оперативной информации, ожидается партия кокаина.", en = "A white crystalline powder in a passenger's luggage. Intelligence says a cocaine consignment is expected." },
    sample = { kind = "powder", colour = "#f4f2ec" },
    results = { scott = "positive", marquis = R.no_change },
    stops = {
      simon = { text = STOP_AMPH },
      fastblue = { text = STOP_CANNABIS },
    },
    required = { "scott", "marquis" },
    answer = "cocaine",
  },
  train = {
    title = { ru = "Случай 5. Белый порошок в поезде", en = "Case 5. White powder on a train" },
    description = { ru = "Белый порошок в тайнике вагона поезда Душанбе — Москва. Коллега уже провёл тест с тиоцианатом кобальта: частицы посинели. «Кокаин», — говорит он.", en = "White powder hidden in a carriage of a Dushanbe–Moscow train. A colleague has already run a cobalt thiocyanate test: the particles turned blue. \"Cocaine,\" he says." },
    sample = { kind = "powder", colour = "#f4f2ec" },
    results = { marquis = R.violet },
    colleague = { ru = "Коллега, тиоцианат кобальта: частицы синие", en = "Colleague, cobalt thiocyanate: particles blue" },
    stops = {
      scott = { free = true, text = { ru = "Тест с тиоцианатом кобальта коллега уже провёл: синий. Но синий бывает и с героином — нужен тест на опиаты.", en = "Your colleague has already run cobalt thiocyanate: blue. But heroin turns it blue too, so an opiate test is needed." } },
      simon = { text = STOP_AMPH },
      fastblue = { text = STOP_CANNABIS },
    },
    required = { "marquis" },
    answer = "opiate",
  },
}

check_texts(T, "T")
check_texts(REAGENTS, "REAGENTS")
check_texts(R, "R")
check_texts(SCOTT, "SCOTT")
check_texts(CLASSES, "CLASSES")
check_texts(CONCLUSIONS, "CONCLUSIONS")
check_texts(CASES, "CASES")

local function init_bench(state, case)
  state.ppe = false          -- protection on
  state.ppe_first = false    -- put on before any reagent was applied
  state.applied_any = false
  state.selected = nil       -- reagent picked, not yet applied
  state.done = {}            -- reagent id -> order in which its test was completed
  state.seq = 0
  state.scott_step = 0
  state.misfires = {}        -- reagents refused by a stop note that costs marks
  state.log = {}             -- result lines, as texts
  state.view = nil           -- what the sample spot shows: { first, final } or { scott = n }
  state.note = T.hint_start
  state.note_warn = false
  state.class = nil
  state.conclusion = nil
  if case.colleague then state.log[1] = case.colleague end
  -- The ampoules stand in a different order for each attempt.
  local order = { table.unpack(REAGENT_IDS) }
  for i = #order, 2, -1 do
    local j = math.random(1, i)
    order[i], order[j] = order[j], order[i]
  end
  state.slots = order
end

local function complete(state, reagent)
  if state.done[reagent] == nil then
    state.seq = state.seq + 1
    state.done[reagent] = state.seq
  end
end

local function click_bench(state, region, case)
  if region == "ppe" then
    if not state.ppe and not state.applied_any then state.ppe_first = true end
    state.ppe = true
    state.note, state.note_warn = T.hint_ppe, false
    return
  end
  if REAGENTS[region] then
    local stop = case.stops[region]
    if stop then
      if not stop.free then state.misfires[region] = true end
      state.selected = nil
      state.note, state.note_warn = stop.text, true
    elseif state.done[region] ~= nil or (region == "scott" and state.scott_step > 0) then
      state.selected = nil
      state.note, state.note_warn = T.hint_again, false
    else
      state.selected = region
      state.note, state.note_warn = T.hint_apply, false
    end
    return
  end
  if region == "apply" then
    local reagent = state.selected
    if reagent == nil then
      state.note, state.note_warn = T.hint_choose, false
      return
    end
    state.selected = nil
    state.applied_any = true
    -- Every reagent a case offers needs a stop note or a result: a colour must never be made up.
    local result = case.results[reagent]
    if result == nil then error("test_bench: this case has no result for " .. reagent, 0) end
    if reagent == "scott" then
      -- The Scott sequence drawn is the positive one (C17); only a case that says so may use it.
      if result ~= "positive" then error("test_bench: the Scott test is only drawn positive", 0) end
      state.scott_step = 1
      state.view = { scott = 1 }
      state.log[#state.log + 1] = SCOTT[1].text
      state.note, state.note_warn = T.hint_scott, false
    else
      state.view = { first = result.first, final = result.final }
      state.log[#state.log + 1] = { ru = REAGENTS[reagent].ru .. ": " .. result.text.ru, en = REAGENTS[reagent].en .. ": " .. result.text.en }
      complete(state, reagent)
      state.note, state.note_warn = T.hint_read, false
    end
    if not state.ppe then state.note, state.note_warn = T.no_ppe, true end
    return
  end
  if region == "hcl" and state.scott_step == 1 then
    state.scott_step = 2
    state.view = { scott = 2 }
    state.log[#state.log + 1] = SCOTT[2].text
    return
  end
  if region == "chloroform" and state.scott_step == 2 then
    state.scott_step = 3
    state.view = { scott = 3 }
    state.log[#state.log + 1] = SCOTT[3].text
    complete(state, "scott")
    state.note, state.note_warn = T.hint_read, false
    return
  end
  for _, c in ipairs(CLASSES) do
    if region == c.id then state.class = region return end
  end
  for _, c in ipairs(CONCLUSIONS) do
    if region == c.id then state.conclusion = region return end
  end
end

-- Marks out of 20: protection before the first reagent 4; the required tests 6; done in the
-- sensible order 2; the right class 5; "presumptive, to the laboratory" 3; minus 1 for each
-- reagent chosen against the suspicion.
local function score_bench(state, case)
  local points = 0
  if state.ppe_first then points = points + 4 end
  local count, in_order, last = 0, true, 0
  for _, reagent in ipairs(case.required) do
    local at = state.done[reagent]
    if at ~= nil then
      count = count + 1
      if at < last then in_order = false end
      last = at
    else
      in_order = false
    end
  end
  points = points + 6 * count / #case.required
  if in_order then points = points + 2 end
  if state.class == case.answer then points = points + 5 end
  if state.conclusion == "presumptive" then points = points + 3 end
  for _ in pairs(state.misfires) do points = points - 1 end
  return math.max(0, math.min(1, points / 20))
end

-- Crescent outline for the tablet logo: convex to the left (side = -1) or to the right (1).
local function crescent(cx, cy, r, side)
  local pts = {}
  for i = 0, 8 do
    local a = -math.pi / 2 + i * math.pi / 8
    pts[#pts + 1] = cx + side * r * math.cos(a)
    pts[#pts + 1] = cy + r * math.sin(a)
  end
  for i = 8, 0, -1 do
    local a = -math.pi / 2 + i * math.pi / 8
    pts[#pts + 1] = cx + side * r * 0.4 * math.cos(a)
    pts[#pts + 1] = cy + r * math.sin(a)
  end
  return pts
end

local function draw_sample(ops, sample, cx, cy)
  ops[#ops + 1] = { op = "rect", x = cx - 100, y = cy + 26, w = 200, h = 12, fill = "#c9d2da" }
  if sample.kind == "powder" then
    ops[#ops + 1] = { op = "polygon", points = { cx - 80, cy + 28, cx - 56, cy - 6, cx - 24, cy - 26, cx + 20, cy - 28, cx + 54, cy - 8, cx + 80, cy + 28 },
      fill = sample.colour, color = "#6d6256", line_width = 2 }
  elseif sample.kind == "crystals" then
    local shards = {
      { cx - 70, cy + 26, cx - 52, cy - 24, cx - 30, cy + 24 },
      { cx - 34, cy + 28, cx - 10, cy - 40, cx + 24, cy + 12, cx + 8, cy + 28 },
      { cx + 20, cy + 28, cx + 40, cy - 16, cx + 70, cy + 26 },
      { cx - 40, cy - 20, cx - 22, cy - 44, cx - 8, cy - 22 },
    }
    for i, pts in ipairs(shards) do
      ops[#ops + 1] = { op = "polygon", points = pts, fill = (i % 2 == 0) and "#c9e0f3" or "#e6f2fb", color = "#7fa6c6", line_width = 2 }
    end
  else
    for _, x in ipairs({ cx - 54, cx, cx + 54 }) do
      ops[#ops + 1] = { op = "circle", x = x, y = cy, r = 24, fill = "#fbfbfb", color = "#a8a8a8", line_width = 2 }
      ops[#ops + 1] = { op = "polygon", points = crescent(x - 5, cy, 10, -1), fill = "#8c8c8c" }
      ops[#ops + 1] = { op = "polygon", points = crescent(x + 5, cy, 10, 1), fill = "#8c8c8c" }
    end
  end
end

-- The layout is wide and low (1000 x 480), as a kiosk gives a canvas the column's width but
-- only half the window's height: three columns, sample | reagents and results | decisions.
local function draw_ampoule(ops, ctx, state, reagent, cx)
  local used = state.done[reagent] ~= nil or (reagent == "scott" and state.scott_step > 0)
  if state.selected == reagent then
    ops[#ops + 1] = { op = "rect", x = cx - 40, y = 66, w = 80, h = 106, fill = "#dbe9ff", color = "#1f6feb", line_width = 3 }
  elseif used then
    ops[#ops + 1] = { op = "rect", x = cx - 40, y = 66, w = 80, h = 106, fill = "#eceff3" }
  end
  ops[#ops + 1] = { op = "polygon", points = { cx - 5, 78, cx, 70, cx + 5, 78 }, fill = "#e6f2fa", color = "#7a8794" }
  ops[#ops + 1] = { op = "rect", x = cx - 5, y = 78, w = 10, h = 10, fill = "#e6f2fa", color = "#7a8794" }
  ops[#ops + 1] = { op = "rect", x = cx - 14, y = 88, w = 28, h = 44, fill = "#eef6fb", color = "#7a8794", line_width = 2 }
  ops[#ops + 1] = { op = "rect", x = cx - 12, y = 108, w = 24, h = 22, fill = "#efe3c2" }
  if used then
    ops[#ops + 1] = { op = "line", x1 = cx - 16, y1 = 132, x2 = cx + 16, y2 = 88, color = "#7a8794", width = 2 }
  end
  -- The clickable box comes before the reagent's name, so that the two read as one button.
  ops[#ops + 1] = { op = "rect", x = cx - 40, y = 66, w = 80, h = 106, fill = "#00000000", region = reagent }
  add_text(ops, ctx, REAGENTS[reagent], cx - 36, 136, 13, 10, "#1d2733", 16)
end

local function draw_view(ops, state, sample)
  local view = state.view
  if view and view.scott then
    -- A test tube: step 1 blue, step 2 pink, step 3 pink over a blue lower layer (C17).
    local colours = { "#6d8fe0", "#f2a7c0" }
    ops[#ops + 1] = { op = "rect", x = 342, y = 238, w = 36, h = 100, fill = "#f4f8fb", color = "#5c6b7a", line_width = 3, region = "apply" }
    if view.scott < 3 then
      ops[#ops + 1] = { op = "rect", x = 344, y = 270, w = 32, h = 66, fill = colours[view.scott] }
    else
      ops[#ops + 1] = { op = "rect", x = 344, y = 270, w = 32, h = 33, fill = "#f2a7c0" }
      ops[#ops + 1] = { op = "rect", x = 344, y = 303, w = 32, h = 33, fill = "#2f57c9" }
    end
    if view.scott == 1 then
      for _, p in ipairs({ { 352, 326 }, { 363, 330 }, { 370, 321 } }) do
        ops[#ops + 1] = { op = "circle", x = p[1], y = p[2], r = 3, fill = "#1f3f9e" }
      end
    end
    return
  end
  local outer = sample.kind == "crystals" and "#dcecf8" or (sample.colour or "#fbfbfb")
  local inner = outer
  if view then outer, inner = view.first, view.final end
  ops[#ops + 1] = { op = "circle", x = 360, y = 290, r = 40, fill = outer, color = "#6b7785", line_width = 2, region = "apply" }
  ops[#ops + 1] = { op = "circle", x = 360, y = 290, r = 24, fill = inner }
end

local function button(ops, ctx, id, text, x, y, w, h, selected, width)
  ops[#ops + 1] = { op = "rect", x = x, y = y, w = w, h = h, region = id,
    fill = selected and "#cfe3ff" or "#f5f7fa", color = selected and "#1f6feb" or "#9aa5b1", line_width = selected and 3 or 1 }
  local lines = wrap(say(ctx, text), width)
  local ty = y + math.floor((h - #lines * 17) / 2) + 1
  for _, line in ipairs(lines) do
    ops[#ops + 1] = { op = "text", x = x + 8, y = ty, text = line, size = 14, color = "#1d2733" }
    ty = ty + 17
  end
end

local function panel(ops, x, y, w, h, fill, border)
  ops[#ops + 1] = { op = "rect", x = x, y = y, w = w, h = h, fill = fill or "#ffffff", color = border or "#c0c8d0" }
end

local function draw_bench(state, ctx, case)
  local ops = {}
  ops[#ops + 1] = { op = "rect", x = 0, y = 0, w = 1000, h = 480, fill = "#e9eef2" }
  ops[#ops + 1] = { op = "rect", x = 0, y = 0, w = 1000, h = 34, fill = "#1f3a5a" }
  add_text(ops, ctx, case.title, 12, 7, 18, 90, "#ffffff")

  -- Column 1: the sample and the protection button.
  panel(ops, 10, 42, 240, 360)
  add_text(ops, ctx, T.sample, 20, 48, 14, 26, "#4a5663")
  draw_sample(ops, case.sample, 130, 124)
  add_text(ops, ctx, case.description, 20, 174, 14, 25, "#1d2733", 18)
  button(ops, ctx, "ppe", state.ppe and T.ppe_on or T.ppe_off, 10, 410, 240, 62, state.ppe, 22)
  if state.ppe then
    ops[#ops + 1] = { op = "line", x1 = 218, y1 = 441, x2 = 226, y2 = 451, color = "#1e7b34", width = 4 }
    ops[#ops + 1] = { op = "line", x1 = 226, y1 = 451, x2 = 240, y2 = 429, color = "#1e7b34", width = 4 }
  end

  -- Column 2: reagents, the sample spot (or the Scott tube), results.
  panel(ops, 260, 42, 340, 134)
  add_text(ops, ctx, T.step1, 270, 47, 14, 40, "#4a5663")
  for i, reagent in ipairs(state.slots) do
    draw_ampoule(ops, ctx, state, reagent, 302 + (i - 1) * 85)
  end
  panel(ops, 260, 184, 200, 170)
  add_text(ops, ctx, T.step2, 270, 189, 14, 22, "#4a5663", 17)
  draw_view(ops, state, case.sample)
  if state.scott_step == 1 then
    button(ops, ctx, "hcl", T.hcl, 468, 248, 132, 44, false, 14)
  elseif state.scott_step == 2 then
    button(ops, ctx, "chloroform", T.chloroform, 468, 248, 132, 44, false, 14)
  end
  panel(ops, 260, 362, 340, 110)
  add_text(ops, ctx, T.results, 270, 366, 14, 40, "#4a5663")
  local y = 386
  for _, entry in ipairs(state.log) do
    y = add_text(ops, ctx, entry, 270, y, 13, 40, "#1d2733", 16) + 2
  end

  -- Column 3: the decisions, then the note box (hints, stop notes, warnings).
  add_text(ops, ctx, T.step3, 610, 44, 14, 46, "#4a5663")
  for i, c in ipairs(CLASSES) do
    local col, row = (i - 1) % 2, (i - 1) // 2
    button(ops, ctx, c.id, c.text, 610 + col * 195, 64 + row * 40, 185, 34, state.class == c.id, 21)
  end
  add_text(ops, ctx, T.step4, 610, 188, 14, 46, "#4a5663")
  for i, c in ipairs(CONCLUSIONS) do
    button(ops, ctx, c.id, c.text, 610, 208 + (i - 1) * 44, 380, 38, state.conclusion == c.id, 44)
  end
  panel(ops, 610, 344, 380, 128, state.note_warn and "#fff1cc" or "#f5f7fa", state.note_warn and "#d19a00" or "#c0c8d0")
  add_text(ops, ctx, state.note, 620, 352, 14, 44, "#1d2733", 18)
  return ops
end

-- One canvas screen for a case.
local function bench_case(id, case, solution, wrong, explanation)
  return canvas {
    id = id,
    prompt = {
      ru = "Проверьте образец: защитите себя, выберите и нанесите реактив, оцените цвет, затем решите, на что указывает результат и что делать дальше.",
      en = "Test the sample: protect yourself, choose and apply a reagent, read the colour, then decide what it indicates and what to do next.",
    },
    width = 1000,
    height = 480,
    init = function(state, ctx) init_bench(state, case) end,
    draw = function(state, ctx) return draw_bench(state, ctx, case) end,
    click = function(state, region, ctx) click_bench(state, region, case) end,
    done = function(state, ctx) return state.class ~= nil and state.conclusion ~= nil end,
    score = function(state, ctx) return score_bench(state, case) end,
    solution = solution,
    wrong = wrong,
    explanation = explanation,
  }
end

return lesson {
  id = "test_bench",
  title = { ru = "Практикум: экспресс-тест на месте", en = "At the test bench: field testing in practice" },
  objectives = {
    { ru = "Проводить экспресс-тест по шагам и безопасно", en = "Run a field test safely, step by step" },
    { ru = "Выбирать реактивы под подозрение и в разумном порядке", en = "Choose reagents that fit the suspicion, in a sensible order" },
    { ru = "Правильно оценивать и оформлять предварительный результат", en = "Read a presumptive result and act on it correctly" },
  },
  screens = {
    -- C27: protection first; C4: test for what you suspect; C10, C15: Marquis, then Simon's;
    -- C19: add an opiate test after a cobalt blue; C1, C2: a presumptive result goes to the lab.
    info {
      id = "how_it_works",
      title = { ru = "Как устроен практикум", en = "How the bench works" },
      body = {
        para {
          ru = "Пять случаев. В каждом перед вами образец, четыре ампулы с реактивами и пластинка для капельной пробы. Действуйте как на службе:",
          en = "Five cases. Each gives you a sample, four reagent ampoules and a spot plate. Work as you would on duty:",
        },
        numbered {
          { ru = "Наденьте перчатки и защитные очки — до того, как откроете реактив.", en = "Put on gloves and eye protection before you open any reagent." },
          { ru = "Выберите реактив, который подходит к вашему подозрению, и нажмите на образец. Нужен второй тест — проведите его.", en = "Choose the reagent that fits your suspicion and click the sample. If you need a second test, run it." },
          { ru = "Решите, на что указывает результат.", en = "Decide what the result indicates." },
          { ru = "Решите, что делать дальше.", en = "Decide what to do next." },
        },
        para {
          ru = "Оценивается всё: защита, выбор и порядок тестов, верный вывод и понимание того, чего тест не доказывает. Тест «не по адресу» снижает оценку.",
          en = "Everything counts: protection, the choice and order of tests, the right reading, and knowing what a test does not prove. A test that does not fit the suspicion costs marks.",
        },
      },
    },

    -- C3, C9, C12, C1, C2; D1.
    bench_case("case_brown", CASES.brown,
      { "ppe", "marquis", "apply", "opiate", "presumptive" },
      { "marquis", "apply", "opiate", "proven" },
      {
        ru = "Коричневый порошок на Северном маршруте — подозрение на героин-основание, значит, нужен тест на опиаты: реактив Марки. Фиолетовый цвет указывает на опиат, но хинин и некоторые другие вещества дают похожий цвет. Результат предварительный — образец в лабораторию.",
        en = "Brown powder on the Northern Route suggests heroin base, so you need an opiate test: Marquis. Violet points to an opiate, but quinine and some other compounds give a similar colour. The result is presumptive: the sample goes to the laboratory.",
      }),

    -- D12; C10, C11: Marquis orange, then Simon's deep blue; C15.
    bench_case("case_crystals", CASES.crystals,
      { "ppe", "marquis", "apply", "simon", "apply", "meth", "presumptive" },
      { "ppe", "marquis", "apply", "amphetamine", "presumptive" },
      {
        ru = "Кристаллы, похожие на стекло, — подозрение на метамфетамин. Реактив Марки дал оранжевый цвет: амфетамин или метамфетамин, их он не различает. Тест Саймона дал тёмно-синий: вторичный амин, как метамфетамин. Вывод предварительный — в лабораторию.",
        en = "Glass-like crystals suggest methamphetamine. Marquis gave orange: amphetamine or methamphetamine, which it cannot tell apart. Simon's gave deep blue: a secondary amine, like methamphetamine. The conclusion is presumptive: to the laboratory.",
      }),

    -- D14, D15 (verified part): a logo proves nothing; C10: Marquis orange-red then brown;
    -- C15: no blue with Simon's, a primary amine such as amphetamine.
    bench_case("case_tablets", CASES.tablets,
      { "ppe", "marquis", "apply", "simon", "apply", "amphetamine", "presumptive" },
      { "ppe", "simon", "apply", "meth", "proven" },
      {
        ru = "Логотип ничего не доказывает, но изымаемый сегодня «каптагон» обычно содержит амфетамин. Реактив Марки: оранжево-красный, затем коричневый. Тест Саймона не дал синего — это первичный амин, как амфетамин, а не метамфетамин. Вывод предварительный — в лабораторию.",
        en = "The logo proves nothing, but the captagon seized today usually contains amphetamine. Marquis: orange-red, then brown. Simon's gave no blue: a primary amine such as amphetamine, not methamphetamine. The conclusion is presumptive: to the laboratory.",
      }),

    -- C4: intelligence; C17: all three Scott steps; C19: add an opiate test; C8: Marquis does
    -- not react with cocaine; C18: lidocaine and benzocaine remain possible; C1.
    bench_case("case_cocaine", CASES.cocaine,
      { "ppe", "scott", "apply", "hcl", "chloroform", "marquis", "apply", "cocaine", "presumptive" },
      { "ppe", "scott", "apply", "cocaine", "presumptive" },
      {
        ru = "Тест Скотта прошёл все три этапа: синий, снова розовый, синий нижний слой. Но синий дают и героин, и лидокаин, поэтому добавлен тест на опиаты: реактив Марки не среагировал, как и положено с кокаином. Лидокаин и бензокаин по-прежнему не исключены — подтверждает лаборатория.",
        en = "The Scott test passed all three steps: blue, pink again, blue lower layer. But heroin and lidocaine give the blue too, so an opiate test follows: Marquis did not react, as expected with cocaine. Lidocaine and benzocaine are still not ruled out: the laboratory confirms.",
      }),

    -- D18, D1, D22: white heroin on the route; C19: cobalt blue with heroin; C9: Marquis violet.
    bench_case("case_train", CASES.train,
      { "ppe", "marquis", "apply", "opiate", "presumptive" },
      { "ppe", "cocaine", "proven" },
      {
        ru = "Тиоцианат кобальта синеет и с героином, а белый героин идёт по Северному маршруту. Тест на опиаты (реактив Марки) дал фиолетовый цвет — это указывает на опиат, а не на кокаин. Вывод предварительный — в лабораторию.",
        en = "Cobalt thiocyanate also turns blue with heroin, and white heroin travels the Northern Route. The opiate test (Marquis) gave violet: this points to an opiate, not cocaine. The conclusion is presumptive: to the laboratory.",
      }),

    info {
      id = "quiz",
      title = { ru = "Проверьте себя", en = "Check yourself" },
      body = { para { ru = "Два вопроса, по одной попытке на каждый.", en = "Two questions, one try each." } },
    },

    -- C17, C19: after a positive Scott test on the Northern Route, add an opiate test;
    -- C3: Simon's is for amphetamines; C1.
    single {
      id = "after_scott",
      prompt = {
        ru = "Тест Скотта с белым порошком прошёл все три этапа. Что дальше, если вы на Северном маршруте?",
        en = "A Scott test on a white powder passed all three steps. On the Northern Route, what next?",
      },
      choices = {
        { id = "opiate_test", text = { ru = "Тест на опиаты (реактив Марки), потом вывод", en = "An opiate test (Marquis), then the conclusion" } },
        { id = "record", text = { ru = "Записать, что установлен кокаин", en = "Record cocaine as identified" },
          feedback = { ru = "Тест ничего не устанавливает; к тому же синий даёт и героин.", en = "A test identifies nothing; besides, heroin gives the blue too." } },
        { id = "simon", text = { ru = "Тест Саймона", en = "Simon's test" },
          feedback = { ru = "Тест Саймона — для амфетаминов.", en = "Simon's test is for amphetamines." } },
      },
      correct = "opiate_test",
      shuffle = true,
    },

    -- C10: Marquis cannot tell amphetamine from methamphetamine; Simon's can.
    truefalse {
      id = "marquis_enough",
      prompt = {
        ru = "Чтобы отличить амфетамин от метамфетамина, достаточно реактива Марки.",
        en = "Marquis reagent is enough to tell amphetamine from methamphetamine.",
      },
      correct = false,
      explanation = {
        ru = "Марки окрашивает оба в оранжевые тона; различает их тест Саймона.",
        en = "Marquis gives orange shades with both; Simon's test tells them apart.",
      },
    },
  },
}
