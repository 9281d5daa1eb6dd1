// Differential tests of the budgeted string.find/match/gmatch/gsub against Lua 5.4's own
// functions (hand-picked cases plus randomized patterns), and checks that the step budget stops
// catastrophic backtracking while ordinary work on large subjects still completes.
#include "course/lua/budgeted_patterns.hpp"

#include <doctest/doctest.h>

#include <lua.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace {

using cbt::course::lua::install_budgeted_patterns;

// ChargeSteps is a plain function pointer, so the counting charge keeps its state here.
struct ChargeLog {
    std::uint64_t total = 0;
    std::uint64_t calls = 0;
    std::uint64_t largest = 0;
    std::uint64_t limit = std::numeric_limits<std::uint64_t>::max();
};
ChargeLog charge_log;

void counting_charge(lua_State* L, std::uint64_t steps) {
    charge_log.total += steps;
    ++charge_log.calls;
    charge_log.largest = std::max(charge_log.largest, steps);
    if (charge_log.total > charge_log.limit) {
        luaL_error(L, "step budget exhausted after %I steps",
                   static_cast<lua_Integer>(charge_log.total));
    }
}

// Runs each call through the original string library and the budgeted table, then renders
// both outcomes as text. Argument errors name the function differently ('string.find' versus
// '?'), so that name is blanked; every other message must match exactly.
constexpr const char* driver_source = R"lua(
local original, budgeted = string, budgeted
local format, gsub = string.format, string.gsub
local pack, unpack, concat = table.pack, table.unpack, table.concat

local function show(value)
  if type(value) == "string" then return format("%q", value) end
  if math.type(value) then return math.type(value) .. " " .. tostring(value) end
  return type(value) .. " " .. tostring(value)
end

