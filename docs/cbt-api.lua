---@meta
-- Suitcase CBT authors' API, version 1: definitions for the Lua language server (LuaLS), so an
-- editor completes and checks course files. Nothing here runs; the engine provides the real
-- functions. Use it as described in docs/authoring.md, "Editor support" (.luarc.json
-- "workspace.library"), with LuaLS's own standard libraries disabled: this file declares exactly
-- what the lesson sandbox offers.

-- [SECTION] Values shared by many fields

---Text a trainee reads: a table with one entry per language code, or one plain string that
---reads the same in every language.
---@alias cbt.Text string|cbt.Translations

---One text in several languages, e.g. `{ en = "Check-up", ru = "Проверка" }`.
---@class cbt.Translations
---@field en? string English
---@field ru? string Russian
---@field [string] string any other language code (2 to 5 characters)

---An id: 1 to 64 letters, digits, `_`, `-` or `.`.
---@alias cbt.Id string

---A screen id to go to, or "end" to end the lesson.
---@alias cbt.Target cbt.Id|"end"

---Any answer, in the form of its screen type (docs/authoring.md, "Answer forms").
---@alias cbt.Answer cbt.SingleAnswer|cbt.MultipleAnswer|cbt.TrueFalseAnswer|cbt.MatchingAnswer|cbt.OrderingAnswer|cbt.NumericAnswer|cbt.TextAnswer|cbt.HotspotAnswer|cbt.CanvasAnswer

---single: the chosen choice id.
---@alias cbt.SingleAnswer cbt.Id
---multiple: the chosen choice ids (at least one when written in `solution` or `wrong`).
---@alias cbt.MultipleAnswer cbt.Id[]
---truefalse: true or false.
---@alias cbt.TrueFalseAnswer boolean
---matching: each left pair id mapped to the id of the pair picked on the right.
---@alias cbt.MatchingAnswer table<cbt.Id, cbt.Id>
---ordering: item ids in the order given.
---@alias cbt.OrderingAnswer cbt.Id[]
---numeric: the number typed.
---@alias cbt.NumericAnswer number
---text_entry: the text typed.
---@alias cbt.TextAnswer string
---hotspot: the clicked points, each `{ x, y }` in image units.
---@alias cbt.HotspotAnswer number[][]
---canvas: the region ids clicked, in order.
---@alias cbt.CanvasAnswer cbt.Id[]

-- [SECTION] The ctx object every hook receives

---The result of one question so far.
---@class cbt.Result
---@field score number 0 to 1, before the screen's weight
---@field correct boolean true at full marks
---@field tries integer tries used
---@field answer cbt.Answer the last answer given

---The lesson's context, passed to every hook.
---@class cbt.Context
---@field lang string the trainee's language code, e.g. "ru"
---@field seed integer the attempt's seed
---@field vars table<string, any> free for the lesson's own use during the attempt; starts empty
---@field random fun(m?: integer, n?: integer): number the same as math.random: seeded by the attempt
---@field result fun(id: cbt.Id): cbt.Result? a question's result so far, or nil when it has not been answered
---@field score fun(): number the lesson score so far, 0 to 1, over the questions shown until now

---The `next` hook: where to go after the screen. `result` is nil on an info screen.
---@alias cbt.NextHook fun(ctx: cbt.Context, result: cbt.Result?): cbt.Target?

-- [SECTION] course.lua

---A lesson as listed in course.lua.
---@class cbt.LessonEntry
---@field id cbt.Id the lesson id, as in its file
---@field file string path of the lesson file inside the course, e.g. "lessons/intro.lua"
---@field title? cbt.Text accepted, but the lesson file's own title is the one shown

---The course manifest.
---@class cbt.Course
---@field id cbt.Id the course id
---@field version string "major.minor.patch", e.g. "1.0.0"
---@field title cbt.Text the course title, in every course language
---@field description? cbt.Text a short description
---@field languages string[] language codes; the first is the default
---@field pass_mark number share of a lesson's marks needed to pass it, 0 to 1
---@field lessons cbt.LessonEntry[] the lessons, in the order trainees take them

---Declares the course; course.lua ends with `return course { ... }`.
---@param t cbt.Course
---@return cbt.Course
function course(t) end

-- [SECTION] Lessons

