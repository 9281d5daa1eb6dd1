-- Lesson 1: the machine-readable zone of a passport (ICAO Doc 9303, TD3): what each position
-- holds, how a check digit is computed with the weights 7-3-1, and what the composite digit covers.
-- All examples use ICAO's specimen passport of the fictitious state Utopia, code UTO (M8).

-- The MRZ on images/passport.png: 44 characters on a 19 px grid starting at x = 22; line 1 spans
-- y 509-541, line 2 y 559-591. Returns the rectangle of characters first..last of a line.
local function mrz_cells(line, first, last)
  local top = line == 1 and 509 or 559
  return { 22 + (first - 1) * 19, top, (last - first + 1) * 19, 32 }
end

return lesson {
  id = "mrz",
  title = { ru = "Машиночитаемая зона паспорта", en = "The passport's machine-readable zone" },
  objectives = {
    { ru = "Читать обе строки машиночитаемой зоны (МЧЗ) паспорта формата TD3", en = "Read both lines of a TD3 passport's machine-readable zone (MRZ)" },
    { ru = "Вычислять контрольную цифру по весам 7-3-1", en = "Compute a check digit with the weights 7-3-1" },
    { ru = "Знать, какие поля защищены контрольными цифрами, а какие нет", en = "Know which fields the check digits protect and which they do not" },
  },
  screens = {
    -- M1: three MRZ formats; M2: allowed characters, OCR-B, MRP dates; M8: the UTO specimen.
    info {
      id = "intro",
      title = { ru = "Зачем читать МЧЗ самому", en = "Why read the MRZ yourself" },
      body = {
        image {
          file = "images/passport.png",
          caption = {
            ru = "Образец страницы данных паспорта вымышленного государства Утопия (код UTO) с МЧЗ образца ИКАО",
            en = "Specimen data page of the fictitious state of Utopia (code UTO), with ICAO's specimen MRZ",
          },
          alt = {
            ru = "Страница данных паспорта: фотография, печатные данные и внизу две строки МЧЗ",
            en = "Passport data page: photo, printed data and, at the bottom, the two MRZ lines",
          },
        },
        para {
          ru = "Машиночитаемая зона (МЧЗ) — две строки внизу страницы данных. Её читает считыватель, но сотрудник должен уметь прочитать и проверить её глазами: каждое поле, каждую контрольную цифру.",
          en = "The machine-readable zone (MRZ) is the two lines at the bottom of the data page. A reader scans it, but you must be able to read and check it by eye: every field, every check digit.",
        },
        bullets {
          { ru = "Паспорт (TD3): 2 строки по 44 символа; страница данных 125 × 88 мм", en = "Passport (TD3): 2 lines of 44 characters; the data page is 125 × 88 mm" },
          { ru = "TD2: 2 строки по 36 символов; TD1 (формат карты): 3 строки по 30", en = "TD2: 2 lines of 36 characters; TD1 (card size): 3 lines of 30" },
          { ru = "Только A–Z, 0–9 и знак-заполнитель «<», шрифт OCR-B", en = "Only A–Z, 0–9 and the filler \"<\", printed in the OCR-B typeface" },
          { ru = "С 1 апреля 2010 года ИКАО требует выдавать только машиночитаемые паспорта; остальные должны были истечь к 24 ноября 2015 года", en = "Since 1 April 2010 ICAO has required states to issue only machine-readable passports; all others had to expire by 24 November 2015" },
        },
      },
    },

    -- M1: TD3, TD2 and TD1 line formats.
    matching {
      id = "formats",
      prompt = { ru = "Сопоставьте формат документа и его МЧЗ.", en = "Match each document format with its MRZ." },
      pairs = {
        { id = "td3", left = { ru = "TD3 (паспортная книжка)", en = "TD3 (passport booklet)" }, right = { ru = "2 строки по 44 символа", en = "2 lines of 44 characters" } },
        { id = "td2", left = "TD2", right = { ru = "2 строки по 36 символов", en = "2 lines of 36 characters" } },
        { id = "td1", left = { ru = "TD1 (формат карты)", en = "TD1 (card size)" }, right = { ru = "3 строки по 30 символов", en = "3 lines of 30 characters" } },
      },
    },

    -- M3: TD3 line 1; M8: the specimen's line 1.
    info {
      id = "line1",
      title = { ru = "Строка 1: тип, государство, имя", en = "Line 1: type, state, name" },
      body = {
        para "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        bullets {
          { ru = "Позиция 1: «P» — паспорт", en = "Position 1: \"P\" for passport" },
          { ru = "Позиция 2: тип паспорта или «<»", en = "Position 2: the passport type, or \"<\"" },
          { ru = "Позиции 3–5: код государства, выдавшего паспорт (ISO 3166-1 alpha-3 с дополнениями ИКАО); здесь UTO", en = "Positions 3–5: code of the issuing state (ISO 3166-1 alpha-3 with ICAO additions); here UTO" },
          { ru = "Позиции 6–44: фамилия, затем «<<», затем имена; «<» заменяет пробелы и дефисы и заполняет свободные места", en = "Positions 6–44: surname, then \"<<\", then given names; \"<\" replaces spaces and hyphens and fills unused places" },
        },
        para {
          ru = "Здесь фамилия — ERIKSSON, имена — ANNA MARIA.",
          en = "Here the surname is ERIKSSON and the given names are ANNA MARIA.",
        },
      },
    },

    -- M3: issuing state in line 1, positions 3-5; M4: nationality in line 2, positions 11-13.
    hotspot {
      id = "find_state",
      prompt = { ru = "Нажмите на код государства, выдавшего паспорт, в МЧЗ.", en = "Click the issuing state's code in the MRZ." },
      image = "images/passport.png",
      width = 880,
      height = 620,
      regions = {
        { id = "issuer", rect = mrz_cells(1, 3, 5), label = { ru = "Строка 1, позиции 3–5", en = "Line 1, positions 3–5" },
          feedback = { ru = "Верно: строка 1, позиции 3–5.", en = "Right: line 1, positions 3–5." } },
        { id = "nationality", rect = mrz_cells(2, 11, 13), label = { ru = "Строка 2, позиции 11–13", en = "Line 2, positions 11–13" },
          feedback = { ru = "Это гражданство владельца (строка 2, позиции 11–13). У образца оно тоже UTO, но государство выдачи стоит в строке 1.", en = "That is the holder's nationality (line 2, positions 11–13). In the specimen it is UTO too, but the issuing state is in line 1." } },
        { id = "doc_type", rect = mrz_cells(1, 1, 2), label = { ru = "Строка 1, позиции 1–2", en = "Line 1, positions 1–2" },
          feedback = { ru = "Это тип документа: «P» — паспорт.", en = "That is the document type: \"P\" for passport." } },
        { id = "name", rect = mrz_cells(1, 6, 44), label = { ru = "Строка 1, позиции 6–44", en = "Line 1, positions 6–44" },
          feedback = { ru = "Это фамилия и имена.", en = "That is the name." } },
        { id = "printed_code", rect = { 396, 115, 90, 45 }, label = { ru = "Печатное поле «Код»", en = "Printed field \"Code\"" },
          feedback = { ru = "Это печатные данные страницы, а не МЧЗ.", en = "That is the printed data on the page, not the MRZ." } },
      },
      correct = "issuer",
      attempts = 2,
    },

    -- M4: TD3 line 2 positions; M8: the specimen's line 2.
    info {
      id = "line2",
      title = { ru = "Строка 2: данные и контрольные цифры", en = "Line 2: data and check digits" },
      body = {
        para "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
        bullets {
          { ru = "1–9: номер документа (L898902C3); 10: его контрольная цифра (6)", en = "1–9: document number (L898902C3); 10: its check digit (6)" },
          { ru = "11–13: гражданство (UTO)", en = "11–13: nationality (UTO)" },
          { ru = "14–19: дата рождения ГГММДД (740812 — 12.08.1974); 20: контрольная цифра (2)", en = "14–19: date of birth, YYMMDD (740812 is 12 Aug 1974); 20: check digit (2)" },
          { ru = "21: пол (F)", en = "21: sex (F)" },
          { ru = "22–27: дата окончания срока действия ГГММДД (120415); 28: контрольная цифра (9)", en = "22–27: date of expiry, YYMMDD (120415); 28: check digit (9)" },
          { ru = "29–42: личный номер или дополнительные данные (ZE184226B<<<<<); 43: контрольная цифра (1)", en = "29–42: personal number or optional data (ZE184226B<<<<<); 43: check digit (1)" },
          { ru = "44: общая (сводная) контрольная цифра (0)", en = "44: composite check digit (0)" },
        },
      },
    },

    -- M4: the order of the fields in line 2.
    ordering {
      id = "line2_order",
      prompt = { ru = "Расположите поля строки 2 в том порядке, в каком они идут слева направо.", en = "Put the fields of line 2 in order, from left to right." },
      items = {
        { id = "number", text = { ru = "Номер документа", en = "Document number" } },
        { id = "nationality", text = { ru = "Гражданство", en = "Nationality" } },
        { id = "birth", text = { ru = "Дата рождения", en = "Date of birth" } },
        { id = "sex", text = { ru = "Пол", en = "Sex" } },
        { id = "expiry", text = { ru = "Дата окончания срока действия", en = "Date of expiry" } },
        { id = "personal", text = { ru = "Личный номер", en = "Personal number" } },
      },
      explanation = {
        ru = "Номер (1–9), гражданство (11–13), дата рождения (14–19), пол (21), срок действия (22–27), личный номер (29–42). Между ними стоят контрольные цифры.",
        en = "Number (1–9), nationality (11–13), date of birth (14–19), sex (21), expiry (22–27), personal number (29–42), with check digits between them.",
      },
    },

    -- M4: dates are written YYMMDD; M8: the specimen's date of birth 740812.
    single {
      id = "read_date",
      prompt = { ru = "В МЧЗ дата рождения записана как 740812. Какая это дата?", en = "The MRZ gives the date of birth as 740812. What date is it?" },
      choices = {
        { id = "aug12", text = { ru = "12 августа 1974 года", en = "12 August 1974" } },
        { id = "dec08", text = { ru = "8 декабря 1974 года", en = "8 December 1974" },
          feedback = { ru = "Порядок — год, месяц, день: 74-08-12.", en = "The order is year, month, day: 74-08-12." } },
        { id = "jul40", text = { ru = "7 апреля 1908 года", en = "7 April 1908" },
          feedback = { ru = "Каждая часть даты занимает две цифры: ГГ ММ ДД.", en = "Each part of the date takes two digits: YY MM DD." } },
      },
      correct = "aug12",
      shuffle = true,
    },

    -- M6: the check-digit rule; M7: the short example 510509 -> 2.
    info {
      id = "check_rule",
      title = { ru = "Как считается контрольная цифра", en = "How a check digit is computed" },
      body = {
        numbered {
          { ru = "Переведите символы в числа: цифра равна себе, буквы A–Z — числам 10–35 (A=10, B=11, … Z=35), «<» равен 0", en = "Turn each character into a number: a digit is itself, letters A–Z are 10–35 (A=10, B=11, … Z=35), and \"<\" is 0" },
          { ru = "Умножьте числа слева направо на повторяющиеся веса 7, 3, 1, 7, 3, 1…", en = "Multiply them, left to right, by the repeating weights 7, 3, 1, 7, 3, 1…" },
          { ru = "Сложите произведения", en = "Add the products" },
          { ru = "Остаток от деления суммы на 10 — это контрольная цифра", en = "The remainder after dividing the sum by 10 is the check digit" },
        },
        heading { ru = "Пример: дата рождения 9 мая 1951 года", en = "Example: date of birth 9 May 1951" },
        para {
          ru = "510509: 5×7 + 1×3 + 0×1 + 5×7 + 0×3 + 9×1 = 82; остаток от деления на 10 — 2. В МЧЗ пишут 5105092.",
          en = "510509: 5×7 + 1×3 + 0×1 + 5×7 + 0×3 + 9×1 = 82; the remainder after dividing by 10 is 2. The MRZ shows 5105092.",
        },
      },
    },

    -- M9: worked example with letters, L898902C3 -> 6.
    info {
      id = "worked",
      title = { ru = "Пример с буквами: номер L898902C3", en = "An example with letters: number L898902C3" },
      body = {
        bullets {
          { ru = "Значения: L=21, 8, 9, 8, 9, 0, 2, C=12, 3", en = "Values: L=21, 8, 9, 8, 9, 0, 2, C=12, 3" },
          { ru = "Веса: 7, 3, 1, 7, 3, 1, 7, 3, 1", en = "Weights: 7, 3, 1, 7, 3, 1, 7, 3, 1" },
          { ru = "Произведения: 147 + 24 + 9 + 56 + 27 + 0 + 14 + 36 + 3 = 316", en = "Products: 147 + 24 + 9 + 56 + 27 + 0 + 14 + 36 + 3 = 316" },
          { ru = "316 : 10 = 31, остаток 6 — в МЧЗ после номера стоит 6", en = "316 divided by 10 leaves 6, and the MRZ prints 6 after the number" },
        },
        para {
          ru = "Совет: достаточно запоминать последнюю цифру каждой промежуточной суммы.",
          en = "Tip: you only need to keep the last digit of each running total.",
        },
      },
    },

    -- M10: the specimen's date of birth 740812 has check digit 2.
    numeric {
      id = "dob_digit",
      prompt = {
        ru = "Вычислите контрольную цифру даты рождения 740812.",
        en = "Compute the check digit of the date of birth 740812.",
      },
      answer = 2,
      attempts = 2,
      explanation = {
        ru = "7×7 + 4×3 + 0×1 + 8×7 + 1×3 + 2×1 = 49 + 12 + 0 + 56 + 3 + 2 = 122; остаток — 2. В МЧЗ образца: 7408122.",
        en = "7×7 + 4×3 + 0×1 + 8×7 + 1×3 + 2×1 = 49 + 12 + 0 + 56 + 3 + 2 = 122, which leaves 2. The specimen's MRZ reads 7408122.",
      },
    },

    -- M5: what the composite check digit covers; M4: positions of nationality (11-13) and sex (21),
    -- which therefore fall outside every check digit; M6, M11: with weights 7, 3, 1 a single changed
    -- digit always changes the sum mod 10 (a letter change can slip through, e.g. 0 -> A).
    info {
      id = "composite",
      title = { ru = "Общая контрольная цифра", en = "The composite check digit" },
      body = {
        para {
          ru = "Последняя, 44-я цифра строки 2 вычисляется по позициям 1–10, 14–20 и 22–43: по всем полям данных вместе с их собственными контрольными цифрами.",
          en = "The last digit of line 2, position 44, is computed over positions 1–10, 14–20 and 22–43: all the data fields together with their own check digits.",
        },
        bullets {
          { ru = "Если изменить одну цифру в номере, дате рождения, сроке действия или личном номере и не пересчитать контрольные цифры, не сойдутся и цифра поля, и общая цифра", en = "Changing one digit of the number, date of birth, expiry or personal number without recomputing the check digits breaks both the field's digit and the composite" },
          { ru = "Гражданство (11–13) и пол (21) не входят ни в одну контрольную цифру: их сверяйте с печатными данными страницы", en = "Nationality (11–13) and sex (21) are outside every check digit: compare them with the printed data on the page" },
        },
      },
    },

    -- M4: position 20 is the date-of-birth check digit.
    hotspot {
      id = "find_dob_check",
      prompt = { ru = "Нажмите на контрольную цифру даты рождения.", en = "Click the check digit of the date of birth." },
      image = "images/passport.png",
      width = 880,
      height = 620,
      regions = {
        { id = "dob_check", rect = mrz_cells(2, 20, 20), label = { ru = "Строка 2, позиция 20", en = "Line 2, position 20" },
          feedback = { ru = "Верно: позиция 20, цифра 2.", en = "Right: position 20, the digit 2." } },
        { id = "dob", rect = mrz_cells(2, 14, 19), label = { ru = "Строка 2, позиции 14–19", en = "Line 2, positions 14–19" },
          feedback = { ru = "Это сама дата рождения; её контрольная цифра стоит сразу за ней.", en = "That is the date of birth itself; its check digit follows it." } },
        { id = "number_check", rect = mrz_cells(2, 10, 10), label = { ru = "Строка 2, позиция 10", en = "Line 2, position 10" },
          feedback = { ru = "Это контрольная цифра номера документа.", en = "That is the document number's check digit." } },
        { id = "expiry_check", rect = mrz_cells(2, 28, 28), label = { ru = "Строка 2, позиция 28", en = "Line 2, position 28" },
          feedback = { ru = "Это контрольная цифра срока действия.", en = "That is the expiry date's check digit." } },
        { id = "composite", rect = mrz_cells(2, 44, 44), label = { ru = "Строка 2, позиция 44", en = "Line 2, position 44" },
          feedback = { ru = "Это общая контрольная цифра.", en = "That is the composite check digit." } },
        { id = "rest", rect = mrz_cells(2, 1, 44), label = { ru = "Другие символы строки 2", en = "Other characters of line 2" } },
      },
      correct = "dob_check",
      attempts = 2,
    },

    -- Short quiz. M2: only A-Z, 0-9 and "<".
    truefalse {
      id = "q_chars",
      title = { ru = "Короткий тест", en = "Short quiz" },
      prompt = { ru = "В МЧЗ могут стоять строчные буквы.", en = "Lower-case letters may appear in the MRZ." },
      correct = false,
      explanation = { ru = "В МЧЗ допустимы только A–Z, 0–9 и «<».", en = "Only A–Z, 0–9 and \"<\" may appear in the MRZ." },
    },

    -- M1: a TD3 line is 44 characters long.
    numeric {
      id = "q_line_len",
      prompt = { ru = "Сколько символов в каждой строке МЧЗ паспорта (TD3)?", en = "How many characters long is each MRZ line of a passport (TD3)?" },
      answer = 44,
      unit = { ru = "символов", en = "characters" },
    },

    -- M6: "<" counts as 0; letters count 10-35.
    single {
      id = "q_filler",
      prompt = { ru = "Какое значение имеет знак «<» при расчёте контрольной цифры?", en = "What value does \"<\" have when you compute a check digit?" },
      choices = {
        { id = "zero", text = "0" },
        { id = "ten", text = "10", feedback = { ru = "10 — это значение буквы A.", en = "10 is the value of the letter A." } },
        { id = "skip", text = { ru = "Его пропускают, вес не сдвигается", en = "It is skipped and the weights do not move on" } },
      },
      correct = "zero",
      shuffle = true,
    },

    -- M4, M5: nationality and sex lie outside every check digit; the others are covered.
    multiple {
      id = "q_uncovered",
      prompt = { ru = "Какие поля строки 2 не защищены ни одной контрольной цифрой? Отметьте все.", en = "Which fields of line 2 are protected by no check digit? Select all that apply." },
      choices = {
        { id = "nationality", text = { ru = "Гражданство", en = "Nationality" } },
        { id = "sex", text = { ru = "Пол", en = "Sex" } },
        { id = "birth", text = { ru = "Дата рождения", en = "Date of birth" } },
        { id = "number", text = { ru = "Номер документа", en = "Document number" } },
      },
      correct = { "nationality", "sex" },
      shuffle = true,
      explanation = {
        ru = "Общая цифра охватывает позиции 1–10, 14–20 и 22–43, поэтому гражданство (11–13) и пол (21) остаются без контроля: сверяйте их с печатными данными.",
        en = "The composite covers positions 1–10, 14–20 and 22–43, so nationality (11–13) and sex (21) are left out: check them against the printed data.",
      },
    },
  },
}