local function outcome(results)
  if not results[1] then
    return "error: " .. gsub(tostring(results[2]), "^(bad argument #%d+) to '[^']*'", "%1 to '?'")
  end
  local shown = {}
  for i = 2, results.n do shown[#shown + 1] = show(results[i]) end
  return "(" .. concat(shown, ", ") .. ")"
end

local function run(lib, name, args)
  if name ~= "gmatch" then
    return outcome(pack(pcall(lib[name], unpack(args, 1, args.n))))
  end
  local started = pack(pcall(lib.gmatch, unpack(args, 1, args.n)))
  if not started[1] then return outcome(started) end
  local iterator, steps = started[2], {}
  for _ = 1, 1000 do
    local results = pack(pcall(iterator))
    if results[1] and results.n == 1 then break end
    steps[#steps + 1] = outcome(results)
    if not results[1] then break end
  end
  -- an exhausted iterator must stay exhausted
  steps[#steps + 1] = outcome(pack(pcall(iterator)))
  return "gmatch " .. concat(steps, " ")
end

join_captures = function(...)
  local parts = pack(...)
  for i = 1, parts.n do parts[i] = tostring(parts[i]) end
  return "<" .. concat(parts, "|") .. ">"
end
lookup = { a = "A", b = false, ["("] = 7, [1] = "one", [3] = "three" }

local driver = {}
function driver.compare_source(name, source)
  local make = assert(load("return " .. source, "=case", "t"))
  return run(original, name, pack(make())), run(budgeted, name, pack(make()))
end
function driver.compare_values(name, ...)
  local args = pack(...)
  return run(original, name, args), run(budgeted, name, args)
end
return driver
)lua";

struct Outcomes {
    std::string original;
    std::string budgeted;
};

class LuaFixture {
public:
    LuaFixture() : L(luaL_newstate()) {
        luaL_openlibs(L);
        charge_log = ChargeLog{};
        lua_newtable(L);
        install_budgeted_patterns(L, -1, counting_charge);
        lua_setglobal(L, "budgeted");
        REQUIRE(luaL_loadstring(L, driver_source) == LUA_OK);
        REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
        lua_setglobal(L, "pattern_driver");
    }
    ~LuaFixture() { lua_close(L); }
    LuaFixture(const LuaFixture&) = delete;
    LuaFixture& operator=(const LuaFixture&) = delete;

    Outcomes compare_source(const std::string& function, const std::string& args) {
        push_driver_method("compare_source");
        lua_pushstring(L, function.c_str());
        lua_pushstring(L, args.c_str());
        return finish_compare(2);
    }

    // Arguments are strings, or integers when given as ints.
    struct Arg {
        enum class Kind { string, integer, global } kind;
        std::string text;
        lua_Integer number = 0;
    };
    Outcomes compare_values(const std::string& function, const std::vector<Arg>& args) {
        push_driver_method("compare_values");
        lua_pushstring(L, function.c_str());
        for (const Arg& arg : args) {
            switch (arg.kind) {
            case Arg::Kind::string: lua_pushlstring(L, arg.text.data(), arg.text.size()); break;
            case Arg::Kind::integer: lua_pushinteger(L, arg.number); break;
            case Arg::Kind::global: lua_getglobal(L, arg.text.c_str()); break;
            }
        }
        return finish_compare(1 + static_cast<int>(args.size()));
    }

    // Runs a chunk; returns "" on success or the error message.
    std::string run(const std::string& code) {
        if (luaL_loadstring(L, code.c_str()) != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
            std::string message = lua_tostring(L, -1);
            lua_pop(L, 1);
            return message;
        }
        return "";
    }

    std::string global_string(const char* name) {
        lua_getglobal(L, name);
        std::size_t length = 0;
        const char* text = lua_tolstring(L, -1, &length);
        std::string value = text ? std::string(text, length) : std::string("<not a string>");
        lua_pop(L, 1);
        return value;
    }

    bool global_bool(const char* name) {
        lua_getglobal(L, name);
        const bool value = lua_toboolean(L, -1) != 0;
        lua_pop(L, 1);
        return value;
    }

    lua_State* const L;

private:
    void push_driver_method(const char* method) {
        lua_getglobal(L, "pattern_driver");
        lua_getfield(L, -1, method);
        lua_remove(L, -2);
    }

    Outcomes finish_compare(int arg_count) {
        if (lua_pcall(L, arg_count, 2, 0) != LUA_OK) {
            std::string message = lua_tostring(L, -1);
            lua_pop(L, 1);
            FAIL("driver failed: " << message);
        }
        Outcomes result{lua_tostring(L, -2), lua_tostring(L, -1)};
        lua_pop(L, 2);
        return result;
    }
};

// `expect_error` is null when the call must succeed, otherwise a phrase its error must contain.
struct PatternCase {
    const char* function;
    const char* args;
    const char* expect_error;
};

// Lua source for a string of all 256 byte values, for exhaustive class checks.
constexpr const char* all_bytes =
    "(function() local t = {} for i = 0, 255 do t[#t + 1] = string.char(i) end "
    "return table.concat(t) end)()";

const PatternCase pattern_cases[] = {
    // find: plain text, init handling, the plain flag
    {"find", R"('hello world', 'o w')", nullptr},
    {"find", R"('hello world', 'o', 6)", nullptr},
    {"find", R"('hello world', 'o', -3)", nullptr},
    {"find", R"('hello world', 'o', -100)", nullptr},
    {"find", R"('hello world', 'l', 0)", nullptr},
    {"find", R"('hello', '', 6)", nullptr},
    {"find", R"('hello', '', 7)", nullptr},
    {"find", R"('hello', 'l', 100)", nullptr},
    {"find", R"('hello', 'l+', 100)", nullptr},
    {"find", R"('hello', 'o', math.maxinteger)", nullptr},
    {"find", R"('hello', 'h', math.mininteger)", nullptr},
    {"find", R"('a.b', '.', 1, true)", nullptr},
    {"find", R"('a+b', '+', 1, true)", nullptr},
    {"find", R"('a(b', '(', 1, true)", nullptr},
    {"find", R"('a%b', '%', 1, true)", nullptr},
    {"find", R"('a[b', '[', 2, 1)", nullptr},
    {"find", R"('a.b', '.', 1, false)", nullptr},
    {"find", R"('a)b', ')')", nullptr},
    {"find", R"('a]b', ']')", nullptr},
    {"find", R"('ab', 'abc')", nullptr},
    {"find", R"(('ab'):rep(10) .. 'abc', 'ababc')", nullptr},
    {"find", R"('', '')", nullptr},
    {"find", R"('', '^$')", nullptr},
    {"find", R"('', 'a*')", nullptr},
    {"find", R"('x', '', 2)", nullptr},
    {"find", R"('abc', '$', 4)", nullptr},
    {"find", R"('abc', 'c$', 3)", nullptr},
    {"find", R"('hello', 'l+')", nullptr},
    {"find", R"('hello', '(l)(l)')", nullptr},
    {"find", R"('hello', '()ll()')", nullptr},
    {"find", R"('hello', '(l)()')", nullptr},
    {"find", R"('hello', '^h')", nullptr},
    {"find", R"('hello', '^e')", nullptr},
    {"find", R"('hello', '^e', 2)", nullptr},
    {"find", R"('hello', '^', 3)", nullptr},
    {"find", R"('hello', 'o$')", nullptr},
    {"find", R"('hello', 'l$')", nullptr},
    {"find", R"('a$b', '$b')", nullptr},
    {"find", R"('a$b', 'a$b')", nullptr},
    {"find", R"('a^b', 'a^b')", nullptr},
    {"find", R"('a^b', '^^')", nullptr},
    {"find", R"('^b', '^^')", nullptr},
    {"find", R"('12', 1)", nullptr},
    {"find", R"(123456, '3(4)5')", nullptr},
    {"find", R"(1.5, '%.')", nullptr},
    {"find", R"('a\0b\0c', '\0b')", nullptr},
    {"find", R"('a\0b\0c', 'b\0', 1, true)", nullptr},
    {"find", R"('a\0b\0c', '%z')", nullptr},
    {"find", R"('a\0b', '[\0]')", nullptr},
    {"find", R"('a\0b', '[%z]')", nullptr},
    {"find", R"('a\0b', '.%z.')", nullptr},
    {"find", R"('abc', '%Z+')", nullptr},
    {"find", R"('abc', 'b', 1, true, 'extra')", nullptr},
    {"find", R"(nil, 'a')", "bad argument #1"},
    {"find", R"('a')", "bad argument #2"},
    {"find", R"('a', 'a', 'x')", "bad argument #3"},
    {"find", R"('a', 'a', 1.5)", "number has no integer representation"},
    {"find", R"('a', {})", "bad argument #2"},

    // match: quantifiers, anchors, captures
    {"match", R"('hello world', '%w+')", nullptr},
    {"match", R"('hello world', '(%w+) (%w+)')", nullptr},
    {"match", R"('key = value', '(%w+)%s*=%s*(%w+)')", nullptr},
    {"match", R"('  trim me  ', '^%s*(.-)%s*$')", nullptr},
    {"match", R"('hello', '.-')", nullptr},
    {"match", R"('hello', '.-l')", nullptr},
    {"match", R"('hello', 'l-o')", nullptr},
    {"match", R"('aaab', 'a-b')", nullptr},
    {"match", R"('aaa', 'a-$')", nullptr},
    {"match", R"('aaa', '^a-')", nullptr},
    {"match", R"('hello', 'x?h')", nullptr},
    {"match", R"('hello', 'he?l')", nullptr},
    {"match", R"('hello', 'hx?e')", nullptr},
    {"match", R"('hello', 'hel?l?l?o')", nullptr},
    {"match", R"('hello', 'l*')", nullptr},
    {"match", R"('hello', 'l+')", nullptr},
    {"match", R"('hello', 'x+')", nullptr},
    {"match", R"('hello', 'h.*o')", nullptr},
    {"match", R"('hello', 'h.*l')", nullptr},
    {"match", R"('hello', 'h.-l')", nullptr},
    {"match", R"('aaa', 'a*a*a*a')", nullptr},
    {"match", R"('<a><b>', '<(.-)>')", nullptr},
    {"match", R"('<a><b>', '<(.*)>')", nullptr},
    {"match", R"('hello', '(h)(e)(l)(l)(o)')", nullptr},
    {"match", R"('hello', '((h)(e))((l)(l))')", nullptr},
    {"match", R"('hello', '()')", nullptr},
    {"match", R"('hello', '()', 3)", nullptr},
    {"match", R"('hello', '()', 6)", nullptr},
    {"match", R"('hello', '()', 10)", nullptr},
    {"match", R"('hello', '.', -1)", nullptr},
    {"match", R"('hello', 'l', -2)", nullptr},
    {"match", R"('hello', '^(h)(.)', 1)", nullptr},
    {"match", R"('hello', '^(e)', 2)", nullptr},
    {"match", R"('x = 10, y = 20', 'y = (%d+)')", nullptr},
    {"match", R"('2024-05-17', '(%d+)-(%d+)-(%d+)')", nullptr},
    {"match", R"('-12.5e3', '^[+-]?%d+%.?%d*[eE]?[+-]?%d*$')", nullptr},
    {"match", R"('a)', ')')", "invalid pattern capture"},

    // escapes of non-alphanumerics
    {"match", R"('a.b', '%.')", nullptr},
    {"match", R"('50%', '%d+%%')", nullptr},
    {"match", R"('[x]', '%[(.)%]')", nullptr},
    {"match", R"('f(x)', '%((.)%)')", nullptr},
    {"match", R"('a^b', '%^')", nullptr},
    {"match", R"('a$b', '%$b')", nullptr},
    {"match", R"('a*+?-b', '%*%+%?%-')", nullptr},
    {"match", R"('a b', '% ')", nullptr},
    {"match", R"('a\\b', '%\\')", nullptr},
    {"match", R"('a/b', '%/')", nullptr},

    // sets
    {"match", R"('cabbage', '[abc]+')", nullptr},
    {"match", R"('cabbage', '[a-c]+')", nullptr},
    {"match", R"('cabbage', '[^a-c]+')", nullptr},
    {"match", R"('a]b', '[]]')", nullptr},
    {"match", R"('a]b', '[^]]+')", nullptr},
    {"match", R"('^_`a', '[]-a]+')", nullptr},
    {"match", R"('x-a', '[a-]+')", nullptr},
    {"match", R"('x-a', '[-a]+')", nullptr},
    {"match", R"('m-z', '[a%-z]+')", nullptr},
    {"match", R"('Q-z!', '[%a-z]+')", nullptr},
    {"match", R"('b%]', '[a-%%]+')", nullptr},
    {"match", R"('x]', '[%]]')", nullptr},
    {"match", R"('bd-', '[a-c-e]+')", nullptr},
    {"match", R"('abc', '[z-a]')", nullptr},
    {"match", R"('foo_bar1 x', '[%w_]+')", nullptr},
    {"match", R"('v3.14x', '[%d%.]+')", nullptr},
    {"match", R"('a.b', '[.]')", nullptr},
    {"match", R"('a.b', '[%.]')", nullptr},
    {"match", R"('hello world', '[^%s]+')", nullptr},
    {"match", R"('abab', '[ab]*')", nullptr},
    {"match", R"('ababc', '[ab]-c')", nullptr},
    {"match", R"('c', '[ab]?c')", nullptr},
    {"match", R"('^x', '[x^]+')", nullptr},
    {"match", R"('x^', '[^^]+')", nullptr},
    {"match", R"('AbC', '[%u]+')", nullptr},
    {"match", R"('AbC', '[^%l]')", nullptr},
    {"match", R"('ABC', '[A-Z][A-Z]')", nullptr},
    {"match", R"('\200\201', '[\128-\255]+')", nullptr},
    {"match", R"('a\200b', '%\200')", nullptr},
    {"match", R"('a\200b', '[%\200]')", nullptr},
    {"match", R"('a\0b', '[^%w]')", nullptr},

    // %b balance
    {"match", R"('f(a(b)c)d', '%b()')", nullptr},
    {"match", R"('x = {a{b}c} y', '%b{}')", nullptr},
    {"match", R"("'quoted' text", "%b''")", nullptr},
    {"match", R"('f(a(b', '%b()')", nullptr},
    {"match", R"('(((', '%b()')", nullptr},
    {"match", R"('a(b)c', 'a%b()c')", nullptr},
    {"match", R"('(x)+', '%b()+')", nullptr},
    {"match", R"('(x)(y)', '(%b())(%b())')", nullptr},
    {"match", R"('[[x]]', '%b[]')", nullptr},
    {"match", R"('abc', '%bab')", nullptr},
    {"match", R"('', '%b()')", nullptr},
    {"match", R"('a', '%b')", "missing arguments to '%b'"},
    {"match", R"('a', '%ba')", "missing arguments to '%b'"},

    // %f frontier
    {"match", R"('THE (quick) fox', '%f[%a]%a+')", nullptr},
    {"match", R"('THE (quick) fox', '%f[%l]%a+')", nullptr},
    {"match", R"('hello world', '%f[%w]%w+$')", nullptr},
    {"find", R"('abc', '%f[%z]')", nullptr},
    {"find", R"('abc', '%f[^%z]')", nullptr},
    {"find", R"('abc', '%f[%a]')", nullptr},
    {"find", R"('abc', '%f[%A]')", nullptr},
    {"find", R"('abc', '%f[%A]', 2)", nullptr},
    {"find", R"('', '%f[%z]')", nullptr},
    {"match", R"('a', '%f')", "missing '[' after '%f'"},
    {"match", R"('a', '%fa')", "missing '[' after '%f'"},
    {"match", R"('a', '%f[a')", "missing ']'"},

    // back-references
    {"match", R"('hello', '(l)%1')", nullptr},
    {"match", R"('abcabc', '(abc)%1')", nullptr},
    {"match", R"('abcab', '(abc)%1')", nullptr},
    {"match", R"~([[he said 'hi' and "bye"]], [[(['"])(.-)%1]])~", nullptr},
    {"match", R"('x = [==[long]==]', '%[(=*)%[(.-)%]%1%]')", nullptr},
    {"match", R"('aa', '()a%1')", nullptr},
    {"match", R"('aa', '(a)%0')", "invalid capture index %0"},
    {"match", R"('aa', '(a%1)')", "invalid capture index %1"},
    {"match", R"('a', '%1')", "invalid capture index %1"},
    {"match", R"('aa', '(a)%2')", "invalid capture index %2"},
    {"match", R"('b', '(a)%2')", nullptr},

    // capture limits and unfinished captures
    {"match", R"(('a'):rep(32), ('(a)'):rep(32))", nullptr},
    {"match", R"(('a'):rep(33), ('(a)'):rep(33))", "too many captures"},
    {"match", R"('a', ('()'):rep(33))", "too many captures"},
    {"match", R"('abc', '(')", "unfinished capture"},
    {"find", R"('abc', '(a')", "unfinished capture"},
    {"match", R"('b', '(a')", nullptr},
    {"match", R"('a', 'a)')", "invalid pattern capture"},
    {"match", R"('b', 'a)')", nullptr},
    {"match", R"('a', '(a))')", "invalid pattern capture"},

    // recursion depth (Lua allows 200 nested matcher calls)
    {"match", R"(('a'):rep(199), ('a?'):rep(199))", nullptr},
    {"match", R"(('a'):rep(200), ('a?'):rep(200))", "pattern too complex"},
    {"match", R"(('a'):rep(300), ('a?'):rep(300))", "pattern too complex"},
    {"match", R"(('a'):rep(5000), ('a?'):rep(100000))", "pattern too complex"},
    {"match", R"(('a'):rep(300), ('a-'):rep(300) .. '$')", "pattern too complex"},
    {"match", R"('aaa', ('a*'):rep(300))", nullptr},
    {"match", R"(('x'):rep(20), ('x?'):rep(300))", nullptr},

    // malformed patterns: errors only when the matcher reaches them, as in Lua
    {"match", R"('a', 'a%')", "malformed pattern (ends with '%')"},
    {"match", R"('b', 'a%')", nullptr},
    {"find", R"('a', '%')", "malformed pattern (ends with '%')"},
    {"match", R"('a', '[a')", "missing ']'"},
    {"match", R"('', '[a')", "missing ']'"},
    {"match", R"('', 'x[a')", nullptr},
    {"match", R"('a', '[')", "missing ']'"},
    {"match", R"('a', '[]')", "missing ']'"},
    {"match", R"('a', '[^]')", "missing ']'"},
    {"match", R"('a', '[^')", "missing ']'"},
    {"match", R"('a', '[%')", "missing ']'"},
    {"match", R"('a', '[a%]')", "missing ']'"},
    {"gmatch", R"('a', '[a')", "missing ']'"},
    {"gsub", R"('a', 'a%', 'x')", "malformed pattern (ends with '%')"},

    // gsub: string replacements
    {"gsub", R"('hello world', 'o', '0')", nullptr},
    {"gsub", R"('hello world', 'o', '0', 1)", nullptr},
    {"gsub", R"('hello world', 'o', '0', 0)", nullptr},
    {"gsub", R"('hello world', 'o', '0', -1)", nullptr},
    {"gsub", R"('hello world', 'o', '0', math.maxinteger)", nullptr},
    {"gsub", R"('hello world', '(o)', '[%1]')", nullptr},
    {"gsub", R"('hello world', '%w+', '%0 %0')", nullptr},
    {"gsub", R"('hello world', '(%w+) (%w+)', '%2 %1')", nullptr},
    {"gsub", R"('hello', 'l', '%%')", nullptr},
    {"gsub", R"('hello', 'l', '100%%!')", nullptr},
    {"gsub", R"('hello', 'l', '%')", "invalid use of '%' in replacement string"},
    {"gsub", R"('hello', 'l', 'x%a')", "invalid use of '%' in replacement string"},
    {"gsub", R"('hello', 'l', '%\0')", "invalid use of '%' in replacement string"},
    {"gsub", R"('hello', 'x', '%')", nullptr},
    {"gsub", R"('hello', 'l', '%1')", nullptr},
    {"gsub", R"('hello', 'l', '%2')", "invalid capture index %2"},
    {"gsub", R"('hello', '(l)', '%2')", "invalid capture index %2"},
    {"gsub", R"('hello', '()l', '%1')", nullptr},
    {"gsub", R"('hello', '(h)()', '%2%1%0')", nullptr},
    {"gsub", R"('hello', 'l', 'a\0b')", nullptr},
    {"gsub", R"('abc', '', '-')", nullptr},
    {"gsub", R"('abc', '%w*', '-')", nullptr},
    {"gsub", R"('abc', '.-', '-')", nullptr},
    {"gsub", R"('abc', 'b*', '-')", nullptr},
    {"gsub", R"('abc', 'x*', '-')", nullptr},
    {"gsub", R"('a,b,,c', ',*', ';')", nullptr},
    {"gsub", R"('abc', '^%w', 'X')", nullptr},
    {"gsub", R"('abc', '^a', 'X', 0)", nullptr},
    {"gsub", R"('abc', '^', 'X')", nullptr},
    {"gsub", R"('abc', '^x', 'X')", nullptr},
    {"gsub", R"('abc', '$', 'X')", nullptr},
    {"gsub", R"('abc', '^$', 'X')", nullptr},
    {"gsub", R"('', '^$', 'X')", nullptr},
    {"gsub", R"('', '', 'X')", nullptr},
    {"gsub", R"('  a  b  ', '^%s+', '')", nullptr},
    {"gsub", R"('hello', 'l+', 5)", nullptr},
    {"gsub", R"('hello', 'l', 1.5)", nullptr},
    {"gsub", R"(123, 2, 9)", nullptr},
    {"gsub", R"('abc', '(', 'x')", nullptr},
    {"gsub", R"('abc', '(', '%1')", "unfinished capture"},
    {"gsub", R"('abc', '(', '%0')", nullptr},
    {"gsub", R"('hello', 'l')", "bad argument #3"},
    {"gsub", R"('hello', 'l', true)", "bad argument #3"},
    {"gsub", R"('hello', 'l', nil, 'y')", "bad argument #4"},
    {"gsub", R"('hello', 'l', 'x', 'y')", "bad argument #4"},
    {"gsub", R"('hello', 'l', 'x', 1.5)", "number has no integer representation"},

    // gsub: table and function replacements
    {"gsub", R"('hello world', '%w+', {hello = 'HI', world = false})", nullptr},
    {"gsub", R"('hello world', '%w+', {hello = 1.5, world = 2})", nullptr},
    {"gsub", R"('hello world', '%w+', {})", nullptr},
    {"gsub", R"('hello world', '%w+', {hello = {}})", "invalid replacement value (a table)"},
    {"gsub", R"('hello world', '%w+', {hello = true})", "invalid replacement value (a boolean)"},
    {"gsub", R"('$name and $other', '%$(%w+)', {name = 'N'})", nullptr},
    {"gsub", R"('x1 y2', '%a()', {[2] = 'two', [5] = 'five'})", nullptr},
    {"gsub", R"('hello', '%w', setmetatable({}, {__index = function(_, k) return k:upper() end}))",
     nullptr},
    {"gsub", R"('abc', '(', {})", "unfinished capture"},
    {"gsub", R"('hello world', '%w+', function(w) return w:upper() end)", nullptr},
    {"gsub", R"('hello world', '%w+', function(w) return nil end)", nullptr},
    {"gsub", R"('hello world', '%w+', function(w) return false end)", nullptr},
    {"gsub", R"('hello world', '%w+', function(w) end)", nullptr},
    {"gsub", R"('hello world', '%w+', function(w) return 42 end)", nullptr},
    {"gsub", R"('hello world', '%w+', function(w) return 0.25 end)", nullptr},
    {"gsub", R"('hello world', '%w+', function(w) return true end)",
     "invalid replacement value (a boolean)"},
    {"gsub", R"('hello world', '%w+', function(w) return print end)",
     "invalid replacement value (a function)"},
    {"gsub", R"('hello world', '%w+', function(w) error('boom') end)", "boom"},
    {"gsub", R"('hello world', '(%w)(%w*)', function(a, b) return b .. a end)", nullptr},
    {"gsub", R"('hello world', '()%w+()', function(a, b) return a .. '-' .. b end)", nullptr},
    {"gsub", R"('abc', '%w', function(c) return c:byte() end, 2)", nullptr},
    {"gsub", R"('abc', '', function(c) return '[' .. c .. ']' end)", nullptr},
    {"gsub", R"('abc', '(', function(c) return c end)", "unfinished capture"},
    {"gsub", R"('a b c', '%w', function(...) return select('#', ...) end)", nullptr},

    // gmatch, including the 5.4 init argument and empty-match rule
    {"gmatch", R"('hello world from lua', '%a+')", nullptr},
    {"gmatch", R"('key=val, k2=v2', '(%w+)=(%w+)')", nullptr},
    {"gmatch", R"('abc', '%a*')", nullptr},
    {"gmatch", R"('abc', '')", nullptr},
    {"gmatch", R"('', '')", nullptr},
    {"gmatch", R"('abc', '.-')", nullptr},
    {"gmatch", R"('abc', 'b*')", nullptr},
    {"gmatch", R"('a,b,,c', '([^,]*)')", nullptr},
    {"gmatch", R"('hello', '()')", nullptr},
    {"gmatch", R"('hello', '()l()')", nullptr},
    {"gmatch", R"('hello world', '%a+', 3)", nullptr},
    {"gmatch", R"('hello world', '%a+', -5)", nullptr},
    {"gmatch", R"('hello world', '%a+', 0)", nullptr},
    {"gmatch", R"('hello', '', 6)", nullptr},
    {"gmatch", R"('hello', '', 7)", nullptr},
    {"gmatch", R"('hello', '', 100)", nullptr},
    {"gmatch", R"('hello', '', -100)", nullptr},
    {"gmatch", R"('hello', '.', math.mininteger)", nullptr},
    {"gmatch", R"('a^b^c', '^%a')", nullptr},
    {"gmatch", R"('hello', 'o$')", nullptr},
    {"gmatch", R"('hello', 'l$')", nullptr},
    {"gmatch", R"('hello', '(l')", "unfinished capture"},
    {"gmatch", R"('THE (quick) fox', '%f[%a]%a+')", nullptr},
    {"gmatch", R"('f(a) g(b(c))', '%b()')", nullptr},
    {"gmatch", R"('aXbXXc', '(.)X')", nullptr},
    {"gmatch", R"('one two', '%a+', 1.5)", "number has no integer representation"},
    {"gmatch", R"(nil, '.')", "bad argument #1"},

    // UTF-8 (Cyrillic) subjects: classes are byte-wise in the C locale
    {"gmatch", R"('привет, мир', '[\208-\209][\128-\191]')", nullptr},
    {"gmatch", R"('Привет, world', utf8.charpattern)", nullptr},
    {"gmatch", R"('Привет, world', '%a+')", nullptr},
    {"gmatch", R"('Привет, world', '[\128-\255]+')", nullptr},
    {"gsub", R"('привет мир', 'и', 'i')", nullptr},
    {"gsub", R"('привет мир', '[\128-\255]+', function(w) return '<' .. #w .. '>' end)",
     nullptr},
    {"gsub", R"('ПРИВЕТ мир', '%u', '_')", nullptr},
    {"gsub", R"('привет мир', '(%S+)%s+(%S+)', '%2 %1')", nullptr},
    {"find", R"('привет мир', 'мир')", nullptr},
    {"find", R"('привет мир', 'м.р')", nullptr},
    {"find", R"('привет мир', 'м..р')", nullptr},
    {"find", R"('привет мир', 'мир', -6)", nullptr},
    {"match", R"('привет мир', '(%S+)%s+(%S+)')", nullptr},
    {"match", R"('«цитата»', '«(.-)»')", nullptr},
    {"match", R"('ёжик', '^[\208\209][\128-\191]()')", nullptr},
    {"match", R"('слово-слово', '(.+)%-%1')", nullptr},
    {"find", R"('мир мир', '%f[\208]\208')", nullptr},
};

