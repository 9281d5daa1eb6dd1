// The lesson state machine on the sample course: pools, shuffles, branching, canvas, attempts,
// timing out, and hook errors located by file and line.
#include <doctest/doctest.h>

#include <set>

#include "sample_course.hpp"
#include "test_dir.hpp"

using namespace cbt::course;

TEST_CASE("the same seed draws the same pool questions in the same order; other seeds differ") {
    const Course& course = sample_course();
    LessonRuntime a(course, "quiz", 7, "en"), b(course, "quiz", 7, "en");
    CHECK(a.plan_ids() == b.plan_ids());
    CHECK(a.plan_ids().size() == 4);
    CHECK(a.defined_ids().size() == 7);
    std::set<std::vector<std::string>> plans;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) plans.insert(LessonRuntime(course, "quiz", seed, "en").plan_ids());
    CHECK(plans.size() > 5);
}

TEST_CASE("choice shuffles follow the seed") {
    const Course& course = sample_course();
    const auto order = [&](std::uint64_t seed) {
        LessonRuntime rt(course, "tour", seed, "en");
        rt.advance();  // welcome -> route, which asks for shuffled choices
        std::vector<std::string> ids;
        for (const auto& c : rt.current().choices) ids.push_back(c.id);
        return ids;
    };
    CHECK(order(3) == order(3));
    std::set<std::vector<std::string>> seen;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) seen.insert(order(seed));
    CHECK(seen.size() > 1);
}

TEST_CASE("a screen built by Lua depends on the seed and its key is consistent") {
    const Course& course = sample_course();
    std::set<std::string> prompts;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        LessonRuntime rt(course, "quiz", seed, "en");
        advance_to(rt, "weights");
        prompts.insert(rt.current().prompt.in("en"));
        CHECK(rt.answer(rt.auto_response(true)).correct);
        CHECK(std::fmod(rt.current().number, 7.0) == 0);
    }
    CHECK(prompts.size() > 2);
}

TEST_CASE("a wrong answer to the colour-test question branches to the recap") {
    const Course& course = sample_course();
    for (const bool right : {true, false}) {
        LessonRuntime rt(course, "tour", 1, "en");
        advance_to(rt, "colour_test");
        CHECK(rt.current().attempts == 2);
        const Outcome first = rt.answer(FlagAnswer{!right});
        if (!right) {
            CHECK_FALSE(first.settled);
            CHECK(first.tries_left == 1);
            CHECK(first.explanation.empty());
            CHECK_THROWS_AS(rt.advance(), std::logic_error);
            const Outcome second = rt.answer(FlagAnswer{true});
            CHECK(second.settled);
            CHECK_FALSE(second.explanation.empty());
        }
        rt.advance();
        CHECK(rt.current().id == (right ? "pairs" : "recap"));
    }
}

TEST_CASE("the canvas simulation reacts to clicks and is scored by replaying them") {
    const Course& course = sample_course();
    LessonRuntime rt(course, "tour", 1, "en");
    advance_to(rt, "search");
    CHECK(hit_test(rt.display(), {200, 120}) == "boot");
    CHECK_FALSE(rt.canvas_click("spare"));  // not visible yet: nothing happens
    CHECK_FALSE(rt.canvas_click("boot"));
    CHECK(hit_test(rt.display(), {200, 120}) == "spare");
    CHECK(rt.canvas_click("spare"));
    const Outcome outcome = rt.answer(ClicksAnswer{rt.canvas_clicks()});
    CHECK(outcome.correct);

    LessonRuntime other(course, "tour", 1, "en");
    advance_to(other, "search");
    CHECK(other.answer(ClicksAnswer{{"spare", "boot"}}).score == 0);  // order matters
}

TEST_CASE("automatic correct answers pass every lesson; wrong ones fail") {
    const Course& course = sample_course();
    for (const auto& lesson : course.lessons) {
        CAPTURE(lesson.id);
        LessonRuntime good(course, lesson.id, 11, "ru");
        play_to_end(good, true);
        CHECK(good.result().passed);
        CHECK(good.result().score == doctest::Approx(1));
        LessonRuntime bad(course, lesson.id, 11, "ru");
        play_to_end(bad, false);
        CHECK_FALSE(bad.result().passed);
        CHECK(bad.result().score < bad.pass_mark());
    }
}