---A lesson file's table.
---@class cbt.Lesson
---@field id cbt.Id the lesson id, as listed in course.lua
---@field title cbt.Text the lesson title
---@field objectives? cbt.Text[] what the trainee will be able to do
---@field pass_mark? number this lesson's pass mark, 0 to 1; default: the course's
---@field time_limit? integer seconds allowed, 1 to 86400
---@field screens (cbt.Screen|cbt.Pool|cbt.Dynamic)[] the screens, in order

---Declares a lesson; a lesson file ends with `return lesson { ... }`.
---@param t cbt.Lesson
---@return cbt.Lesson
function lesson(t) end

-- [SECTION] Fields of every screen

---Fields every screen type accepts.
---@class cbt.Screen
---@field id? cbt.Id unique within the lesson; required, except in a screen returned by a dynamic build
---@field title? cbt.Text heading of the screen
---@field body? cbt.Block[] blocks shown above the question
---@field prompt? cbt.Text the question; required on every question
---@field explanation? cbt.Text shown once the question is settled
---@field weight? number how much the question counts, 0 to 1000; default 1
---@field attempts? integer tries allowed, 1 to 10; default 1
---@field partial? boolean partial credit (multiple, matching, ordering, hotspot); default true
---@field shuffle? boolean show single/multiple choices in random order; default false, true in a pool
---@field next? cbt.Target|cbt.NextHook the following screen: an id, "end", or a function
---@field score? fun(ctx: cbt.Context, answer: cbt.Answer): number custom scoring, 0 to 1; needs `solution`
---@field solution? cbt.Answer an answer that earns full marks
---@field wrong? cbt.Answer an answer that must not earn full marks

-- [SECTION] Screen types

---Reading only. Needs a title or a body.
---@class cbt.Info: cbt.Screen

---Reading screen.
---@param t cbt.Info
---@return cbt.Info
function info(t) end

---A choice of a single or multiple question.
---@class cbt.Choice
---@field id cbt.Id unique within the screen
---@field text cbt.Text what the trainee reads
---@field feedback? cbt.Text shown when the trainee picked this choice

---One right choice. Scores 1 or 0.
---@class cbt.Single: cbt.Screen
---@field choices cbt.Choice[] at least two
---@field correct? cbt.Id the right choice's id; required unless `score` is given
---@field solution? cbt.SingleAnswer
---@field wrong? cbt.SingleAnswer

---Question with one right choice.
---@param t cbt.Single
---@return cbt.Single
function single(t) end

---Select all that apply. Partial credit: (right picks - wrong picks) / right choices, not below 0.
---@class cbt.Multiple: cbt.Screen
---@field choices cbt.Choice[] at least two
---@field correct? cbt.Id[] the ids of all right choices; required unless `score` is given
---@field solution? cbt.MultipleAnswer
---@field wrong? cbt.MultipleAnswer

---"Select all that apply" question.
---@param t cbt.Multiple
---@return cbt.Multiple
function multiple(t) end

---A statement that is true or false. Scores 1 or 0.
---@class cbt.TrueFalse: cbt.Screen
---@field correct? boolean the right answer; required unless `score` is given
---@field solution? cbt.TrueFalseAnswer
---@field wrong? cbt.TrueFalseAnswer

---True/false question.
---@param t cbt.TrueFalse
---@return cbt.TrueFalse
function truefalse(t) end

---A pair of a matching question, written with its right partner.
---@class cbt.Pair
---@field id cbt.Id unique within the screen
---@field left cbt.Text shown in the left column, in the order written
---@field right cbt.Text shown in the right column, mixed up

---Pair each left item with a right item. Partial credit: pairs right / pairs.
---@class cbt.Matching: cbt.Screen
---@field pairs cbt.Pair[] at least two
---@field solution? cbt.MatchingAnswer
---@field wrong? cbt.MatchingAnswer

---Matching question.
---@param t cbt.Matching
---@return cbt.Matching
function matching(t) end

---An item of an ordering question.
---@class cbt.Item
---@field id cbt.Id unique within the screen
---@field text cbt.Text what the trainee reads