std::string describe(const std::string& function, const std::string& args) {
    return function + "(" + args + ")";
}

bool is_error(const std::string& outcome) {
    return outcome.rfind("error: ", 0) == 0 || outcome.find(" error: ") != std::string::npos;
}

// Small deterministic generator, so the randomized cases are the same on every platform.
class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
    template <std::size_t N>
    const char* pick(const char* const (&options)[N]) {
        return options[below(N)];
    }

private:
    std::uint64_t state_;
};

// Mostly well-formed pieces, plus bare metacharacters so malformed patterns turn up too.
constexpr const char* pattern_pieces[] = {
    "a",     "b",    "c",     " ",     ".",     "%a",   "%d",   "%s",    "%w",     "%A",
    "%S",    "%%",   "%.",    "%(",    "[ab]",  "[^a]", "[a-c]", "[%a%d]", "[]a]", "[^%s]",
    "(",     ")",    "()",    "(a)",   "(.-)",  "%1",   "%2",   "%b()",  "%bab",   "%f[a]",
    "%f[%s]", "%f[^a]", "$",  "^",     "*",     "+",    "-",    "?",     "a*",     "b+",
    ".-",    "a?",   "[",     "]",     "%",     "1",    "-",    "x",     "%z",     "[a-]",
};
constexpr const char* subject_chars = "aab c(1)-x.%]^$";
constexpr int random_rounds = 4000;

