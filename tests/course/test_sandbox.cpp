// The sandbox: what course code cannot reach, and how runaway code is stopped and reported.
#include <doctest/doctest.h>

#include <lua.hpp>

#include <chrono>
#include <string>

#include "course/random.hpp"
#include "course/sandbox.hpp"

using namespace cbt::course;

namespace {

// Runs a chunk and returns its single result as text ("nil" for nil).
std::string run(Sandbox& sandbox, const std::string& code) {
    lua_State* L = sandbox.state();
    sandbox.load(code, "lessons/test.lua");
    sandbox.call(0, 1, "lessons/test.lua");
    std::string out = lua_isnil(L, -1) ? "nil" : luaL_tolstring(L, -1, nullptr);
    lua_settop(L, 0);
    return out;
}

std::string run(const std::string& code) {
    Sandbox sandbox;
    return run(sandbox, code);
}

// Runs a chunk that must fail; returns the problem.
Problem failure(Sandbox& sandbox, const std::string& code) {
    try {
        run(sandbox, code);
    } catch (const CourseError& e) {
        return e.problem();
    }
    FAIL("the code was expected to fail: " << code);
    return {};
}

Problem failure(const std::string& code) {
    Sandbox sandbox;
    return failure(sandbox, code);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("dangerous libraries and functions are absent") {
    for (const char* name : {"io", "os", "package", "debug", "require", "dofile", "loadfile", "collectgarbage",
                             "loadstring", "module", "setfenv", "getfenv"}) {
        CAPTURE(name);
        CHECK(run(std::string("return type(") + name + ")") == "nil");
    }
    CHECK(run("return type(string.dump)") == "nil");
    CHECK(run("return type(math.randomseed)") == "nil");
    CHECK(run("return type(('x').dump)") == "nil");
}

TEST_CASE("safe libraries are present") {
    CHECK(run("return string.format('%d-%s', 4, ('ab'):upper())") == "4-AB");
    CHECK(run("return table.concat({1, 2, 3}, ',')") == "1,2,3");
    CHECK(run("return utf8.len('Таможня')") == "7");
    CHECK(run("return math.floor(3.7)") == "3");
    CHECK(run("local co = coroutine.wrap(function() coroutine.yield(5) end) return co()") == "5");
    CHECK(run("local ok, e = pcall(error, 'x') return tostring(ok) .. e") == "falsex");
}

TEST_CASE("binary chunks cannot be loaded and text chunks get the sandbox's globals") {
    CHECK(run("local f = load('return type(io)') return f()") == "nil");
    CHECK(failure("return load('return 1', 'x', 'b')").message.find("only text chunks") != std::string::npos);
    CHECK(run("local f, e = load('\\27LuaT\\0') return tostring(f) .. ' ' .. e").find("binary chunk") != std::string::npos);
}

TEST_CASE("the string metatable is locked and points at the sandbox's string table") {
    CHECK(run("return tostring(getmetatable(''))") == "false");
    CHECK(failure("setmetatable('', {})").message.find("table expected") != std::string::npos);
    CHECK(run("string.upper = function() return 'evil' end return ('a'):upper()") == "evil");  // own state only
    Sandbox fresh;
    CHECK(run(fresh, "return ('a'):upper()") == "A");
}

TEST_CASE("__gc metamethods are refused") {
    const Problem p = failure("setmetatable({}, { __gc = function() while true do end end })");
    CHECK(p.message.find("__gc") != std::string::npos);
    CHECK(p.line == 1);
}

TEST_CASE("an endless loop is stopped by the instruction budget, and pcall cannot swallow the stop") {
    SandboxLimits limits;
    limits.instructions_per_call = 2'000'000;
    limits.time_per_call = std::chrono::milliseconds(5000);
    Sandbox sandbox(limits);
    const Problem p = failure(sandbox, "local n = 0\nwhile true do\n  n = n + 1\nend");
    CHECK(p.file == "lessons/test.lua");
    CHECK((p.line == 2 || p.line == 3));
    CHECK(p.message.find("endless loop") != std::string::npos);

    const Problem swallowed = failure(sandbox, "for i = 1, 1e12 do pcall(function() while true do end end) end");
    CHECK(swallowed.message.find("stopped") != std::string::npos);
    const Problem xp = failure(sandbox, "while true do xpcall(function() while true do end end, function(e) return e end) end");
    CHECK(xp.message.find("stopped") != std::string::npos);
    const Problem co = failure(sandbox, "while true do coroutine.resume(coroutine.create(function() while true do end end)) end");
    CHECK(co.message.find("stopped") != std::string::npos);
    // The state keeps working for the next call.
    CHECK(run(sandbox, "return 1 + 1") == "2");
}

TEST_CASE("a slow call is stopped by the deadline within a second") {
    SandboxLimits limits;
    limits.instructions_per_call = ~0ull;
    limits.time_per_call = std::chrono::milliseconds(300);
    Sandbox sandbox(limits);
    const auto start = std::chrono::steady_clock::now();
    const Problem p = failure(sandbox, "while true do end");
    CHECK(seconds_since(start) < 1.0);
    CHECK(p.message.find("ms") != std::string::npos);
}

TEST_CASE("heavy pattern backtracking inside C is stopped within a second") {
    Sandbox sandbox;  // default limits: 1 s per call
    const auto start = std::chrono::steady_clock::now();
    const Problem p = failure(sandbox, "local s = string.rep('a', 5000)\nreturn s:find('.-.-.-.-.-b')");
    const double took = seconds_since(start);
    MESSAGE("pattern stopped after " << took << " s");
    CHECK(took < 1.5);
    CHECK(p.message.find("stopped") != std::string::npos);
    CHECK(p.line == 2);
}

TEST_CASE("string.rep of an empty string a trillion times returns at once; huge results are refused") {
    const auto start = std::chrono::steady_clock::now();
    CHECK(run("return #string.rep('', 1e12)") == "0");
    CHECK(run("return #string.rep('', 1e12, '')") == "0");
    CHECK(seconds_since(start) < 0.5);
    CHECK(failure("return string.rep('x', 1e12)").message.find("too large") != std::string::npos);
}

TEST_CASE("table.move over a huge empty range is refused") {
    const auto start = std::chrono::steady_clock::now();
    CHECK(failure("return table.move({}, 1, math.maxinteger - 1, 2)").message.find("table.move") != std::string::npos);
    CHECK(seconds_since(start) < 0.5);
    CHECK(run("local t = table.move({1, 2, 3}, 1, 3, 2) return table.concat(t, ',')") == "1,1,2,3");
}

TEST_CASE("a memory bomb is stopped by the cap, even inside pcall") {
    SandboxLimits limits;
    limits.memory_bytes = 16u << 20;
    Sandbox sandbox(limits);
    const Problem p = failure(sandbox, "local t = {}\nwhile true do t[#t + 1] = ('x'):rep(1000) .. #t end");
    CHECK(p.message.find("memory") != std::string::npos);
    CHECK(sandbox.memory_used() < (20u << 20));
    const Problem q = failure(sandbox, "local t = {}\nwhile true do pcall(function() t[#t + 1] = {} end) end");
    CHECK(q.message.find("memory") != std::string::npos);
}

TEST_CASE("errors name the course file and line") {
    const Problem runtime_error = failure("local x = nil\n\nreturn x.field");
    CHECK(runtime_error.file == "lessons/test.lua");
    CHECK(runtime_error.line == 3);
    CHECK(runtime_error.message.find("nil value") != std::string::npos);
    const Problem syntax = failure("local = 1");
    CHECK(syntax.file == "lessons/test.lua");
    CHECK(syntax.line == 1);
    const Problem raised = failure("\nerror('broken on purpose')");
    CHECK(raised.line == 2);
    CHECK(raised.message == "broken on purpose");
    const Problem table_error = failure("error({})");
    CHECK(table_error.message.find("table value") != std::string::npos);
}

TEST_CASE("math.random draws from the generator it is given, so runs repeat") {
    Sandbox sandbox;
    CHECK(failure(sandbox, "return math.random(6)").message.find("lesson functions") != std::string::npos);
    Rng first(42), second(42);
    sandbox.set_rng(&first);
    const std::string a = run(sandbox, "return math.random(1, 1000) .. ',' .. math.random(1000) .. ',' .. math.random()");
    sandbox.set_rng(&second);
    const std::string b = run(sandbox, "return math.random(1, 1000) .. ',' .. math.random(1000) .. ',' .. math.random()");
    CHECK(a == b);
    sandbox.set_rng(nullptr);
}