---Put items in order. Partial credit: items in their right place / items.
---@class cbt.Ordering: cbt.Screen
---@field items cbt.Item[] at least two, written in the right order (shown mixed up)
---@field solution? cbt.OrderingAnswer
---@field wrong? cbt.OrderingAnswer

---Ordering question.
---@param t cbt.Ordering
---@return cbt.Ordering
function ordering(t) end

---A number within a tolerance. Scores 1 or 0.
---@class cbt.Numeric: cbt.Screen
---@field answer? number the right number; required unless `score` is given
---@field tolerance? number accepted distance from the answer; default 0
---@field unit? cbt.Text shown beside the answer field
---@field solution? cbt.NumericAnswer
---@field wrong? cbt.NumericAnswer

---Numeric question.
---@param t cbt.Numeric
---@return cbt.Numeric
function numeric(t) end

---Typed text, compared ignoring case, extra spaces and ё/е. Scores 1 or 0.
---@class cbt.TextEntry: cbt.Screen
---@field accept? string|string[] accepted answers, in any language; required unless `score` is given
---@field solution? cbt.TextAnswer
---@field wrong? cbt.TextAnswer

---Short typed-answer question.
---@param t cbt.TextEntry
---@return cbt.TextEntry
function text_entry(t) end

---A clickable area of a hotspot picture; give exactly one of rect, circle and polygon.
---@class cbt.Region
---@field id cbt.Id unique within the screen
---@field rect? number[] `{ x, y, w, h }`: top-left corner, width, height
---@field circle? number[] `{ x, y, r }`: centre and radius
---@field polygon? number[] `{ x1, y1, x2, y2, x3, y3, ... }`: three or more corners
---@field label? cbt.Text a name for the region
---@field feedback? cbt.Text shown when the trainee clicked it

---Click the right places on a picture. Partial credit as for multiple; a click outside every
---region is a wrong pick.
---@class cbt.Hotspot: cbt.Screen
---@field image string PNG or JPEG file inside the course, e.g. "images/car.png"
---@field width number the picture's width in pixels
---@field height number the picture's height in pixels
---@field regions cbt.Region[] the areas that mean something
---@field correct? cbt.Id|cbt.Id[] the right region, or all regions that must be clicked; required unless `score` is given
---@field max_points? integer places the trainee may mark, 1 to 50; default: number of correct regions
---@field solution? cbt.HotspotAnswer
---@field wrong? cbt.HotspotAnswer

---Hotspot question.
---@param t cbt.Hotspot
---@return cbt.Hotspot
function hotspot(t) end

-- [SECTION] Canvas simulations

---The simulation's own state: a table that starts empty for init and is kept between hooks.
---@alias cbt.CanvasState table<string, any>

---A colour, "#rrggbb" or "#rrggbbaa".
---@alias cbt.Color string

---Fields every display-list shape accepts.
---@class cbt.DrawOpBase
---@field fill? cbt.Color fill colour
---@field color? cbt.Color outline, line or text colour
---@field line_width? number outline thickness; default 1
---@field region? cbt.Id clicking the shape sends this id to `click` (the topmost shape wins)

---@class cbt.RectOp: cbt.DrawOpBase
---@field op "rect"
---@field x number left
---@field y number top
---@field w number width
---@field h number height

---@class cbt.CircleOp: cbt.DrawOpBase
---@field op "circle"
---@field x number centre x
---@field y number centre y
---@field r number radius

---A line; it cannot be clicked.
---@class cbt.LineOp: cbt.DrawOpBase
---@field op "line"
---@field x1 number
---@field y1 number
---@field x2 number
---@field y2 number
---@field width? number line thickness (same as line_width)

---@class cbt.PolygonOp: cbt.DrawOpBase
---@field op "polygon"
---@field points number[] `{ x1, y1, x2, y2, x3, y3, ... }`, three or more corners

---@class cbt.TextOp: cbt.DrawOpBase
---@field op "text"
---@field x number left
---@field y number top
---@field text cbt.Text the text, in every course language
---@field size? number text size; default 20
---@field w? number width of the clickable box
---@field h? number height of the clickable box

---@class cbt.ImageOp: cbt.DrawOpBase
---@field op "image"
---@field x number left
---@field y number top
---@field w number width
---@field h number height
---@field file string PNG or JPEG file inside the course