// Raw metacharacter soup reaches the odd corners of set and escape parsing ("[a-%%]", "[]-]").
constexpr const char* raw_pattern_chars = "ab.%[]^-*+?()$1 ";

std::string random_pattern(SplitMix& rng) {
    std::string pattern;
    if (rng.below(3) == 0) {
        const std::size_t length = rng.below(8) + 1;
        const std::size_t alphabet = std::char_traits<char>::length(raw_pattern_chars);
        for (std::size_t i = 0; i < length; ++i) pattern += raw_pattern_chars[rng.below(alphabet)];
        return pattern;
    }
    if (rng.below(6) == 0) pattern += '^';
    const std::size_t pieces = rng.below(6) + 1;
    for (std::size_t i = 0; i < pieces; ++i) pattern += rng.pick(pattern_pieces);
    if (rng.below(8) == 0) pattern += '$';
    return pattern;
}

std::string random_subject(SplitMix& rng) {
    std::string subject;
    const std::size_t length = rng.below(9);
    const std::size_t alphabet = std::char_traits<char>::length(subject_chars);
    for (std::size_t i = 0; i < length; ++i) subject += subject_chars[rng.below(alphabet)];
    return subject;
}

}  // namespace

TEST_CASE("budgeted patterns agree with Lua's string library on hand-picked cases") {
    LuaFixture lua;
    int checked = 0;
    for (const PatternCase& c : pattern_cases) {
        const Outcomes outcomes = lua.compare_source(c.function, c.args);
        INFO(describe(c.function, c.args));
        INFO("Lua:      " << outcomes.original);
        INFO("budgeted: " << outcomes.budgeted);
        CHECK(outcomes.budgeted == outcomes.original);
        if (c.expect_error == nullptr) {
            CHECK_FALSE(is_error(outcomes.original));
        } else {
            CHECK(is_error(outcomes.budgeted));
            CHECK(outcomes.budgeted.find(c.expect_error) != std::string::npos);
        }
        ++checked;
    }
    MESSAGE(checked << " hand-picked cases compared");
}