TEST_CASE("running out of time scores unanswered questions as zero") {
    const Course& course = sample_course();
    LessonRuntime rt(course, "quiz", 5, "en");
    rt.answer(rt.auto_response(true));
    rt.finish_early();
    const LessonResult r = rt.result();
    CHECK(r.finished);
    CHECK(r.timed_out);
    CHECK(r.items.size() == 4);
    CHECK(r.score == doctest::Approx(0.25));
    CHECK_FALSE(r.passed);
}

TEST_CASE("answers of the wrong kind and answers at the wrong time are refused") {
    const Course& course = sample_course();
    LessonRuntime rt(course, "tour", 1, "en");
    CHECK_THROWS_AS(rt.answer(ChoiceAnswer{"a"}), std::logic_error);  // info screen
    rt.advance();
    CHECK_THROWS_AS(rt.answer(FlagAnswer{true}), std::invalid_argument);
    rt.answer(ChoiceAnswer{"gulf"});
    CHECK_THROWS_AS(rt.answer(ChoiceAnswer{"russia"}), std::logic_error);  // settled after one try
}

TEST_CASE("a failing hook reports the author's file and line and leaves the runtime usable") {
    TestDir dir;
    write_one_lesson_course(dir.path, R"(return lesson { id = "l", title = "L", screens = {
  truefalse { id = "q", prompt = "?", correct = true,
    next = function(ctx, result)
      local missing = nil
      return missing.id
    end },
  info { id = "end", title = "E" },
} })");
    const Course course = load_course(dir.path);
    LessonRuntime rt(course, "l", 1, "en");
    rt.answer(FlagAnswer{true});
    try {
        rt.advance();
        FAIL("the hook should have failed");
    } catch (const CourseError& e) {
        CHECK(e.problem().file == "lessons/l.lua");
        CHECK(e.problem().line == 5);
    }
    CHECK(rt.current().id == "q");
}

TEST_CASE("an endless loop in a hook is stopped and reported, and the lesson can carry on") {
    TestDir dir;
    write_one_lesson_course(dir.path, R"(return lesson { id = "l", title = "L", screens = {
  truefalse { id = "q", prompt = "?", correct = true,
    score = function(ctx, answer)
      if answer then return 1 end
      while true do end
    end, solution = true },
} })");
    const Course course = load_course(dir.path);
    LessonRuntime rt(course, "l", 1, "en");
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH_AS(rt.answer(FlagAnswer{false}), doctest::Contains("lessons/l.lua:5"), CourseError);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500));
    CHECK(rt.answer(FlagAnswer{true}).correct);
}

TEST_CASE("a canvas with two tries starts afresh for the second try") {
    TestDir dir;
    write_one_lesson_course(dir.path, R"(return lesson { id = "l", title = "L", screens = {
  canvas { id = "c", prompt = "?", attempts = 2,
    init = function(state) state.seq = "" end,
    draw = function(state) return { { op = "rect", x = 0, y = 0, w = 10, h = 10, region = "a" } } end,
    click = function(state, region) state.seq = state.seq .. region end,
    done = function(state) return #state.seq >= 2 end,
    score = function(state) if state.seq == "ab" then return 1 end return 0 end,
    solution = { "a", "b" }, wrong = {} },
} })");
    const Course course = load_course(dir.path);
    LessonRuntime rt(course, "l", 1, "en");
    rt.canvas_click("b");
    rt.canvas_click("a");
    CHECK_FALSE(rt.answer(ClicksAnswer{rt.canvas_clicks()}).settled);
    CHECK(rt.canvas_clicks().empty());
    rt.canvas_click("a");
    CHECK(rt.canvas_click("b"));
    CHECK(rt.answer(ClicksAnswer{rt.canvas_clicks()}).correct);
    LessonRuntime other(course, "l", 1, "en");
    CHECK(std::get<ClicksAnswer>(other.auto_response(false)).regions.empty());  // wrong = {} is "no clicks"
}