---One shape of a canvas display list.
---@alias cbt.DrawOp cbt.RectOp|cbt.CircleOp|cbt.LineOp|cbt.PolygonOp|cbt.TextOp|cbt.ImageOp

---A simulation drawn from Lua. To score, the engine replays the clicks from a fresh state
---(init, then click/done per click) and calls score.
---@class cbt.Canvas: cbt.Screen
---@field width? number drawing area width; default 800
---@field height? number drawing area height; default 600
---@field init? fun(state: cbt.CanvasState, ctx: cbt.Context) fills in the starting state
---@field draw fun(state: cbt.CanvasState, ctx: cbt.Context): cbt.DrawOp[] the shapes to show now
---@field click? fun(state: cbt.CanvasState, region: cbt.Id, ctx: cbt.Context) reacts to a click on a region
---@field done? fun(state: cbt.CanvasState, ctx: cbt.Context): boolean true when the task is complete
---@field score fun(state: cbt.CanvasState, ctx: cbt.Context): number 0 to 1 for the state reached
---@field solution cbt.CanvasAnswer region ids to click, in order, for full marks
---@field wrong? cbt.CanvasAnswer clicks that must not earn full marks; default: none

---Canvas simulation.
---@param t cbt.Canvas
---@return cbt.Canvas
function canvas(t) end

-- [SECTION] Pools and dynamic screens

---Asks `draw` of its questions, chosen and ordered by the attempt's seed.
---@class cbt.Pool
---@field id cbt.Id the pool's id
---@field draw integer how many questions to ask, 1 to the number of items
---@field items (cbt.Screen|cbt.Dynamic)[] the questions
---@field shuffle? boolean shuffle the choices of drawn single/multiple questions; default true

---A pool of questions.
---@param t cbt.Pool
---@return cbt.Pool
function pool(t) end

---A screen built by Lua when the trainee reaches it.
---@class cbt.Dynamic
---@field id cbt.Id the screen's id; the built screen takes it
---@field build fun(ctx: cbt.Context): cbt.Screen returns a screen of any type

---A generated screen.
---@param t cbt.Dynamic
---@return cbt.Dynamic
function dynamic(t) end

-- [SECTION] Blocks

---One block of a screen's body (made by heading, para, bullets, numbered or image, or a plain text).
---@alias cbt.Block cbt.TextBlock|cbt.ListBlock|cbt.ImageBlock|cbt.Text

---@class cbt.TextBlock
---@field block "heading"|"para"
---@field text cbt.Text

---@class cbt.ListBlock
---@field block "bullets"|"numbered"
---@field items cbt.Text[]

---A picture in a screen's body.
---@class cbt.ImageBlock
---@field block? "image"
---@field file string PNG or JPEG file inside the course, e.g. "images/car.png"
---@field caption? cbt.Text shown under the picture
---@field alt? cbt.Text read instead of the picture when it cannot be shown

---A heading.
---@param text cbt.Text
---@return cbt.TextBlock
function heading(text) end

---A paragraph.
---@param text cbt.Text
---@return cbt.TextBlock
function para(text) end

---A bulleted list.
---@param items cbt.Text[]
---@return cbt.ListBlock
function bullets(items) end

---A numbered list.
---@param items cbt.Text[]
---@return cbt.ListBlock
function numbered(items) end

---A picture.
---@param t cbt.ImageBlock
---@return cbt.ImageBlock
function image(t) end