TEST_CASE("every character class, its complement and its set form match Lua on all bytes") {
    LuaFixture lua;
    const std::string classes = "acdglpsuwxzACDGLPSUWXZ";
    for (char letter : classes) {
        const std::string item = std::string("%") + letter;
        for (const std::string& pattern : {item, "[" + item + "]", "[^" + item + "]"}) {
            const std::string args = std::string(all_bytes) + ", '" + pattern + "', ''";
            const Outcomes outcomes = lua.compare_source("gsub", args);
            INFO("gsub(all bytes, '" << pattern << "', '')");
            CHECK(outcomes.budgeted == outcomes.original);
            CHECK_FALSE(is_error(outcomes.original));
        }
    }
    // Escaped punctuation stands for itself, both alone and inside sets.
    for (char symbol : std::string("^$*+?.([%-])/\\'\"~,;:!@#&=<>{}|`_")) {
        std::string escaped = "%";
        escaped += symbol;
        if (symbol == '\\' || symbol == '\'') escaped.insert(1, "\\");
        for (const std::string& pattern : {escaped, "[" + escaped + "]"}) {
            const std::string args = std::string(all_bytes) + ", '" + pattern + "', '!'";
            const Outcomes outcomes = lua.compare_source("gsub", args);
            INFO("gsub(all bytes, '" << pattern << "', '!')");
            CHECK(outcomes.budgeted == outcomes.original);
            CHECK(outcomes.original.find(", integer 1)") != std::string::npos);
        }
    }
}

