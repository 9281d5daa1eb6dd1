// Headless play through the session: the path tests, load runs and crash drills use.
#include <doctest/doctest.h>

#include <sstream>

#include "session/headless.hpp"
#include "session_fixture.hpp"

using namespace cbt::session;
using nlohmann::json;

TEST_CASE("headless --auto correct passes every lesson and a second run adds nothing") {
    SeatFixture f;
    HeadlessOptions o;
    o.learner = "Load Tester";
    o.json = true;
    std::ostringstream out;
    CHECK(run_headless(*f.session, o, out) == 0);
    const json summary = json::parse(out.str());
    CHECK(summary["passed"] == true);
    CHECK(summary["name"] == "Load Tester");
    REQUIRE(summary["lessons"].size() == 2);
    for (const auto& l : summary["lessons"]) {
        CHECK(l["state"] == "passed");
        CHECK(l["score"].get<double>() == doctest::Approx(1.0));
    }
    const auto events = f.seat->journal().count();
    std::ostringstream again;
    CHECK(run_headless(*f.session, o, again) == 0);
    CHECK(f.seat->journal().count() == events);
    CHECK(f.seat->roster().size() == 1);
}

TEST_CASE("headless --auto wrong fails, and an answers file is followed screen by screen") {
    SeatFixture f;
    HeadlessOptions o;
    o.learner = "W";
    o.mode = ScriptMode::AutoWrong;
    o.lesson_id = "tour";
    std::ostringstream out;
    CHECK(run_headless(*f.session, o, out) == 0);
    CHECK(out.str().find("not every lesson passed") != std::string::npos);

    SeatFixture g;
    HeadlessOptions a;
    a.learner = "X";
    a.lesson_id = "tour";
    a.mode = ScriptMode::AnswersFile;
    a.answers = json::object();
    std::ostringstream log;
    CHECK_THROWS_WITH_AS(run_headless(*g.session, a, log), doctest::Contains("has no answer for screen"),
                         std::runtime_error);
}

TEST_CASE("headless resumes the lesson a killed run left open") {
    SeatFixture f;
    f.session->sign_in(f.add("R").id, "");
    f.session->open_lesson("sample", "tour");
    f.session->advance();
    f.answer_current(false);
    f.restart();
    HeadlessOptions o;
    o.learner = "R";
    o.json = true;
    std::ostringstream out;
    CHECK(run_headless(*f.session, o, out) == 0);
    const json summary = json::parse(out.str());
    CHECK(summary["lessons"][0]["attempts"] == 1);   // continued, not started again
    CHECK(summary["lessons"][0]["score"].get<double>() < 1.0);
    CHECK(f.count_events("attempt_started") == 2);
}

TEST_CASE("headless --stop-at leaves the lesson open on that screen for the next start") {
    SeatFixture f;
    HeadlessOptions o;
    o.learner = "S";
    o.lesson_id = "tour";
    o.stop_at = "find_tank";
    std::ostringstream out;
    CHECK(run_headless(*f.session, o, out) == 0);
    f.restart();
    REQUIRE(f.session->stage() == Stage::Lesson);
    CHECK(f.session->attempt().runtime().current().id == "find_tank");
    CHECK_FALSE(f.session->attempt().runtime().settled());

    o.stop_at = "no_such_screen";
    std::ostringstream again;
    CHECK(run_headless(*f.session, o, again) == 1);
    CHECK(again.str().find("'no_such_screen' was never shown") != std::string::npos);
}