-- [SECTION] Basic functions (the sandbox's subset)

---The table of globals a lesson sees.
---@type table<string, any>
_G = {}

---"Lua 5.4"
---@type string
_VERSION = "Lua 5.4"

---Raises an error when `v` is false or nil; otherwise returns all its arguments.
---@generic T
---@param v? T
---@param message? any
---@return T
---@return any ...
function assert(v, message, ...) end

---Raises an error. With level 1 (the default) the message starts with the file and line.
---@param message any
---@param level? integer
function error(message, level) end

---The metatable of `object`, or its `__metatable` field. Strings give false.
---@param object any
---@return any
function getmetatable(object) end

---Iterates over t[1], t[2], ... up to the first nil.
---@generic V
---@param t V[]
---@return fun(t: V[], i: integer): integer, V
---@return V[]
---@return integer
function ipairs(t) end

---Compiles a text chunk (binary chunks are refused). Returns the function, or nil and a message.
---@param chunk string
---@param chunkname? string
---@param mode? "t"
---@param env? table
---@return function?
---@return string? message
function load(chunk, chunkname, mode, env) end

---The next key and value of a table after `index`.
---@generic K, V
---@param t table<K, V>
---@param index? K
---@return K?
---@return V?
function next(t, index) end

---Iterates over every key and value of a table.
---@generic K, V
---@param t table<K, V>
---@return fun(t: table<K, V>, k?: K): K, V
---@return table<K, V>
---@return nil
function pairs(t) end

---Calls `f` and catches its errors: true and its results, or false and the error. A lesson
---stopped by its limits cannot be caught.
---@param f function
---@param ... any
---@return boolean success
---@return any ...
function pcall(f, ...) end

---Accepted for debugging; the output is not shown anywhere in API version 1.
---@param ... any
function print(...) end

---@param a any
---@param b any
---@return boolean
function rawequal(a, b) end

---@param t table
---@param index any
---@return any
function rawget(t, index) end

---@param v table|string
---@return integer
function rawlen(v) end

---@param t table
---@param index any
---@param value any
---@return table
function rawset(t, index, value) end

---With a number n, the arguments after the n-th; with "#", how many arguments follow.
---@param index integer|"#"
---@param ... any
---@return any
function select(index, ...) end

---Sets a table's metatable. `__gc` is not allowed in lessons.
---@generic T: table
---@param t T
---@param metatable? table
---@return T
function setmetatable(t, metatable) end

---Converts to a number, or nil.
---@param e any
---@param base? integer
---@return number?
function tonumber(e, base) end

---@param v any
---@return string
function tostring(v) end

---@param v any
---@return "nil"|"number"|"string"|"boolean"|"table"|"function"|"thread"|"userdata"
function type(v) end

---Like pcall, calling `msgh` with the error first. A lesson stopped by its limits cannot be caught.
---@param f function
---@param msgh function
---@param ... any
---@return boolean success
---@return any ...
function xpcall(f, msgh, ...) end

-- [SECTION] string (the sandbox's subset; also usable as methods, s:upper())

---@class cbt.stringlib
string = {}

---@param s string
---@param i? integer
---@param j? integer
---@return integer ...
function string.byte(s, i, j) end

---@param ... integer
---@return string
function string.char(...) end

---Finds a pattern (or plain text with plain = true): start and end positions, then captures.
---@param s string
---@param pattern string
---@param init? integer
---@param plain? boolean
---@return integer? start
---@return integer? end
---@return any ... captures
function string.find(s, pattern, init, plain) end

---@param fmt string
---@param ... any
---@return string
function string.format(fmt, ...) end

---@param s string
---@param pattern string
---@param init? integer
---@return fun(): string, ...
function string.gmatch(s, pattern, init) end

---@param s string
---@param pattern string
---@param repl string|table|function
---@param n? integer
---@return string
---@return integer count
function string.gsub(s, pattern, repl, n) end

---Length in bytes (a Cyrillic letter is 2 bytes; use utf8.len for letters).
---@param s string
---@return integer
function string.len(s) end

---Lower case, Latin letters only.
---@param s string
---@return string
function string.lower(s) end

---@param s string
---@param pattern string
---@param init? integer
---@return any ...
function string.match(s, pattern, init) end

---@param s string
---@param n integer
---@param sep? string
---@return string
function string.rep(s, n, sep) end

---@param s string
---@return string
function string.reverse(s) end

---@param s string
---@param i integer
---@param j? integer
---@return string
function string.sub(s, i, j) end

---Upper case, Latin letters only.
---@param s string
---@return string
function string.upper(s) end

-- [SECTION] table (the sandbox's subset)

---@class cbt.tablelib
table = {}

---@param list table
---@param sep? string
---@param i? integer
---@param j? integer
---@return string
function table.concat(list, sep, i, j) end

---table.insert(list, value) appends; table.insert(list, pos, value) inserts at pos.
---@param list table
---@param pos integer|any
---@param value? any
function table.insert(list, pos, value) end

---Copies a1[f..e] into a2 (default a1) from position t; at most about a million elements.
---@param a1 table
---@param f integer
---@param e integer
---@param t integer
---@param a2? table
---@return table
function table.move(a1, f, e, t, a2) end

---@param ... any
---@return table t with field n
function table.pack(...) end

---@param list table
---@param pos? integer
---@return any
function table.remove(list, pos) end

---Sorts in place (at most about a million elements).
---@generic T
---@param list T[]
---@param comp? fun(a: T, b: T): boolean
function table.sort(list, comp) end

---@param list table
---@param i? integer
---@param j? integer
---@return any ...
function table.unpack(list, i, j) end

-- [SECTION] math (the sandbox's subset; random is seeded by the attempt, randomseed is absent)

---@class cbt.mathlib
math = {}

---@type number
math.huge = 1 / 0
---@type integer
math.maxinteger = 9223372036854775807
---@type integer
math.mininteger = -9223372036854775807 - 1
---@type number
math.pi = 3.141592653589793

---@param x number
---@return number
function math.abs(x) end

---@param x number
---@return number
function math.acos(x) end

---@param x number
---@return number
function math.asin(x) end

---@param y number
---@param x? number
---@return number
function math.atan(y, x) end

---@param x number
---@return integer
function math.ceil(x) end

---@param x number
---@return number
function math.cos(x) end

---@param x number
---@return number
function math.deg(x) end

---@param x number
---@return number
function math.exp(x) end

---@param x number
---@return integer
function math.floor(x) end

---@param x number
---@param y number
---@return number
function math.fmod(x, y) end

---@param x number
---@param base? number
---@return number
function math.log(x, base) end

---@param x number
---@param ... number
---@return number
function math.max(x, ...) end

---@param x number
---@param ... number
---@return number
function math.min(x, ...) end

---@param x number
---@return integer
---@return number
function math.modf(x) end

---@param x number
---@return number
function math.rad(x) end

---Seeded by the attempt, so a replay draws the same numbers. random() gives a fraction in
---[0, 1), random(n) a whole number from 1 to n, random(m, n) one from m to n. Only inside hooks.
---@overload fun(): number
---@overload fun(n: integer): integer
---@param m integer
---@param n integer
---@return integer
function math.random(m, n) end

---@param x number
---@return number
function math.sin(x) end

---@param x number
---@return number
function math.sqrt(x) end

---@param x number
---@return number
function math.tan(x) end

---@param x any
---@return integer?
function math.tointeger(x) end

---@param x any
---@return "integer"|"float"|nil
function math.type(x) end

---@param m integer
---@param n integer
---@return boolean
function math.ult(m, n) end

-- [SECTION] utf8

---@class cbt.utf8lib
utf8 = {}

---The pattern of one UTF-8 character.
---@type string
utf8.charpattern = "[\0-\x7F\xC2-\xFD][\x80-\xBF]*"

---@param ... integer code points
---@return string
function utf8.char(...) end

---@param s string
---@param i? integer
---@param j? integer
---@param lax? boolean
---@return integer ...
function utf8.codepoint(s, i, j, lax) end

---Iterates over the characters: byte position and code point.
---@param s string
---@param lax? boolean
---@return fun(s: string, i: integer): integer, integer
function utf8.codes(s, lax) end

---Number of characters (letters) in a UTF-8 string, or nil and the position of a bad byte.
---@param s string
---@param i? integer
---@param j? integer
---@param lax? boolean
---@return integer?
---@return integer? bad_position
function utf8.len(s, i, j, lax) end

---@param s string
---@param n integer
---@param i? integer
---@return integer?
function utf8.offset(s, n, i) end

-- [SECTION] coroutine

---@class cbt.coroutinelib
coroutine = {}

---@param co thread
---@return boolean
---@return any error
function coroutine.close(co) end

---@param f function
---@return thread
function coroutine.create(f) end

---@return boolean
function coroutine.isyieldable() end

---@param co thread
---@param ... any
---@return boolean success
---@return any ...
function coroutine.resume(co, ...) end

---@return thread
---@return boolean is_main
function coroutine.running() end

---@param co thread
---@return "running"|"suspended"|"normal"|"dead"
function coroutine.status(co) end

---@param f function
---@return fun(...): ...
function coroutine.wrap(f) end

---@param ... any
---@return any ...
function coroutine.yield(...) end