TEST_CASE("randomized patterns agree with Lua, including which ones raise errors") {
    LuaFixture lua;
    SplitMix rng(20240517);
    using Arg = LuaFixture::Arg;
    const char* const replacements[] = {"<%0>", "%1", "x", "%%", "%2", "[%1|%0]", "%"};
    int compared = 0;
    int errors = 0;
    int found = 0;
    int mismatches = 0;
    for (int round = 0; round < random_rounds; ++round) {
        const std::string pattern = random_pattern(rng);
        const std::string subject = random_subject(rng);
        const auto init = static_cast<lua_Integer>(rng.below(14)) - 4;
        std::vector<std::pair<std::string, std::vector<Arg>>> calls;
        const Arg s{Arg::Kind::string, subject};
        const Arg p{Arg::Kind::string, pattern};
        const Arg i{Arg::Kind::integer, "", init};
        calls.push_back({"find", {s, p, i}});
        calls.push_back({"match", {s, p, i}});
        calls.push_back({"gmatch", {s, p, i}});
        switch (rng.below(4)) {
        case 0: calls.push_back({"gsub", {s, p, {Arg::Kind::global, "join_captures"}}}); break;
        case 1: calls.push_back({"gsub", {s, p, {Arg::Kind::global, "lookup"}}}); break;
        default: {
            const Arg r{Arg::Kind::string, rng.pick(replacements)};
            const Arg n{Arg::Kind::integer, "", static_cast<lua_Integer>(rng.below(4))};
            if (rng.below(2) == 0) {
                calls.push_back({"gsub", {s, p, r}});
            } else {
                calls.push_back({"gsub", {s, p, r, n}});
            }
        }
        }
        for (const auto& [function, args] : calls) {
            const Outcomes outcomes = lua.compare_values(function, args);
            ++compared;
            if (is_error(outcomes.original)) ++errors;
            if (outcomes.original != "(nil)" && outcomes.original != "gmatch ()" &&
                !is_error(outcomes.original)) {
                ++found;
            }
            if (outcomes.budgeted != outcomes.original) {
                ++mismatches;
                INFO(function << " subject='" << subject << "' pattern='" << pattern
                              << "' init=" << init);
                INFO("Lua:      " << outcomes.original);
                INFO("budgeted: " << outcomes.budgeted);
                CHECK(outcomes.budgeted == outcomes.original);
            }
        }
    }
    MESSAGE(compared << " randomized calls: " << found << " with results, " << errors
                     << " errors, " << mismatches << " mismatches");
    CHECK(mismatches == 0);
    // Guards against a generator that only ever produces errors or misses.
    CHECK(found > compared / 4);
    CHECK(errors > compared / 50);
}

