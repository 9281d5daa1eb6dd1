-- Lesson 3: security features of a passport and signs of forgery: ICAO's threats and layered
-- features, paper and printing features, page substitution, and a simulated examination with a
-- UV lamp and a magnifier on generated documents.

-- The regions on images/passport.png (see assets/illustrations/border-security/passport.svg).
local OVD = { 235, 345, 46 }
local PHOTO = { 40, 110, 210, 260 }
local MICROPRINT = { 286, 400, 568, 20 }
local MRZ = { 12, 484, 856, 124 }

-- The three cases of the simulation. S3: genuine paper stays dull under UV and carries fibres that
-- glow; S5: microprinting breaks up when copied; S11: a substituted page differs from the others
-- in paper, printing or UV behaviour, and shows signs at the spine and stitching.
local CASES = { "genuine", "counterfeit", "substituted" }

local function examine(ctx)
  local case = CASES[math.random(#CASES)]
  local fibres = {}
  for i = 1, 14 do
    fibres[i] = { x = math.random(10, 280), y = math.random(10, 190), dx = math.random(-12, 12), dy = math.random(-8, 8),
      color = ({ "#ff5e5e", "#ffe14d", "#5ee0ff" })[math.random(1, 3)] }
  end

  -- uv_fill: the page's colour under the UV lamp, nil in white light.
  local function page(ops, x, uv_fill, with_fibres, data)
    local uv = uv_fill ~= nil
    local fill = uv_fill or "#f4efe1"
    ops[#ops + 1] = { op = "rect", x = x, y = 50, w = 300, h = 210, fill = fill, color = "#6b6659", line_width = 2 }
    if data then
      ops[#ops + 1] = { op = "rect", x = x + 15, y = 70, w = 80, h = 100, fill = uv and "#3d3566" or "#dfe6ea", color = "#7a8a96" }
      for i = 0, 3 do
        ops[#ops + 1] = { op = "rect", x = x + 110, y = 78 + i * 24, w = 160 - i * 20, h = 8, fill = uv and "#4b4478" or "#8a8470" }
      end
      ops[#ops + 1] = { op = "line", x1 = x + 110, y1 = 180, x2 = x + 285, y2 = 180, color = uv and "#4b4478" or "#556655", width = 1 }
      ops[#ops + 1] = { op = "rect", x = x + 10, y = 215, w = 280, h = 10, fill = uv and "#4b4478" or "#555555" }
      ops[#ops + 1] = { op = "rect", x = x + 10, y = 235, w = 280, h = 10, fill = uv and "#4b4478" or "#555555" }
    end
    if uv and with_fibres then
      for _, f in ipairs(fibres) do
        ops[#ops + 1] = { op = "line", x1 = x + f.x, y1 = 50 + f.y, x2 = x + f.x + f.dx, y2 = 50 + f.y + f.dy, color = f.color, width = 2 }
      end
    end
  end

  local function button(ops, id, x, y, w, label, active)
    ops[#ops + 1] = { op = "rect", x = x, y = y, w = w, h = 48, region = id, fill = active and "#f5b041" or "#d6eaf8", color = "#1b4f72", line_width = 2 }
    ops[#ops + 1] = { op = "text", x = x + 12, y = y + 14, size = 17, color = "#1b2631", text = label }
  end

  local SEEN = {
    uv = {
      genuine = { ru = "УФ: обе страницы тусклые, светятся цветные защитные волокна.", en = "UV: both pages stay dull; coloured security fibres glow." },
      counterfeit = { ru = "УФ: обе страницы ярко светятся, волокон нет.", en = "UV: both pages glow brightly; no fibres." },
      substituted = { ru = "УФ: страница данных светится иначе, чем соседняя.", en = "UV: the data page glows differently from the facing page." },
    },
    magnifier = {
      genuine = { ru = "Лупа: линия под данными — чёткий микротекст UTOPIA·УТОПИЯ.", en = "Magnifier: the line under the data is sharp microtext UTOPIA·УТОПИЯ." },
      counterfeit = { ru = "Лупа: линия под данными распадается на точки, текста не разобрать.", en = "Magnifier: the line under the data breaks up into dots; no text can be read." },
      substituted = { ru = "Лупа: линия под данными — чёткий микротекст UTOPIA·УТОПИЯ.", en = "Magnifier: the line under the data is sharp microtext UTOPIA·УТОПИЯ." },
    },
    spine = {
      genuine = { ru = "Корешок и прошивка: следов вмешательства нет.", en = "Spine and stitching: no sign of interference." },
      counterfeit = { ru = "Корешок и прошивка: следов вмешательства нет.", en = "Spine and stitching: no sign of interference." },
      substituted = { ru = "Корешок и прошивка: у страницы данных видны следы вмешательства.", en = "Spine and stitching: there are signs of interference at the data page." },
    },
  }

  local decision = case == "genuine" and "accept" or "refer"
  local other = decision == "accept" and "refer" or "accept"

  local EXPLAIN = {
    genuine = {
      ru = "Документ в порядке: бумага тусклая в УФ и несёт светящиеся волокна, микропечать чёткая, прошивка цела. Проверка нескольких защитных элементов — это и есть многоуровневая защита в действии.",
      en = "The document is in order: the paper is dull under UV with glowing fibres, the microprinting is sharp, the stitching is intact. Checking several features is what layered security means in practice.",
    },
    counterfeit = {
      ru = "Подделка всего документа: подлинная паспортная бумага (по стандарту ЕС) не содержит оптических отбеливателей и в УФ остаётся тусклой, а эта светится и не имеет волокон; микропечать при копировании распалась на точки. Направьте на углублённую проверку.",
      en = "A wholly counterfeit document: genuine passport paper (to the EU standard) has no optical brighteners and stays dull under UV, but this paper glows and has no fibres; the microprinting broke up when copied. Refer it to the second line.",
    },
    substituted = {
      ru = "Признаки замены страницы: страница данных ведёт себя в УФ иначе, чем остальные, а у корешка видны следы вмешательства. Микропечать может быть чёткой — вклеенная страница бывает взята из другого подлинного паспорта. Направьте на углублённую проверку.",
      en = "Signs of page substitution: the data page behaves differently under UV from the other pages, and there are signs of interference at the spine. The microprinting can be sharp, because the inserted page may come from another genuine passport. Refer it to the second line.",
    },
  }

  return canvas {
    title = { ru = "Осмотр паспорта", en = "Examine the passport" },
    prompt = {
      ru = "Осмотрите разворот паспорта с помощью приборов, затем решите: документ в порядке или его нужно направить на углублённую проверку (вторая линия).",
      en = "Examine the open passport with the tools, then decide: is the document in order, or should it go to the second line for detailed examination?",
    },
    width = 900,
    height = 480,
    init = function(state)
      state.uv = false
      state.used = {}
      state.decided = nil
    end,
    draw = function(state)
      local ops = {
        { op = "text", x = 30, y = 16, size = 17, color = "#2c3e50",
          text = { ru = "Паспорт Утопии, учебный образец: слева страница данных, справа соседняя страница", en = "Utopia passport, training specimen: data page on the left, facing page on the right" } },
      }
      local data_uv = ({ genuine = "#2b2550", counterfeit = "#d9e2ff", substituted = "#6a5fb0" })[case]
      local facing_uv = case == "counterfeit" and "#d9e2ff" or "#2b2550"
      page(ops, 30, state.uv and data_uv or nil, case ~= "counterfeit", true)
      page(ops, 340, state.uv and facing_uv or nil, case ~= "counterfeit", false)
      ops[#ops + 1] = { op = "line", x1 = 335, y1 = 50, x2 = 335, y2 = 260, color = "#6b6659", width = 3 }
      button(ops, "uv", 670, 50, 210, { ru = state.uv and "УФ-лампа: вкл." or "УФ-лампа", en = state.uv and "UV lamp: on" or "UV lamp" }, state.uv)
      button(ops, "magnifier", 670, 110, 210, { ru = "Лупа", en = "Magnifier" }, state.used.magnifier)
      button(ops, "spine", 670, 170, 210, { ru = "Корешок и прошивка", en = "Spine and stitching" }, state.used.spine)
      button(ops, "accept", 30, 285, 300, { ru = "Документ в порядке", en = "Document in order" }, state.decided == "accept")
      button(ops, "refer", 340, 285, 300, { ru = "На углублённую проверку", en = "Refer to the second line" }, state.decided == "refer")
      local y = 350
      for _, tool in ipairs({ "uv", "magnifier", "spine" }) do
        if state.used[tool] then
          ops[#ops + 1] = { op = "text", x = 30, y = y, size = 16, color = "#1b2631", text = SEEN[tool][case] }
          y = y + 26
        end
      end
      if state.used.magnifier then
        ops[#ops + 1] = { op = "circle", x = 775, y = 300, r = 45, fill = "#fdfefe", color = "#1b4f72", line_width = 3 }
        if case == "counterfeit" then
          for i = 0, 8 do ops[#ops + 1] = { op = "circle", x = 743 + i * 8, y = 300, r = 1.5 + (i % 3) * 0.5, fill = "#556655" } end
        else
          ops[#ops + 1] = { op = "text", x = 740, y = 292, size = 11, color = "#334433", text = "UTOPIA·УТОПИЯ" }
        end
      end
      if state.decided then
        local right = state.decided == decision
        ops[#ops + 1] = { op = "text", x = 30, y = 450, size = 18, color = right and "#1e8449" or "#c0392b",
          text = right and { ru = "Решение верное.", en = "The right decision." } or { ru = "Решение неверное.", en = "The wrong decision." } }
      end
      return ops
    end,
    click = function(state, region)
      if state.decided then return end
      if region == "uv" then
        state.uv = not state.uv
        state.used.uv = true
      elseif region == "magnifier" or region == "spine" then
        state.used[region] = true
      elseif region == "accept" or region == "refer" then
        state.decided = region
      end
    end,
    done = function(state) return state.decided ~= nil end,
    -- A decision taken without the UV lamp is half a guess: half marks at most.
    score = function(state)
      if state.decided ~= decision then return 0 end
      if state.used.uv then return 1 end
      return 0.5
    end,
    solution = { "uv", "magnifier", "spine", decision },
    wrong = { "uv", other },
    explanation = EXPLAIN[case],
  }
end

return lesson {
  id = "forgery",
  title = { ru = "Защитные элементы и признаки подделки", en = "Security features and signs of forgery" },
  objectives = {
    { ru = "Знать основные угрозы для документов по ИКАО", en = "Know ICAO's main threats to travel documents" },
    { ru = "Проверять защитные элементы бумаги и печати: УФ-лампой, лупой, наклоном, на ощупь", en = "Check paper and print features with a UV lamp, a magnifier, by tilting and by touch" },
    { ru = "Узнавать признаки замены страницы и решать, когда направлять документ на углублённую проверку", en = "Recognise signs of page substitution and decide when to refer a document for detailed examination" },
  },
  screens = {
    -- S1: ICAO's list of threats to travel documents.
    info {
      id = "threats",
      title = { ru = "Что делают с документами", en = "What forgers do" },
      body = {
        para { ru = "ИКАО называет основные угрозы для проездных документов:", en = "ICAO lists the main threats to travel documents:" },
        bullets {
          { ru = "изготовление полностью поддельного документа", en = "counterfeiting a whole document" },
          { ru = "замена (переклейка) фотографии", en = "photo substitution" },
          { ru = "удаление или изменение записей в визуальной или машиночитаемой зоне", en = "deleting or altering text in the visual or machine-readable zone" },
          { ru = "сборка документа из частей подлинных", en = "building a fraudulent document from parts of genuine ones" },
          { ru = "хищение подлинных бланков", en = "theft of genuine blank documents" },
          { ru = "предъявление чужого подлинного документа (самозванец)", en = "impostors using someone else's genuine document" },
        },
      },
    },

    -- S2: layered features, a covert feature, consistent quality; S13: primary-line practice (US CBP).
    info {
      id = "layers",
      title = { ru = "Защита работает слоями", en = "Security works in layers" },
      body = {
        bullets {
          { ru = "Ни один защитный элемент не защищает от всех угроз и не надёжен на 100 %: элементы дополняют друг друга", en = "No single feature protects against every threat or is 100% effective: features back each other up" },
          { ru = "В каждом документе должен быть хотя бы один скрытый элемент для экспертной проверки", en = "Every travel document should carry at least one covert feature for expert authentication" },
          { ru = "ИКАО требует постоянного качества изготовления: подделку выдают отличия от подлинника. Знайте подлинный образец", en = "ICAO insists on consistent production quality, because a fake gives itself away by its differences from the genuine document. Know the genuine document" },
        },
        para {
          ru = "По данным CBP США, у инспектора первой линии на документ часто меньше 10 секунд. Инспекторы опираются на подготовку, несколько ключевых элементов и поведенческие признаки, а сомнительные случаи направляют на углублённую проверку (вторая линия).",
          en = "US CBP notes that a primary-line inspector often has under 10 seconds per document. Inspectors rely on their training, a few key features and behavioural cues, and send doubtful cases to secondary inspection.",
        },
      },
    },

    -- S2: no single feature is enough.
    truefalse {
      id = "one_feature",
      prompt = { ru = "Одного надёжного защитного элемента достаточно, чтобы защитить паспорт.", en = "One strong security feature is enough to protect a passport." },
      correct = false,
      explanation = {
        ru = "ИКАО: ни один элемент не эффективен на 100 %, поэтому их сочетают слоями.",
        en = "ICAO: no feature is 100% effective, so features are layered.",
      },
    },

    -- S3: EU minimum standards for data-page paper.
    info {
      id = "paper",
      title = { ru = "Бумага", en = "The paper" },
      body = {
        para { ru = "Минимальные требования ЕС к бумаге страницы данных паспорта:", en = "EU minimum standards for passport data-page paper:" },
        bullets {
          { ru = "без оптических отбеливателей: в ультрафиолете бумага остаётся тусклой", en = "no optical brighteners, so the paper stays dull under UV light" },
          { ru = "двухтоновый водяной знак", en = "a two-tone watermark" },
          { ru = "химические реагенты, которые выдают попытку химического травления", en = "chemical reagents that reveal attempts at chemical erasure" },
          { ru = "цветные волокна, видимые и/или светящиеся в УФ", en = "coloured fibres, visible and/or fluorescent under UV" },
          { ru = "рекомендуются УФ-конфетти (планшетки) и защитная нить", en = "UV planchettes and a security thread (recommended)" },
          { ru = "нить прошивки, защищённая от замены", en = "stitching thread protected against substitution" },
        },
      },
    },

    -- S4: guilloche; S5: microprinting, UV inks and fibres; S6: optically variable devices;
    -- S7: intaglio; S8: laminate; S9: anti-copy patterns.
    info {
      id = "print",
      title = { ru = "Печать и покрытие", en = "Printing and protection" },
      body = {
        bullets {
          { ru = "Гильош — фон из непрерывных тонких переплетающихся линий (розетки, рамки, полосы), часто с ирисовой печатью, где цвета плавно переходят друг в друга: мешает сканированию и цветоделению", en = "Guilloche: a background of continuous fine interlaced lines (rosettes, frames, bands), often in rainbow print where colours blend into each other, which defeats scanning and colour separation" },
          { ru = "Микропечать — текст около 1 пункта, на глаз это линия; при копировании распадается. Смотрите в лупу", en = "Microprinting: text of about 1 point that looks like a plain line and breaks up when copied. Use a magnifier" },
          { ru = "УФ-краски и невидимые светящиеся волокна видны только под УФ-лампой", en = "UV-reactive inks and invisible fluorescent fibres show only under a UV lamp" },
          { ru = "Оптически переменные элементы (голограммы, кинеграммы, краски с цветовым сдвигом) меняют цвет или изображение при наклоне; копир и принтер их легко не воспроизведут", en = "Optically variable devices (holograms, kinegrams, colour-shifting inks) change colour or image as you tilt them; copiers and printers cannot easily reproduce them" },
          { ru = "Металлографская печать (интальо) даёт рельефную краску, ощутимую пальцем, и может нести латентное изображение, видимое под острым углом", en = "Intaglio print leaves raised ink you can feel, and can carry a latent image seen when the page is tilted to a shallow angle" },
          { ru = "Ламинат — прозрачная плёнка, защищающая записи и фотографию от изменения", en = "Laminate: a clear film that protects the entries and the photo from alteration" },
          { ru = "Антикопировальный фон не виден при обычном осмотре, но проявляется или даёт искажения на копии", en = "Anti-copy patterns cannot be seen at normal inspection but show up, or cause errors, on a copy" },
        },
      },
    },

    -- S5: magnifier, UV lamp; S6: tilt; S7: touch and a shallow angle.
    matching {
      id = "tools",
      prompt = { ru = "Сопоставьте защитный элемент и способ его проверки.", en = "Match each feature with the way you check it." },
      pairs = {
        { id = "micro", left = { ru = "Микропечать", en = "Microprinting" }, right = { ru = "Лупа", en = "A magnifier" } },
        { id = "fibres", left = { ru = "Светящиеся волокна", en = "Fluorescent fibres" }, right = { ru = "УФ-лампа", en = "A UV lamp" } },
        { id = "ovd", left = { ru = "Голограмма, кинеграмма", en = "Hologram, kinegram" }, right = { ru = "Наклонить и следить за сменой цвета или изображения", en = "Tilt it and watch the colour or image change" } },
        { id = "intaglio", left = { ru = "Металлографская печать", en = "Intaglio print" }, right = { ru = "Провести пальцем: краска рельефная", en = "Feel it: the ink is raised" } },
      },
    },

    -- S4: guilloche.
    text_entry {
      id = "guilloche",
      prompt = { ru = "Как называется фон из тонких непрерывных переплетающихся линий? Одно слово.", en = "What is the background of continuous, fine, interlaced lines called? One word." },
      accept = { "guilloche", "гильош", "гильоши", "гильошь", "гильоширная сетка", "гильоширный фон" },
      explanation = { ru = "Гильош (гильоширная сетка).", en = "Guilloche." },
    },

    -- S5: microprinting looks like a plain line to the naked eye.
    hotspot {
      id = "find_microprint",
      prompt = {
        ru = "Один элемент этой страницы на глаз выглядит как простая тонкая линия. Нажмите на то место, которое вы рассмотрите в лупу.",
        en = "One element of this page looks like a plain thin line to the naked eye. Click the place you would check with a magnifier.",
      },
      image = "images/passport.png",
      width = 880,
      height = 620,
      regions = {
        { id = "microprint", rect = MICROPRINT, label = { ru = "Линия под данными", en = "The line under the data" },
          feedback = { ru = "Верно: это микропечать. В лупу видно слово UTOPIA·УТОПИЯ.", en = "Right: this is microprinting. Under a magnifier it reads UTOPIA·УТОПИЯ." } },
        { id = "ovd", circle = OVD, label = { ru = "Радужный элемент у фотографии", en = "The rainbow patch by the photo" },
          feedback = { ru = "Это оптически переменный элемент: его проверяют наклоном.", en = "That is an optically variable device: you check it by tilting." } },
        { id = "photo", rect = PHOTO, label = { ru = "Фотография", en = "The photo" } },
        { id = "mrz", rect = MRZ, label = { ru = "МЧЗ", en = "The MRZ" } },
      },
      correct = "microprint",
      attempts = 2,
    },

    -- S6: optically variable devices.
    hotspot {
      id = "find_ovd",
      prompt = {
        ru = "Нажмите на элемент, который проверяют, наклоняя документ.",
        en = "Click the feature you check by tilting the document.",
      },
      image = "images/passport.png",
      width = 880,
      height = 620,
      regions = {
        { id = "ovd", circle = OVD, label = { ru = "Радужный элемент у фотографии", en = "The rainbow patch by the photo" },
          feedback = { ru = "Верно: оптически переменный элемент меняет цвет и изображение при наклоне.", en = "Right: an optically variable device changes colour and image as you tilt it." } },
        { id = "photo", rect = PHOTO, label = { ru = "Фотография", en = "The photo" } },
        { id = "microprint", rect = MICROPRINT, label = { ru = "Линия под данными", en = "The line under the data" },
          feedback = { ru = "Это микропечать: её смотрят в лупу.", en = "That is microprinting: you check it with a magnifier." } },
        { id = "mrz", rect = MRZ, label = { ru = "МЧЗ", en = "The MRZ" } },
      },
      correct = "ovd",
      attempts = 2,
    },

    -- S11: page substitution and its signs; S3: protected stitching thread.
    info {
      id = "substitution",
      title = { ru = "Замена страницы", en = "Page substitution" },
      body = {
        para {
          ru = "Фальсификатор вынимает страницы, чаще всего страницу данных, и вшивает страницы из другого подлинного паспорта.",
          en = "The forger removes pages, most often the data page, and inserts pages from another genuine passport.",
        },
        bullets {
          { ru = "Ищите следы у корешка и на прошивке: нить прошивки защищена от замены", en = "Look at the spine and the stitching: the stitching thread is protected against substitution" },
          { ru = "Сравните страницы между собой: бумага, печать и свечение в УФ должны совпадать", en = "Compare the pages with each other: paper, printing and UV reaction should match" },
        },
      },
    },

    -- S11: signs of page substitution; S3: dull paper under UV is normal; M1: 44 characters is normal.
    multiple {
      id = "page_signs",
      prompt = { ru = "Что может указывать на замену страницы? Отметьте все верные варианты.", en = "Which of these can point to page substitution? Select all that apply." },
      choices = {
        { id = "stitching", text = { ru = "Следы вмешательства у корешка и на прошивке", en = "Signs of interference at the spine and stitching" } },
        { id = "uv_diff", text = { ru = "Страница данных в УФ светится иначе, чем остальные", en = "The data page reacts differently under UV from the other pages" } },
        { id = "print_diff", text = { ru = "Печать на одной странице отличается от остальных", en = "The printing on one page differs from the rest" } },
        { id = "dull", text = { ru = "Все страницы в УФ одинаково тусклые", en = "All pages are equally dull under UV" },
          feedback = { ru = "Так и должно быть: бумага без оптических отбеливателей остаётся тусклой.", en = "That is normal: paper without optical brighteners stays dull." } },
        { id = "mrz44", text = { ru = "В каждой строке МЧЗ 44 символа", en = "Each MRZ line has 44 characters" },
          feedback = { ru = "Это норма для паспорта TD3.", en = "That is normal for a TD3 passport." } },
      },
      correct = { "stitching", "uv_diff", "print_diff" },
      shuffle = true,
    },

    -- S3, S5, S11, S13: two generated documents to examine and decide on.
    dynamic { id = "examine_1", build = examine },
    dynamic { id = "examine_2", build = examine },

    -- Short quiz. S13: doubtful cases go to secondary inspection.
    single {
      id = "q_primary",
      title = { ru = "Короткий тест", en = "Short quiz" },
      prompt = {
        ru = "На первой линии у вас несколько секунд, и один защитный элемент паспорта вызывает сомнение. Что правильно?",
        en = "At the primary line you have a few seconds, and one security feature of a passport looks doubtful. What is right?",
      },
      choices = {
        { id = "refer", text = { ru = "Направить документ на углублённую проверку (вторая линия)", en = "Refer the document to secondary inspection" } },
        { id = "pass", text = { ru = "Пропустить: на проверку нет времени", en = "Let it pass: there is no time to check" },
          feedback = { ru = "Сомнительные случаи не пропускают, а направляют на вторую линию.", en = "Doubtful cases are not waved through; they go to the second line." } },
        { id = "keep_looking", text = { ru = "Продолжать осмотр на первой линии, пока не станет ясно", en = "Keep examining it at the primary line until you are sure" },
          feedback = { ru = "Для подробного осмотра и есть вторая линия.", en = "Detailed examination is what the second line is for." } },
      },
      correct = "refer",
      shuffle = true,
    },

    -- S3: genuine data-page paper stays dull under UV.
    single {
      id = "q_uv_paper",
      prompt = { ru = "Как выглядит под УФ-лампой подлинная бумага страницы данных (стандарт ЕС)?", en = "How does genuine data-page paper (EU standard) look under a UV lamp?" },
      choices = {
        { id = "dull", text = { ru = "Тусклая; могут светиться защитные волокна", en = "Dull; security fibres may glow" } },
        { id = "bright", text = { ru = "Ярко светится голубовато-белым", en = "It glows bright bluish-white" },
          feedback = { ru = "В паспортной бумаге нет оптических отбеливателей, поэтому так светиться она не должна.", en = "Passport paper has no optical brighteners, so it should not glow like this." } },
        { id = "black", text = { ru = "Её не видно совсем", en = "It cannot be seen at all" } },
      },
      correct = "dull",
      shuffle = true,
    },

    -- S2: at least one covert feature.
    truefalse {
      id = "q_covert",
      prompt = {
        ru = "По ИКАО каждый проездной документ должен иметь хотя бы один скрытый защитный элемент для экспертной проверки.",
        en = "ICAO says every travel document should carry at least one covert feature for expert authentication.",
      },
      correct = true,
    },
  },
}
