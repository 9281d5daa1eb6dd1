-- Lesson 8: the final test. 15 questions drawn from a pool of 48 (more than three times as many),
-- with choices shuffled, so neighbours see different questions; some questions are generated
-- afresh for every attempt. 20 minutes.

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

local function working(s)
  local terms, sum = {}, 0
  for i = 1, #s do
    local v, w = char_value(s:sub(i, i)), WEIGHTS[(i - 1) % 3 + 1]
    terms[#terms + 1] = v .. "×" .. w
    sum = sum + v * w
  end
  return table.concat(terms, " + ") .. " = " .. sum
end

local function two(n) return string.format("%02d", n) end

local function random_date(first_year, last_year)
  return two(math.random(first_year, last_year)) .. two(math.random(1, 12)) .. two(math.random(1, 28))
end

local function random_number()
  local t = { string.char(64 + math.random(1, 26)), string.char(64 + math.random(1, 26)) }
  for i = 3, 9 do t[i] = tostring(math.random(0, 9)) end
  return table.concat(t)
end

return lesson {
  id = "final_test",
  title = { ru = "Итоговый тест", en = "Final test" },
  objectives = {
    { ru = "Показать знания по всем урокам курса: 15 вопросов, 20 минут", en = "Show what you have learnt in every lesson: 15 questions, 20 minutes" },
  },
  pass_mark = 0.7,
  time_limit = 1200,
  screens = {
    pool {
      id = "final",
      draw = 15,
      items = {
        -- M1: TD3 is 2 lines of 44.
        single {
          id = "f_td3",
          prompt = { ru = "Какова МЧЗ паспорта формата TD3?", en = "What is the MRZ of a TD3 passport?" },
          choices = {
            { id = "2x44", text = { ru = "2 строки по 44 символа", en = "2 lines of 44 characters" } },
            { id = "2x36", text = { ru = "2 строки по 36 символов", en = "2 lines of 36 characters" } },
            { id = "3x30", text = { ru = "3 строки по 30 символов", en = "3 lines of 30 characters" } },
          },
          correct = "2x44",
        },
        -- M2: allowed characters.
        truefalse {
          id = "f_chars",
          prompt = { ru = "В МЧЗ допустимы только буквы A–Z, цифры 0–9 и знак «<».", en = "Only A–Z, 0–9 and \"<\" may appear in the MRZ." },
          correct = true,
        },
        -- M3: issuing state in line 1, positions 3-5; M4: nationality in line 2, positions 11-13.
        single {
          id = "f_issuer",
          prompt = { ru = "Где в МЧЗ паспорта стоит код государства, выдавшего документ?", en = "Where in a passport's MRZ is the issuing state's code?" },
          choices = {
            { id = "l1", text = { ru = "Строка 1, позиции 3–5", en = "Line 1, positions 3–5" } },
            { id = "l2", text = { ru = "Строка 2, позиции 11–13", en = "Line 2, positions 11–13" },
              feedback = { ru = "Это гражданство владельца.", en = "That is the holder's nationality." } },
            { id = "l1start", text = { ru = "Строка 1, позиции 1–2", en = "Line 1, positions 1–2" },
              feedback = { ru = "Это тип документа.", en = "That is the document type." } },
          },
          correct = "l1",
        },
        -- M3: "<<" separates surname and given names.
        truefalse {
          id = "f_name",
          prompt = { ru = "В поле имени МЧЗ фамилию от имён отделяет «<<».", en = "In the MRZ name field, \"<<\" separates the surname from the given names." },
          correct = true,
        },
        -- M4: date of birth at 14-19.
        single {
          id = "f_dob_pos",
          prompt = { ru = "В каких позициях строки 2 стоит дата рождения?", en = "Which positions of line 2 hold the date of birth?" },
          choices = {
            { id = "14", text = "14–19" },
            { id = "22", text = "22–27", feedback = { ru = "Это срок действия.", en = "That is the date of expiry." } },
            { id = "1", text = "1–9", feedback = { ru = "Это номер документа.", en = "That is the document number." } },
          },
          correct = "14",
        },
        -- M4, M5: the composite covers 1-10, 14-20, 22-43.
        multiple {
          id = "f_composite",
          prompt = { ru = "Какие поля входят в расчёт общей контрольной цифры? Отметьте все.", en = "Which fields does the composite check digit cover? Select all that apply." },
          choices = {
            { id = "number", text = { ru = "Номер документа", en = "Document number" } },
            { id = "birth", text = { ru = "Дата рождения", en = "Date of birth" } },
            { id = "expiry", text = { ru = "Срок действия", en = "Date of expiry" } },
            { id = "personal", text = { ru = "Личный номер", en = "Personal number" } },
            { id = "nationality", text = { ru = "Гражданство", en = "Nationality" } },
            { id = "sex", text = { ru = "Пол", en = "Sex" } },
          },
          correct = { "number", "birth", "expiry", "personal" },
        },
        -- M6: the value of a letter, generated.
        dynamic {
          id = "f_letter",
          build = function(ctx)
            local letter = string.char(64 + math.random(1, 26))
            return numeric {
              prompt = {
                ru = "Какое значение имеет буква " .. letter .. " при расчёте контрольной цифры?",
                en = "What value does the letter " .. letter .. " have when you compute a check digit?",
              },
              answer = char_value(letter),
              explanation = { ru = "A = 10, B = 11, … Z = 35.", en = "A = 10, B = 11, … Z = 35." },
            }
          end,
        },
        -- M6: check digit of a generated date.
        dynamic {
          id = "f_cd_date",
          build = function(ctx)
            local date = random_date(55, 99)
            return numeric {
              prompt = {
                ru = "Вычислите контрольную цифру даты " .. date .. ".",
                en = "Compute the check digit of the date " .. date .. ".",
              },
              answer = check_digit(date),
              explanation = { ru = working(date) .. " → " .. check_digit(date), en = working(date) .. " → " .. check_digit(date) },
            }
          end,
        },
        -- M6: check digit of a generated document number with letters.
        dynamic {
          id = "f_cd_number",
          build = function(ctx)
            local number = random_number()
            return numeric {
              prompt = {
                ru = "Вычислите контрольную цифру номера документа " .. number .. " (A = 10 … Z = 35).",
                en = "Compute the check digit of the document number " .. number .. " (A = 10 … Z = 35).",
              },
              answer = check_digit(number),
              explanation = { ru = working(number) .. " → " .. check_digit(number), en = working(number) .. " → " .. check_digit(number) },
            }
          end,
        },
        -- M6: is a printed check digit right? Generated.
        dynamic {
          id = "f_cd_verify",
          build = function(ctx)
            local date = random_date(28, 35)
            local right = check_digit(date)
            local shown = right
            if math.random(1, 2) == 1 then shown = (right + math.random(1, 9)) % 10 end
            return truefalse {
              prompt = {
                ru = "Срок действия в МЧЗ: " .. date .. shown .. " (последняя цифра — контрольная). Контрольная цифра верна.",
                en = "The MRZ gives the expiry as " .. date .. shown .. " (the last digit is the check digit). The check digit is correct.",
              },
              correct = shown == right,
              explanation = { ru = working(date) .. " → " .. right, en = working(date) .. " → " .. right },
            }
          end,
        },
        -- M6: the weights.
        single {
          id = "f_weights",
          prompt = { ru = "Какие веса используются при расчёте контрольной цифры МЧЗ?", en = "Which weights are used to compute an MRZ check digit?" },
          choices = {
            { id = "731", text = { ru = "7, 3, 1 по кругу", en = "7, 3, 1, repeating" } },
            { id = "123", text = { ru = "1, 2, 3 по кругу", en = "1, 2, 3, repeating" } },
            { id = "equal", text = { ru = "Все веса равны 1", en = "All weights are 1" } },
          },
          correct = "731",
        },
        -- M2: non-machine-readable passports had to expire by 24 November 2015.
        single {
          id = "f_mrp_date",
          prompt = { ru = "К какой дате должны были истечь все паспорта без МЧЗ?", en = "By what date did all passports without an MRZ have to expire?" },
          choices = {
            { id = "2015", text = { ru = "24 ноября 2015 года", en = "24 November 2015" } },
            { id = "2010", text = { ru = "1 апреля 2010 года", en = "1 April 2010" },
              feedback = { ru = "С этой даты ИКАО требует выдавать только машиночитаемые паспорта.", en = "From that date ICAO has required states to issue only machine-readable passports." } },
            { id = "2020", text = { ru = "1 января 2020 года", en = "1 January 2020" } },
          },
          correct = "2015",
        },
        -- M6, S1, S2: correct digits do not prove a document genuine.
        truefalse {
          id = "f_not_proof",
          prompt = { ru = "Верные контрольные цифры доказывают подлинность паспорта.", en = "Correct check digits prove that a passport is genuine." },
          correct = false,
          explanation = { ru = "Правило открыто: цифры может посчитать и фальсификатор, а самозванец с чужим подлинным паспортом пройдёт проверку цифр.", en = "The rule is public: a forger can compute the digits, and an impostor with someone else's genuine passport passes the digit check." },
        },
        -- S1: ICAO's threats.
        multiple {
          id = "f_threats",
          prompt = { ru = "Что ИКАО относит к угрозам для проездных документов? Отметьте все.", en = "Which of these does ICAO list as threats to travel documents? Select all that apply." },
          choices = {
            { id = "photo", text = { ru = "Замена фотографии", en = "Photo substitution" } },
            { id = "impostor", text = { ru = "Использование чужого подлинного документа", en = "Impostors using someone else's genuine document" } },
            { id = "blanks", text = { ru = "Хищение подлинных бланков", en = "Theft of genuine blanks" } },
            { id = "reader", text = { ru = "Считывание МЧЗ считывателем", en = "Reading the MRZ with a reader" } },
          },
          correct = { "photo", "impostor", "blanks" },
        },
        -- S2: layered features.
        truefalse {
          id = "f_layers",
          prompt = { ru = "По ИКАО ни один защитный элемент не эффективен на 100 %, поэтому элементы сочетают слоями.", en = "ICAO says no security feature is 100% effective, so features are layered." },
          correct = true,
        },
        -- S3: genuine paper stays dull under UV.
        single {
          id = "f_uv_paper",
          prompt = { ru = "Страница данных под УФ-лампой ярко светится голубовато-белым. О чём это говорит?", en = "Under a UV lamp the data page glows bright bluish-white. What does that suggest?" },
          choices = {
            { id = "suspect", text = { ru = "Бумага подозрительна: паспортная бумага по стандарту ЕС не содержит оптических отбеливателей и остаётся тусклой", en = "The paper is suspect: passport paper to the EU standard has no optical brighteners and stays dull" } },
            { id = "genuine", text = { ru = "Так и должно быть у подлинной бумаги", en = "That is how genuine paper should look" } },
          },
          correct = "suspect",
        },
        -- S5: microprinting and the magnifier.
        single {
          id = "f_micro",
          prompt = { ru = "Чем проверяют микропечать?", en = "What do you check microprinting with?" },
          choices = {
            { id = "magnifier", text = { ru = "Лупой", en = "A magnifier" } },
            { id = "uv", text = { ru = "УФ-лампой", en = "A UV lamp" } },
            { id = "touch", text = { ru = "На ощупь", en = "By touch" } },
          },
          correct = "magnifier",
        },
        -- S6: optically variable devices change as you tilt them.
        single {
          id = "f_ovd",
          prompt = { ru = "Как проверить голограмму или кинеграмму?", en = "How do you check a hologram or kinegram?" },
          choices = {
            { id = "tilt", text = { ru = "Наклонить документ и следить за сменой цвета или изображения", en = "Tilt the document and watch the colour or image change" } },
            { id = "magnify", text = { ru = "Поискать в лупу мелкий текст", en = "Look for tiny text with a magnifier" } },
            { id = "feel", text = { ru = "Нащупать рельефную краску", en = "Feel for raised ink" } },
          },
          correct = "tilt",
        },
        -- S7: intaglio.
        single {
          id = "f_intaglio",
          prompt = { ru = "Какую печать можно ощутить пальцем?", en = "Which printing can you feel with a fingertip?" },
          choices = {
            { id = "intaglio", text = { ru = "Металлографскую (интальо)", en = "Intaglio" } },
            { id = "guilloche", text = { ru = "Гильош", en = "Guilloche" } },
            { id = "uv", text = { ru = "УФ-краску", en = "UV ink" } },
          },
          correct = "intaglio",
        },
        -- S11: page substitution.
        single {
          id = "f_page_sub",
          prompt = { ru = "Что такое замена страницы?", en = "What is page substitution?" },
          choices = {
            { id = "pages", text = { ru = "Страницы (чаще страницу данных) вынимают и вшивают страницы из другого подлинного паспорта", en = "Pages, often the data page, are removed and pages from another genuine passport are inserted" } },
            { id = "photo", text = { ru = "Фотографию владельца заменяют другой", en = "The holder's photo is replaced with another" },
              feedback = { ru = "Это замена фотографии.", en = "That is photo substitution." } },
            { id = "mrz", text = { ru = "В МЧЗ меняют одну цифру", en = "One digit of the MRZ is changed" } },
          },
          correct = "pages",
        },
        -- S13: doubtful cases go to secondary inspection.
        truefalse {
          id = "f_primary",
          prompt = { ru = "Сомнительный документ на первой линии направляют на углублённую проверку.", en = "A doubtful document at the primary line is referred to secondary inspection." },
          correct = true,
        },
        -- S4: guilloche.
        text_entry {
          id = "f_guilloche",
          prompt = { ru = "Как называется фон из тонких непрерывных переплетающихся линий? Одно слово.", en = "What is the background of fine, continuous, interlaced lines called? One word." },
          accept = { "guilloche", "гильош", "гильоши", "гильошь", "гильоширная сетка", "гильоширный фон" },
        },
        -- V1: natural voids.
        single {
          id = "f_voids",
          prompt = { ru = "Что из этого — естественные полости автомобиля?", en = "Which of these are natural voids of a vehicle?" },
          choices = {
            { id = "doors", text = { ru = "Дверные панели и ниша запасного колеса", en = "Door panels and the spare-wheel well" } },
            { id = "built", text = { ru = "Специально оборудованный отсек за ложной стенкой", en = "A purpose-built compartment behind a false wall" } },
          },
          correct = "doors",
        },
        -- D20: Khujand, fuel tank.
        single {
          id = "f_khujand",
          prompt = { ru = "Где в Худжанде нашли 55 пакетов (28,3 кг) наркотиков в легковом автомобиле?", en = "Where in a car did officers in Khujand find 55 bags (28.3 kg) of drugs?" },
          choices = {
            { id = "tank", text = { ru = "В топливном баке", en = "In the fuel tank" } },
            { id = "roof", text = { ru = "В крыше", en = "In the roof" } },
            { id = "bumper", text = { ru = "В заднем бампере", en = "In the rear bumper" } },
          },
          correct = "tank",
        },
        -- D22: Oybek, compartment between trailer front and cab.
        single {
          id = "f_oybek",
          prompt = { ru = "Где был тайник с 230 кг героина, найденный на посту «Ойбек»?", en = "Where was the compartment with 230 kg of heroin found at the \"Oybek\" post?" },
          choices = {
            { id = "front", text = { ru = "Между передней частью полуприцепа и кабиной", en = "Between the front of the trailer and the cab" } },
            { id = "wheels", text = { ru = "В колёсах полуприцепа", en = "In the trailer's wheels" } },
            { id = "roof", text = { ru = "В крыше полуприцепа", en = "In the trailer's roof" } },
          },
          correct = "front",
        },
        -- D25: cylinders welded inside tyre rims.
        truefalse {
          id = "f_rims",
          prompt = { ru = "Для сокрытия наркотиков использовали цилиндры, вваренные внутрь колёсных дисков.", en = "Cylinders welded inside tyre rims have been used to hide drugs." },
          correct = true,
        },
        -- V5: odour masking.
        multiple {
          id = "f_masking",
          prompt = { ru = "Что может указывать на маскировку запаха? Отметьте все.", en = "Which can be signs of odour masking? Select all that apply." },
          choices = {
            { id = "fresheners", text = { ru = "Обилие ароматизаторов", en = "Heavy use of air fresheners" } },
            { id = "pepper", text = { ru = "Перец или горчица на свёртках", en = "Pepper or mustard on packages" } },
            { id = "perfume", text = { ru = "Духи, распылённые прямо перед остановкой", en = "Perfume sprayed just before the stop" } },
            { id = "map", text = { ru = "Дорожная карта на сиденье", en = "A road map on the seat" } },
          },
          correct = { "fresheners", "pepper", "perfume" },
        },
        -- V3: finding false compartments in trailers.
        multiple {
          id = "f_trailer",
          prompt = { ru = "Как найти ложный отсек в полуприцепе? Отметьте все.", en = "How do you find a false compartment in a trailer? Select all that apply." },
          choices = {
            { id = "rivets", text = { ru = "Проверить, совпадают ли заклёпки", en = "Check that the rivets match" } },
            { id = "dims", text = { ru = "Сравнить внутренние и наружные размеры", en = "Compare inside and outside dimensions" } },
            { id = "insulation", text = { ru = "Проверить, не заменён ли утеплитель", en = "Check whether the insulation has been replaced" } },
            { id = "ask", text = { ru = "Поверить водителю на слово", en = "Take the driver's word for it" } },
          },
          correct = { "rivets", "dims", "insulation" },
        },
        -- V2: lorry checklist additions.
        truefalse {
          id = "f_lorry",
          prompt = { ru = "При досмотре грузовика перечень добавляет спальное место кабины, инструментальные ящики, подножки и топливные баки.", en = "For lorries the checklist adds the sleeper cab, toolboxes, steps and fuel tanks." },
          correct = true,
        },
        -- V6: density meters.
        single {
          id = "f_tools",
          prompt = { ru = "Какие средства применяет Служба таможенного и пограничного контроля США (CBP) для досмотра подозрительных машин?", en = "Which tools does US CBP use on suspect vehicles?" },
          choices = {
            { id = "all", text = { ru = "Служебных собак, плотномеры и рентгеновские/гамма-сканеры", en = "Detector dogs, density meters and X-ray/gamma scanners" } },
            { id = "lamp", text = { ru = "Только УФ-лампу", en = "Only a UV lamp" } },
            { id = "none", text = { ru = "Только осмотр глазами", en = "Only a visual check" } },
          },
          correct = "all",
        },
        -- V7: purpose of the trip.
        truefalse {
          id = "f_purpose",
          prompt = { ru = "При профилировании рисков проверяют, соответствуют ли транспорт, багаж и вещи заявленной цели поездки.", en = "Risk profiling checks that the vehicle, luggage and belongings fit the stated purpose of the trip." },
          correct = true,
        },
        -- V8: objective indicators, never ethnicity.
        single {
          id = "f_profile",
          prompt = { ru = "Что должно лежать в основе решения о углублённой проверке?", en = "What should a decision to check someone in detail rest on?" },
          choices = {
            { id = "indicators", text = { ru = "Несколько объективных индикаторов и оперативная информация", en = "Several objective indicators and intelligence" } },
            { id = "ethnicity", text = { ru = "Национальность человека", en = "The person's ethnicity" } },
            { id = "one", text = { ru = "Один яркий признак, например нервозность", en = "One striking trait, such as nervousness" } },
          },
          correct = "indicators",
        },
        -- V8: a single trait such as calm means little.
        truefalse {
          id = "f_calm",
          prompt = { ru = "Спокойный водитель — надёжный признак того, что груз чист.", en = "A calm driver is a reliable sign that the load is clean." },
          correct = false,
          explanation = { ru = "В «профилях» встречались и «слишком нервный», и «слишком спокойный»: одиночный признак ненадёжен.", en = "\"Profiles\" have listed both \"too nervous\" and \"too calm\": a single trait is unreliable." },
        },
        -- D25: cover loads; D21: onions.
        single {
          id = "f_cover",
          prompt = { ru = "Зачем наркотики прячут среди лука или капусты?", en = "Why are drugs hidden among onions or cabbage?" },
          choices = {
            { id = "smell", text = { ru = "Сильный запах маскирует наркотики", en = "The strong smell masks the drugs" } },
            { id = "never", text = { ru = "Овощи никогда не досматривают", en = "Vegetables are never searched" } },
          },
          correct = "smell",
        },
        -- V9: fewer than 2% of containers examined.
        single {
          id = "f_examined",
          prompt = { ru = "Какая доля морских контейнеров проходит физический досмотр?", en = "What share of sea containers is physically examined?" },
          choices = {
            { id = "two", text = { ru = "Менее 2 %", en = "Fewer than 2%" } },
            { id = "twenty", text = { ru = "Около 20 %", en = "About 20%" } },
            { id = "half", text = { ru = "Около половины", en = "About half" } },
          },
          correct = "two",
        },
        -- V9: the Container Control Programme's Port Control Units.
        single {
          id = "f_ccp",
          prompt = { ru = "Что создаёт программа УНП ООН–ВТамО по контролю за контейнерными перевозками?", en = "What does the UNODC–WCO Container Control Programme build?" },
          choices = {
            { id = "pcu", text = { ru = "Совместные группы портового контроля, отбирающие контейнеры по анализу рисков", en = "Joint Port Control Units that select containers by risk analysis" } },
            { id = "scan_all", text = { ru = "Системы сплошного досмотра каждого контейнера", en = "Systems that examine every container" } },
          },
          correct = "pcu",
        },
        -- V11: switched bills of lading.
        truefalse {
          id = "f_switched",
          prompt = { ru = "Коносамент, переоформленный в транзитном порту, может скрыть настоящее происхождение партии.", en = "A bill of lading reissued at a transit port can hide the consignment's true origin." },
          correct = true,
        },
        -- V12: a refrigerated container has 8 points.
        numeric {
          id = "f_reefer",
          prompt = { ru = "Сколько точек в осмотре рефрижераторного контейнера?", en = "How many points does the inspection of a refrigerated container have?" },
          answer = 8,
        },
        -- V12: the order of the first points.
        ordering {
          id = "f_points",
          prompt = { ru = "Расположите точки осмотра контейнера по порядку.", en = "Put these container inspection points in order." },
          items = {
            { id = "outside", text = { ru = "Снаружи и снизу", en = "Outside and undercarriage" } },
            { id = "doors", text = { ru = "Двери", en = "Doors" } },
            { id = "front", text = { ru = "Передняя стенка", en = "Front wall" } },
            { id = "floor", text = { ru = "Пол", en = "Floor" } },
          },
        },
        -- V14: the seal is inspected before it is touched.
        single {
          id = "f_seal_first",
          prompt = { ru = "С чего начинают проверку пломбы?", en = "How does a seal check begin?" },
          choices = {
            { id = "look", text = { ru = "Осматривают, не трогая", en = "Inspect it without touching it" } },
            { id = "pull", text = { ru = "Сразу тянут, проверяя фиксацию", en = "Pull it at once to test it" } },
            { id = "cut", text = { ru = "Срезают и осматривают изнутри", en = "Cut it off and look inside" } },
          },
          correct = "look",
        },
        -- V14: ISO 17712; M3: ISO 3166 is the country-code standard.
        single {
          id = "f_iso",
          prompt = { ru = "Какому стандарту должны соответствовать высоконадёжные пломбы?", en = "Which standard should high-security seals meet?" },
          choices = {
            { id = "17712", text = "ISO 17712" },
            { id = "3166", text = "ISO 3166", feedback = { ru = "Это коды стран, они же коды государств в МЧЗ.", en = "That is the country-code standard used in the MRZ." } },
          },
          correct = "17712",
        },
        -- V13: repairs inside must show outside.
        truefalse {
          id = "f_repair",
          prompt = { ru = "Ремонт внутри контейнера, не видный снаружи, — признак возможного тайника.", en = "A repair inside a container that does not show outside is a sign of a possible hiding place." },
          correct = true,
        },
        -- V13: floor must be flat.
        truefalse {
          id = "f_floor",
          prompt = { ru = "Пол контейнера должен быть ровным и на одной высоте, без ступенек.", en = "A container floor must be flat and at one height, with no step up." },
          correct = true,
        },
        -- CD1: definition.
        single {
          id = "f_cd_def",
          prompt = { ru = "Контролируемая поставка по Конвенции 1988 года — это:", en = "Under the 1988 Convention, a controlled delivery is:" },
          choices = {
            { id = "def", text = { ru = "Пропуск незаконной партии с ведома и под надзором компетентных органов, чтобы установить причастных лиц", en = "Letting an illicit consignment pass with the knowledge and under the supervision of the competent authorities, to identify those involved" } },
            { id = "seize", text = { ru = "Изъятие партии на границе с задержанием курьера", en = "Seizing the consignment at the border and arresting the courier" } },
            { id = "officer", text = { ru = "Решение сотрудника пропустить находку, чтобы проследить её", en = "An officer's own decision to let a find pass to follow it" } },
          },
          correct = "def",
        },
        -- CD5: questions UNODC says to settle first; the courier's agreement is not among them.
        multiple {
          id = "f_cd_questions",
          prompt = { ru = "Какие вопросы, по УНП ООН, нужно решить до контролируемой поставки? Отметьте все.", en = "Which questions does UNODC say to settle before a controlled delivery? Select all that apply." },
          choices = {
            { id = "lead", text = { ru = "Какое ведомство руководит", en = "Which agency leads" } },
            { id = "court", text = { ru = "Нужна ли санкция суда или независимого органа", en = "Whether judicial or independent authorisation is needed" } },
            { id = "replace", text = { ru = "Можно ли по закону заменить груз", en = "Whether the law allows replacing the goods" } },
            { id = "courier", text = { ru = "Согласен ли курьер", en = "Whether the courier agrees" } },
          },
          correct = { "lead", "court", "replace" },
        },
        -- CD8: refusal for excessive risk.
        truefalse {
          id = "f_cd_risk",
          prompt = { ru = "Запрашиваемое государство может отказать в контролируемой поставке из-за чрезмерного риска для людей.", en = "A requested state may refuse a controlled delivery because of excessive risk to people." },
          correct = true,
        },
        -- CD7: Germany's conditions.
        multiple {
          id = "f_cd_germany",
          prompt = { ru = "Какие условия ставит Германия для трансграничной контролируемой поставки? Отметьте все.", en = "Which conditions does Germany set for a cross-border controlled delivery? Select all that apply." },
          choices = {
            { id = "other_way", text = { ru = "Организаторов нельзя установить иначе", en = "The organisers cannot be identified any other way" } },
            { id = "surveillance", text = { ru = "Постоянное наблюдение за курьером и грузом", en = "Continuous surveillance of the courier and the goods" } },
            { id = "consent", text = { ru = "Согласие всех участвующих государств", en = "Every state involved consents" } },
            { id = "quantity", text = { ru = "Партия больше 100 кг", en = "The consignment is over 100 kg" } },
          },
          correct = { "other_way", "surveillance", "consent" },
        },
        -- CD4: other goods.
        truefalse {
          id = "f_cd_goods",
          prompt = { ru = "Контролируемую поставку применяют не только к наркотикам, но и к оружию, контрафакту и наличным деньгам.", en = "Controlled delivery is used not only for drugs but also for weapons, counterfeits and cash." },
          correct = true,
        },
      },
    },
  },
}