TEST_CASE("gsub replacement functions may re-enter the budgeted functions") {
    LuaFixture lua;
    const std::string code = R"lua(
        local function nested(lib)
          return (lib.gsub("a1 b22 c333", "(%a)(%d+)", function(letter, digits)
            local parts = {}
            for d in lib.gmatch(digits, "%d") do parts[#parts + 1] = lib.find("0123456789", d, 1, true) end
            return letter .. "=" .. table.concat(parts, ",")
          end))
        end
        expected, actual = nested(string), nested(budgeted)
    )lua";
    REQUIRE(lua.run(code).empty());
    CHECK(lua.global_string("expected") == "a=2 b=3,3 c=4,4,4");
    CHECK(lua.global_string("actual") == lua.global_string("expected"));
}

TEST_CASE("installing into the string table makes method calls budgeted") {
    LuaFixture lua;
    lua_getglobal(lua.L, "string");
    install_budgeted_patterns(lua.L, -1, counting_charge);
    lua_pop(lua.L, 1);
    charge_log = ChargeLog{};
    REQUIRE(lua.run("first, last = ('hello world'):find('o w')").empty());
    CHECK(lua.global_string("first") == "5");
    CHECK(lua.global_string("last") == "7");
    CHECK(charge_log.calls == 1);
    CHECK(charge_log.total > 0);
}

