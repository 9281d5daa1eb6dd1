-- Lesson 2: checking the MRZ on documents generated for each attempt. The lesson builds passports
-- of the fictitious state Utopia (UTO, as in ICAO's specimen, M8) with obviously invented names,
-- computes their check digits by rule M6, alters one field or digit, and the trainee finds it.

-- M6: digits count as themselves, A-Z as 10-35, "<" as 0; weights 7, 3, 1 repeating; sum mod 10.
local WEIGHTS = { 7, 3, 1 }

local function char_value(c)
  if c == "<" then return 0 end
  local b = string.byte(c)
  if b >= 48 and b <= 57 then return b - 48 end
  return b - 55
end

local function check_digit(s)
  local sum = 0
  for i = 1, #s do sum = sum + char_value(s:sub(i, i)) * WEIGHTS[(i - 1) % 3 + 1] end
  return sum % 10
end

-- The working, e.g. "7×7 + 9×3 + 0×1 + ... = 137", written out for explanations. Fillers are left
-- out because they add nothing.
local function working(s)
  local terms, sum = {}, 0
  for i = 1, #s do
    local c = s:sub(i, i)
    if c ~= "<" then
      local v, w = char_value(c), WEIGHTS[(i - 1) % 3 + 1]
      terms[#terms + 1] = v .. "×" .. w
      sum = sum + v * w
    end
  end
  return table.concat(terms, " + ") .. " = " .. sum
end

local function digits(n)
  local t = {}
  for i = 1, n do t[i] = tostring(math.random(0, 9)) end
  return table.concat(t)
end

local function letters(n)
  local t = {}
  for i = 1, n do t[i] = string.char(64 + math.random(1, 26)) end
  return table.concat(t)
end

local function two(n) return string.format("%02d", n) end

-- Obviously invented names: "primer" is Russian for example, "obrazets" for specimen.
local MEN = { "TESTOV", "PRIMEROV", "OBRAZTSOV", "UCHEBNOV", "UTOPOV" }
local WOMEN = { "TESTOVA", "PRIMEROVA", "OBRAZTSOVA", "UCHEBNOVA", "UTOPOVA" }
local MEN_GIVEN = { "IVAN", "TIMUR", "KURSANT" }
local WOMEN_GIVEN = { "ANNA<MARIA", "MADINA", "KURSANTKA" }

local FIELDS = { "number", "birth", "expiry", "personal" }
local FIELD_NAME = {
  number = { ru = "номер документа", en = "document number" },
  nationality = { ru = "гражданство", en = "nationality" },
  birth = { ru = "дата рождения", en = "date of birth" },
  sex = { ru = "пол", en = "sex" },
  expiry = { ru = "дата окончания срока действия", en = "date of expiry" },
  personal = { ru = "личный номер", en = "personal number" },
  composite = { ru = "общая контрольная цифра", en = "composite check digit" },
}

-- M3, M4, M5: a genuine TD3 passport of Utopia with all five check digits. Dates stay valid
-- (days up to 28) and births are 1955-1999, so the century is never in doubt.
local function make_passport()
  local female = math.random(1, 2) == 1
  local surnames, given = female and WOMEN or MEN, female and WOMEN_GIVEN or MEN_GIVEN
  local doc = {
    surname = surnames[math.random(#surnames)],
    given = given[math.random(#given)],
    number = letters(2) .. digits(7),
    nationality = "UTO",
    birth = two(math.random(55, 99)) .. two(math.random(1, 12)) .. two(math.random(1, 28)),
    sex = female and "F" or "M",
    expiry = two(math.random(28, 35)) .. two(math.random(1, 12)) .. two(math.random(1, 28)),
    personal = letters(2) .. digits(7) .. "<<<<<",
    cd = {},
  }
  for _, f in ipairs(FIELDS) do doc.cd[f] = check_digit(doc[f]) end
  doc.composite = check_digit(doc.number .. doc.cd.number .. doc.birth .. doc.cd.birth
    .. doc.expiry .. doc.cd.expiry .. doc.personal .. doc.cd.personal)
  return doc
end

local function line1(doc)
  local s = "P<UTO" .. doc.surname .. "<<" .. doc.given
  return s .. string.rep("<", 44 - #s)
end

local function line2(doc)
  return doc.number .. doc.cd.number .. doc.nationality .. doc.birth .. doc.cd.birth .. doc.sex
    .. doc.expiry .. doc.cd.expiry .. doc.personal .. doc.cd.personal .. doc.composite
end

-- A forger's change: usually one digit of a data field with its printed check digit left alone
-- (as in M11), sometimes the printed check digit itself. Digits change only to other digits, so
-- with weights 7, 3 and 1 the field's own check always fails, and the composite (M5) too.
local function alter(doc)
  local field = FIELDS[math.random(#FIELDS)]
  local change = { field = field, before = doc[field], printed = doc.cd[field] }
  if math.random(1, 4) == 1 then
    change.kind = "digit"
    doc.cd[field] = (doc.cd[field] + math.random(1, 9)) % 10
  else
    change.kind = "data"
    -- In a date, change the last digit of the year so the date stays a real date.
    local pos = (field == "birth" or field == "expiry") and 2 or math.random(3, 9)
    local new = (tonumber(doc[field]:sub(pos, pos)) + math.random(1, 9)) % 10
    doc[field] = doc[field]:sub(1, pos - 1) .. new .. doc[field]:sub(pos + 1)
  end
  change.after = doc[field]
  change.should_be = check_digit(doc[field])
  change.shown = doc.cd[field]
  return change
end

local function explain(change)
  local w = working(change.after)
  local en_name, ru_name = FIELD_NAME[change.field].en, FIELD_NAME[change.field].ru
  if change.kind == "data" then
    return {
      ru = "Изменено поле «" .. ru_name .. "»: сейчас там " .. change.after .. ". " .. w .. ", значит, контрольная цифра должна быть "
        .. change.should_be .. ", а в МЧЗ стоит " .. change.shown .. " — цифра осталась от прежнего значения " .. change.before
        .. ". Общая контрольная цифра тоже не сходится: она охватывает и это поле.",
      en = "The " .. en_name .. " was changed: it now reads " .. change.after .. ". " .. w .. ", so its check digit should be "
        .. change.should_be .. ", but the MRZ prints " .. change.shown .. ", left over from the original " .. change.before
        .. ". The composite check digit fails too, because it covers this field as well.",
    }
  end
  return {
    ru = "Изменена контрольная цифра поля «" .. ru_name .. "». Поле " .. change.after .. ": " .. w .. ", значит, цифра должна быть "
      .. change.should_be .. ", а в МЧЗ стоит " .. change.shown .. ". Общая контрольная цифра тоже не сходится: она охватывает и контрольные цифры полей.",
    en = "The check digit of the " .. en_name .. " was changed. The field " .. change.after .. ": " .. w .. ", so the digit should be "
      .. change.should_be .. ", but the MRZ prints " .. change.shown .. ". The composite fails too, because it covers the fields' check digits as well.",
  }
end

-- The boxes of the simulation: one per field of line 2, in MRZ order.
local BOXES = {
  { id = "number", x = 20, y = 170 },
  { id = "nationality", x = 315, y = 170 },
  { id = "birth", x = 610, y = 170 },
  { id = "sex", x = 20, y = 300 },
  { id = "expiry", x = 315, y = 300 },
  { id = "personal", x = 610, y = 300 },
}

local CAPTION = {
  number = { ru = "Номер документа (1–9, цифра 10)", en = "Document number (1–9, digit 10)" },
  nationality = { ru = "Гражданство (11–13)", en = "Nationality (11–13)" },
  birth = { ru = "Дата рождения (14–19, цифра 20)", en = "Date of birth (14–19, digit 20)" },
  sex = { ru = "Пол (21)", en = "Sex (21)" },
  expiry = { ru = "Срок действия (22–27, цифра 28)", en = "Date of expiry (22–27, digit 28)" },
  personal = { ru = "Личный номер (29–42, цифра 43)", en = "Personal number (29–42, digit 43)" },
}

-- M4, M5, M6: the find-the-altered-field simulation, built afresh for each attempt.
local function find_altered(ctx)
  local doc = make_passport()
  local change = alter(doc)
  local l1, l2 = line1(doc), line2(doc)
  local wrong_pick = change.field == "number" and "birth" or "number"

  return canvas {
    title = { ru = "Найдите изменённое поле", en = "Find the altered field" },
    prompt = {
      ru = "В этом паспорте одно поле МЧЗ или его контрольная цифра изменены. Проверьте контрольные цифры, выберите поле, которое не сходится, и нажмите «Доложить».",
      en = "One field of this passport's MRZ, or its check digit, has been altered. Check the digits, select the field that fails, then press \"Report\".",
    },
    width = 900,
    height = 560,
    init = function(state)
      state.selected = nil
      state.reported = nil
    end,
    draw = function(state)
      local ops = {
        { op = "text", x = 20, y = 12, size = 16, color = "#2c3e50",
          text = { ru = "Паспорт Утопии (UTO) — учебный образец. A=10 … Z=35, «<» = 0, веса 7-3-1", en = "Utopia (UTO) passport, training specimen. A=10 … Z=35, \"<\" = 0, weights 7-3-1" } },
        { op = "rect", x = 20, y = 40, w = 860, h = 110, fill = "#fbf8ef", color = "#9c9480", line_width = 2 },
        { op = "text", x = 34, y = 58, size = 24, color = "#111111", text = l1 },
        { op = "text", x = 34, y = 102, size = 24, color = "#111111", text = l2 },
      }
      for _, b in ipairs(BOXES) do
        local chosen = state.selected == b.id
        ops[#ops + 1] = { op = "rect", x = b.x, y = b.y, w = 270, h = 110, region = b.id,
          fill = chosen and "#fdebd0" or "#eef3f7", color = chosen and "#d35400" or "#5d6d7e", line_width = chosen and 4 or 2 }
        ops[#ops + 1] = { op = "text", x = b.x + 10, y = b.y + 10, size = 13, color = "#34495e", text = CAPTION[b.id] }
        ops[#ops + 1] = { op = "text", x = b.x + 10, y = b.y + 38, size = 22, color = "#111111", text = doc[b.id] }
        if doc.cd[b.id] then
          ops[#ops + 1] = { op = "text", x = b.x + 10, y = b.y + 66, size = 17, color = "#34495e",
            text = { ru = "контрольная цифра: " .. doc.cd[b.id], en = "check digit: " .. doc.cd[b.id] } }
          -- Once reported, show the recomputed digit beside the printed one.
          if state.reported then
            local again = check_digit(doc[b.id])
            local ok = again == doc.cd[b.id]
            ops[#ops + 1] = { op = "text", x = b.x + 10, y = b.y + 88, size = 15, color = ok and "#1e8449" or "#c0392b",
              text = { ru = "пересчёт: " .. again, en = "recomputed: " .. again } }
          end
        else
          ops[#ops + 1] = { op = "text", x = b.x + 10, y = b.y + 66, size = 17, color = "#7f8c8d",
            text = { ru = "без контрольной цифры", en = "no check digit" } }
        end
      end
      local chosen = state.selected == "composite"
      ops[#ops + 1] = { op = "rect", x = 20, y = 430, w = 270, h = 70, region = "composite",
        fill = chosen and "#fdebd0" or "#eef3f7", color = chosen and "#d35400" or "#5d6d7e", line_width = chosen and 4 or 2 }
      ops[#ops + 1] = { op = "text", x = 30, y = 440, size = 13, color = "#34495e", text = { ru = "Общая контрольная цифра (44)", en = "Composite check digit (44)" } }
      ops[#ops + 1] = { op = "text", x = 30, y = 464, size = 22, color = "#111111", text = tostring(doc.composite) }
      ops[#ops + 1] = { op = "rect", x = 610, y = 430, w = 270, h = 70, region = "report",
        fill = state.selected and "#1e8449" or "#95a5a6", color = "#145a32", line_width = 2 }
      ops[#ops + 1] = { op = "text", x = 630, y = 452, size = 22, color = "#ffffff", text = { ru = "Доложить", en = "Report" } }
      if state.reported then
        local right = state.reported == change.field
        ops[#ops + 1] = { op = "text", x = 20, y = 515, size = 18, color = right and "#1e8449" or "#c0392b",
          text = right and { ru = "Верно: это поле не проходит проверку.", en = "Right: this field fails its check." }
            or { ru = "Не то поле. Изменено: " .. FIELD_NAME[change.field].ru .. ".", en = "Not that one. The altered field: " .. FIELD_NAME[change.field].en .. "." } }
      elseif state.selected then
        ops[#ops + 1] = { op = "text", x = 20, y = 515, size = 18, color = "#34495e",
          text = { ru = "Выбрано: " .. FIELD_NAME[state.selected].ru, en = "Selected: " .. FIELD_NAME[state.selected].en } }
      else
        ops[#ops + 1] = { op = "text", x = 20, y = 515, size = 18, color = "#34495e",
          text = { ru = "Выберите поле, затем нажмите «Доложить».", en = "Select a field, then press \"Report\"." } }
      end
      return ops
    end,
    click = function(state, region)
      if state.reported then return end
      if region == "report" then
        if state.selected then state.reported = state.selected end
      else
        state.selected = region
      end
    end,
    done = function(state) return state.reported ~= nil end,
    score = function(state)
      if state.reported == change.field then return 1 end
      return 0
    end,
    solution = { change.field, "report" },
    wrong = { wrong_pick, "report" },
    explanation = explain(change),
  }
end

return lesson {
  id = "mrz_check",
  title = { ru = "Проверка МЧЗ: найдите подделку", en = "Checking the MRZ: find the forgery" },
  objectives = {
    { ru = "Пересчитывать все контрольные цифры МЧЗ документа", en = "Recompute all the MRZ check digits of a document" },
    { ru = "По несовпавшей цифре находить изменённое поле", en = "Use a failing digit to find the altered field" },
    { ru = "Понимать, чего проверка МЧЗ не доказывает", en = "Know what an MRZ check does not prove" },
  },
  screens = {
    -- M4, M5, M11: the check, field by field; a changed birth date exposed by its check digit.
    info {
      id = "method",
      title = { ru = "Проверка по шагам", en = "The check, step by step" },
      body = {
        numbered {
          { ru = "Пересчитайте контрольную цифру номера документа (позиции 1–9) и сравните с позицией 10", en = "Recompute the document number's check digit (positions 1–9) and compare it with position 10" },
          { ru = "То же для даты рождения (14–19 → 20), срока действия (22–27 → 28) и личного номера (29–42 → 43)", en = "Do the same for the date of birth (14–19 → 20), the expiry (22–27 → 28) and the personal number (29–42 → 43)" },
          { ru = "Поле, цифра которого не сходится, и есть изменённое; общая цифра (44) при этом тоже не сойдётся", en = "The field whose digit fails is the altered one; the composite (44) will fail as well" },
          { ru = "Гражданство и пол сверяйте с печатными данными: их не защищает ни одна контрольная цифра", en = "Compare nationality and sex with the printed data: no digit protects them" },
        },
        heading { ru = "Пример", en = "Example" },
        para {
          ru = "Фальсификатор изменил дату рождения 740812 на 790812, а цифру 2 оставил. Пересчёт: 7×7 + 9×3 + 0 + 8×7 + 1×3 + 2×1 = 137 → 7. Ожидается 7, напечатано 2 — изменение обнаружено.",
          en = "A forger changed the date of birth 740812 to 790812 but left the check digit 2. Recompute: 7×7 + 9×3 + 0 + 8×7 + 1×3 + 2×1 = 137 → 7. Expected 7, printed 2: the change is exposed.",
        },
      },
    },

    -- M6: check digit of a generated date of birth.
    dynamic {
      id = "practice_birth",
      build = function(ctx)
        local date = two(math.random(55, 99)) .. two(math.random(1, 12)) .. two(math.random(1, 28))
        return numeric {
          title = { ru = "Разминка", en = "Warm-up" },
          prompt = {
            ru = "Дата рождения в МЧЗ: " .. date .. ". Какой должна быть её контрольная цифра?",
            en = "The MRZ gives the date of birth " .. date .. ". What should its check digit be?",
          },
          answer = check_digit(date),
          attempts = 2,
          explanation = {
            ru = working(date) .. "; остаток от деления на 10 — " .. check_digit(date) .. ".",
            en = working(date) .. "; the remainder after dividing by 10 is " .. check_digit(date) .. ".",
          },
        }
      end,
    },

    -- M6: check digit of a generated document number with letters (A=10 ... Z=35).
    dynamic {
      id = "practice_number",
      build = function(ctx)
        local number = letters(2) .. digits(7)
        local a, b = number:sub(1, 1), number:sub(2, 2)
        return numeric {
          prompt = {
            ru = "Номер документа: " .. number .. ". Вычислите его контрольную цифру. (" .. a .. " = " .. char_value(a) .. ", " .. b .. " = " .. char_value(b) .. ")",
            en = "Document number " .. number .. ". Compute its check digit. (" .. a .. " = " .. char_value(a) .. ", " .. b .. " = " .. char_value(b) .. ")",
          },
          answer = check_digit(number),
          attempts = 2,
          explanation = {
            ru = working(number) .. "; остаток — " .. check_digit(number) .. ".",
            en = working(number) .. "; the remainder is " .. check_digit(number) .. ".",
          },
        }
      end,
    },

    -- M4, M5, M6, M11: three generated passports, one altered field each.
    dynamic { id = "find_1", build = find_altered },
    dynamic { id = "find_2", build = find_altered },
    dynamic { id = "find_3", build = find_altered },

    -- M6: the rule is public, so digits can be computed by anyone; S1: threats that leave the MRZ
    -- consistent (whole counterfeits, impostors); S2: no single feature is enough, layer them;
    -- M12: combine MRZ checks with the printed data, security features and the holder.
    info {
      id = "limits",
      title = { ru = "Чего не доказывает верная МЧЗ", en = "What a correct MRZ does not prove" },
      body = {
        para {
          ru = "Правило расчёта открыто — вы только что им пользовались. Значит, посчитать цифры может и фальсификатор. Совпавшие цифры говорят лишь о том, что МЧЗ согласована сама с собой.",
          en = "The rule is public: you have just used it. So a forger can compute the digits too. Matching digits show only that the MRZ agrees with itself.",
        },
        bullets {
          { ru = "Полностью поддельный бланк может иметь верные цифры", en = "A wholly counterfeit document can carry correct digits" },
          { ru = "Самозванец с чужим подлинным паспортом пройдёт любую проверку цифр", en = "An impostor with someone else's genuine passport passes every digit check" },
          { ru = "ИКАО: ни один защитный элемент не защищает от всех угроз, поэтому защита должна быть многоуровневой", en = "ICAO: no single security feature protects against every threat, so features must be layered" },
          { ru = "Поэтому: цифры МЧЗ + печатные данные страницы + защитные элементы + сравнение с владельцем", en = "So: MRZ digits + the printed data + the security features + comparison with the holder" },
        },
      },
    },

    -- Short quiz. M6, S1, S2: digits alone prove nothing about genuineness.
    truefalse {
      id = "q_proof",
      title = { ru = "Короткий тест", en = "Short quiz" },
      prompt = { ru = "Если все пять контрольных цифр сходятся, паспорт подлинный.", en = "If all five check digits are correct, the passport is genuine." },
      correct = false,
      explanation = {
        ru = "Цифры может рассчитать и фальсификатор; самозванец с чужим подлинным паспортом тоже пройдёт эту проверку.",
        en = "A forger can compute the digits, and an impostor with someone else's genuine passport passes this check too.",
      },
    },

    -- M5, M11: a changed birth-date digit with the old check digit fails its own digit and the
    -- composite (M6: weights 7, 3, 1 always catch a single changed digit).
    multiple {
      id = "q_which_fail",
      prompt = {
        ru = "Фальсификатор изменил одну цифру в дате рождения, а контрольные цифры не тронул. Какие цифры не сойдутся? Отметьте все.",
        en = "A forger changed one digit of the date of birth and left the check digits alone. Which digits will fail? Select all that apply.",
      },
      choices = {
        { id = "birth", text = { ru = "Контрольная цифра даты рождения (20)", en = "The date-of-birth check digit (20)" } },
        { id = "composite", text = { ru = "Общая контрольная цифра (44)", en = "The composite check digit (44)" } },
        { id = "number", text = { ru = "Контрольная цифра номера (10)", en = "The document number's check digit (10)" },
          feedback = { ru = "Номер не менялся, его цифра сходится.", en = "The number was not changed, so its digit still checks out." } },
        { id = "expiry", text = { ru = "Контрольная цифра срока действия (28)", en = "The expiry check digit (28)" } },
      },
      correct = { "birth", "composite" },
      shuffle = true,
    },

    -- M6: check digit of a generated expiry date.
    dynamic {
      id = "q_expiry",
      build = function(ctx)
        local date = two(math.random(28, 35)) .. two(math.random(1, 12)) .. two(math.random(1, 28))
        local right = check_digit(date)
        local shown = right
        if math.random(1, 2) == 1 then shown = (right + math.random(1, 9)) % 10 end
        return truefalse {
          prompt = {
            ru = "Срок действия в МЧЗ: " .. date .. shown .. " (последняя цифра — контрольная). Контрольная цифра верна.",
            en = "The MRZ gives the expiry as " .. date .. shown .. " (the last digit is the check digit). The check digit is correct.",
          },
          correct = shown == right,
          explanation = {
            ru = working(date) .. " → " .. right .. "; напечатано " .. shown .. ".",
            en = working(date) .. " → " .. right .. "; printed " .. shown .. ".",
          },
        }
      end,
    },
  },
}