TEST_CASE("steps are charged in chunks and leftovers are charged when a call returns") {
    LuaFixture lua;
    REQUIRE(lua.run("for i = 1, 100 do budgeted.find('abc', 'b') end").empty());
    CHECK(charge_log.calls == 100);  // each call is far below the interval
    CHECK(charge_log.total >= 100);

    charge_log = ChargeLog{};
    REQUIRE(lua.run("budgeted.find(('a'):rep(20) .. 'b', ('a*'):rep(6) .. 'c')").empty());
    CHECK(charge_log.total > 10000);
    CHECK(charge_log.calls >= charge_log.total / 1100);
    CHECK(charge_log.largest < 1100);
}

TEST_CASE("long comparisons are charged for the bytes they touch, not once per call") {
    LuaFixture lua;
    // "(a+)%1b" on N a's: from each start with r characters left, every capture length L with
    // 2L <= r leads to an L-byte comparison for the back-reference.
    constexpr std::uint64_t subject_length = 2000;
    std::uint64_t compared_bytes = 0;
    for (std::uint64_t left = 1; left <= subject_length; ++left) {
        const std::uint64_t longest = left / 2;
        compared_bytes += longest * (longest + 1) / 2;
    }
    REQUIRE(lua.run("assert(budgeted.find(('a'):rep(2000), '(a+)%1b') == nil)").empty());
    CHECK(charge_log.total >= compared_bytes / 32);

    // Plain find: 3000 candidate starts, each comparing the 1000 bytes after the first.
    charge_log = ChargeLog{};
    REQUIRE(lua.run("assert(budgeted.find(('a'):rep(4000), ('a'):rep(1000) .. 'b', 1, true) == nil)")
                .empty());
    CHECK(charge_log.total >= 3000 * 1000 / 32);
}

TEST_CASE("the budget stops catastrophic backtracking") {
    struct Runaway {
        const char* name;
        const char* code;
    };
    const Runaway runaways[] = {
        {"find with nested a*",
         "return budgeted.find(string.rep('a', 40) .. 'b', ('a*'):rep(20) .. 'c')"},
        {"find with .-.-.-.-y", "return budgeted.find(('x'):rep(50000), '.-.-.-.-y')"},
        {"match with nested a*", "return budgeted.match(('a'):rep(60), ('a-'):rep(15) .. 'b')"},
        {"gsub", "return budgeted.gsub(('a'):rep(40), ('a*'):rep(20) .. 'c', 'x')"},
        {"gmatch", "for m in budgeted.gmatch(('a'):rep(40), ('a*'):rep(20) .. 'c') do end"},
        {"plain find with a long needle",
         "return budgeted.find(('a'):rep(400000), ('a'):rep(200000) .. 'b', 1, true)"},
        {"long back-references", "return budgeted.find(('a'):rep(30000), '(a+)%1b')"},
        {"%b over a long subject",
         "return budgeted.gsub(('('):rep(100000), '%b()', '')"},
    };
    for (const Runaway& runaway : runaways) {
        LuaFixture lua;
        charge_log.limit = 10'000'000;
        const auto started = std::chrono::steady_clock::now();
        const std::string error = lua.run(runaway.code);
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        const std::string name = runaway.name;
        INFO(name);
        CHECK(error.find("step budget exhausted") != std::string::npos);
        CHECK(charge_log.total > charge_log.limit);
        CHECK(elapsed.count() < 10'000);
        MESSAGE(name << ": stopped after " << charge_log.total << " steps in "
                             << elapsed.count() << " ms");

        // The state stays usable after the budget error unwound the matcher.
        charge_log = ChargeLog{};
        REQUIRE(lua.run("assert(budgeted.match('key=value', '(%w+)=(%w+)') == 'key')").empty());
    }
}

TEST_CASE("normal patterns over a 100 KB subject finish within a modest budget") {
    LuaFixture lua;
    charge_log.limit = 5'000'000;
    const std::string code = R"lua(
        local words = {}
        for i = 1, 12000 do words[i] = "word" .. i .. ((i % 7 == 0) and "\n\t " or "  ") end
        subject = table.concat(words)
        assert(#subject >= 100 * 1024)
        expected, expected_n = string.gsub(subject, "%s+", " ")
        actual, actual_n = budgeted.gsub(subject, "%s+", " ")
        same = (expected == actual and expected_n == actual_n)
        count = 0
        for w in budgeted.gmatch(subject, "%a+%d+") do count = count + 1 end
        last = budgeted.match(subject, "(%w+)%s*$")
        found = budgeted.find(subject, "word11999 ", 1, true)
        found_same = found == string.find(subject, "word11999 ", 1, true) and found > 100000
    )lua";
    const auto started = std::chrono::steady_clock::now();
    const std::string error = lua.run(code);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    REQUIRE(error.empty());
    CHECK(lua.global_bool("same"));
    CHECK(lua.global_string("count") == "12000");
    CHECK(lua.global_string("last") == "word12000");
    CHECK(lua.global_bool("found_same"));
    CHECK(charge_log.total > 100'000);
    CHECK(charge_log.total <= charge_log.limit);
    MESSAGE("100 KB workload charged " << charge_log.total << " steps in " << elapsed.count()
                                       << " ms");
}
