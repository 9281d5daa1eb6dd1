// The kiosk's session logic: sign-in, progress, playing, restarts, errors and the lock.
#include <doctest/doctest.h>

#include "course/attempt.hpp"
#include "session_fixture.hpp"

using namespace cbt;
using namespace cbt::session;

TEST_CASE("signing in checks the PIN and makes the trainee wait after five wrong tries") {
    SeatFixture f;
    const Trainee t = f.add("Karimov Aziz", "2468");
    CHECK(f.session->stage() == Stage::SignIn);
    CHECK(f.session->sign_in("nobody", "1") == SignInResult::UnknownTrainee);
    for (int i = 0; i < 4; ++i) CHECK(f.session->sign_in(t.id, "1111") == SignInResult::WrongPin);
    CHECK(f.session->sign_in(t.id, "1111") == SignInResult::TooManyTries);
    CHECK(f.session->sign_in_wait_ms(t.id) == 30'000);
    CHECK(f.session->sign_in(t.id, "2468") == SignInResult::TooManyTries);   // even the right PIN waits
    f.clock.advance_ms(30'001);
    CHECK(f.session->sign_in_wait_ms(t.id) == 0);
    CHECK(f.session->sign_in(t.id, "2468") == SignInResult::Ok);
    CHECK(f.session->stage() == Stage::Home);
    REQUIRE(f.session->trainee());
    CHECK(f.session->trainee()->name == "Karimov Aziz");
    f.session->sign_out();
    CHECK(f.session->stage() == Stage::SignIn);
    CHECK_FALSE(f.session->trainee());
}

TEST_CASE("the language chosen at sign-in is remembered for the trainee") {
    SeatFixture f;
    const Trainee a = f.add("A");
    const Trainee b = f.add("B");
    CHECK(f.session->language() == "ru");   // the seat's default
    f.session->set_language("en");
    CHECK(f.session->language() == "en");
    REQUIRE(f.session->sign_in(a.id, "") == SignInResult::Ok);
    CHECK(f.session->language() == "en");
    f.session->sign_out();
    CHECK(f.session->language() == "ru");
    REQUIRE(f.session->sign_in(b.id, "") == SignInResult::Ok);
    CHECK(f.session->language() == "ru");
    f.session->sign_out();
    REQUIRE(f.session->sign_in(a.id, "") == SignInResult::Ok);
    CHECK(f.session->language() == "en");
    f.session->set_language("ru");
    f.restart();
    CHECK(f.session->trainee()->id == a.id);
    CHECK(f.session->language() == "ru");
}

TEST_CASE("home lists the courses with progress and a lesson to continue") {
    SeatFixture f;
    f.session->sign_in(f.add("A").id, "");
    auto status = f.session->course_status();
    REQUIRE(status.size() == 1);
    CHECK(status[0].course->id == "sample");
    REQUIRE(status[0].lessons.size() == 2);
    CHECK(status[0].lessons[0].title.in("en") == "A tour of the screens");   // from the lesson file
    CHECK(status[0].continue_lesson == "tour");
    f.session->assign_courses({"another"});
    CHECK(f.session->course_status().empty());
}

TEST_CASE("a restart brings the trainee back to the same screen with every committed answer") {
    SeatFixture f;
    const Trainee t = f.add("A");
    f.session->sign_in(t.id, "");
    f.session->open_lesson("sample", "tour");
    REQUIRE(f.session->stage() == Stage::Lesson);
    const std::string attempt = f.session->attempt().id();
    int answered = 0;
    while (answered < 3) {
        auto& rt = f.session->attempt().runtime();
        if (course::is_question(rt.current().kind)) {
            f.answer_current(true);
            ++answered;
        }
        if (answered < 3) f.session->advance();
    }
    const std::string screen = f.session->attempt().runtime().current().id;
    const auto responses = f.count_events("response");

    f.restart();   // as after kill -9: the settled screen comes back with its feedback
    CHECK(f.session->stage() == Stage::Lesson);
    CHECK(f.session->trainee()->id == t.id);
    CHECK(f.session->attempt().id() == attempt);
    CHECK(f.session->attempt().runtime().current().id == screen);
    CHECK(f.session->attempt().runtime().settled());
    REQUIRE(f.session->last_outcome());
    CHECK(f.session->last_outcome()->correct);
    CHECK(f.count_events("response") == responses);

    while (f.session->stage() == Stage::Lesson) {
        auto& rt = f.session->attempt().runtime();
        if (course::is_question(rt.current().kind)) f.answer_current(true);
        f.session->advance();
    }
    CHECK(f.session->stage() == Stage::Results);
    CHECK(f.session->result().passed);
    f.restart();   // the results screen survives a restart too
    CHECK(f.session->stage() == Stage::Results);
    CHECK(f.session->result().score == doctest::Approx(1.0));
    f.session->close_results();
    CHECK(f.session->stage() == Stage::Home);
    f.restart();
    CHECK(f.session->stage() == Stage::Home);
    CHECK(f.session->course_status()[0].lessons[0].state == report::LessonState::Passed);
    CHECK(f.session->course_status()[0].continue_lesson == "quiz");
}

TEST_CASE("leaving a lesson keeps it open; opening it again resumes the same attempt") {
    SeatFixture f;
    f.session->sign_in(f.add("A").id, "");
    f.session->open_lesson("sample", "tour");
    const std::string attempt = f.session->attempt().id();
    f.session->advance();
    const std::string screen = f.session->attempt().runtime().current().id;
    f.session->leave_lesson();
    CHECK(f.session->stage() == Stage::Home);
    CHECK(f.session->course_status()[0].lessons[0].state == report::LessonState::InProgress);
    f.session->open_lesson("sample", "tour");
    CHECK(f.session->attempt().id() == attempt);
    CHECK(f.session->attempt().runtime().current().id == screen);
}

TEST_CASE("a timed lesson ends when its time is up, also across a restart") {
    SeatFixture f;
    f.session->sign_in(f.add("A").id, "");
    f.session->open_lesson("sample", "quiz");
    REQUIRE(f.session->time_left_ms() == 600'000);
    f.clock.advance_ms(200'000);
    CHECK(f.session->time_left_ms() == 400'000);
    f.restart();
    CHECK(f.session->time_left_ms() == 400'000);   // the deadline comes from the journal
    f.clock.advance_ms(400'000);
    f.session->tick();
    CHECK(f.session->stage() == Stage::Results);
    CHECK(f.session->result().timed_out);
    CHECK_FALSE(f.session->result().passed);
}

TEST_CASE("help requests are journaled once per screen") {
    SeatFixture f;
    f.session->sign_in(f.add("A").id, "");
    f.session->request_help();   // from the home screen
    f.session->open_lesson("sample", "tour");
    f.session->request_help();
    f.session->request_help();
    CHECK(f.session->help_requested());
    CHECK(f.count_events("help_requested") == 2);
    f.session->advance();
    CHECK_FALSE(f.session->help_requested());
}

TEST_CASE("an answer the journal cannot store is not acknowledged, and the attempt carries on from the journal") {
    SeatFixture f;
    f.session->sign_in(f.add("A").id, "");
    f.session->open_lesson("sample", "tour");
    f.session->advance();   // to the first question
    auto& rt = f.session->attempt().runtime();
    REQUIRE(course::is_question(rt.current().kind));
    const std::string screen = rt.current().id;
    // The same failure a full disk gives: every write to the journal is refused.
    f.seat->db().exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.events BEGIN "
                      "SELECT RAISE(FAIL, 'database or disk is full'); END");
    CHECK_FALSE(f.session->answer(f.session->attempt().runtime().auto_response(true)));
    auto notice = f.session->take_notice();
    REQUIRE(notice);
    CHECK(notice->key == "notice.answer_not_saved");
    CHECK(f.session->stage() == Stage::Lesson);
    CHECK(f.session->attempt().runtime().current().id == screen);
    CHECK_FALSE(f.session->attempt().runtime().settled());
    CHECK(f.count_events("response") == 0);

    f.seat->db().exec("DROP TRIGGER temp.refuse");
    REQUIRE(f.session->answer(f.session->attempt().runtime().auto_response(true)));
    CHECK(f.count_events("response") == 1);
}

TEST_CASE("a broken lesson gives a notice naming file and line, and the rest keeps working") {
    SeatFixture f;
    f.courses = f.dir.path / "courses";
    write_text(f.courses / "c/course.lua", R"(return course { id = "c", version = "1.0.0", title = "C",
  languages = { "en" }, pass_mark = 0.5, lessons = { { id = "good", file = "lessons/good.lua" }, { id = "bad", file = "lessons/bad.lua" } } })");
    write_text(f.courses / "c/lessons/good.lua",
               R"(return lesson { id = "good", title = "Good", screens = { info { id = "a", title = "A" } } })");
    write_text(f.courses / "c/lessons/bad.lua", "local x = 1\nreturn lesson { id = 'bad', screens = { nil_call() } }\n");
    write_text(f.courses / "broken/course.lua", "return course {");
    f.restart();
    REQUIRE(f.session->broken_courses().size() == 1);
    CHECK(f.session->broken_courses()[0].message.find("course.lua") != std::string::npos);
    f.session->sign_in(f.add("A").id, "");
    f.session->open_lesson("c", "bad");
    CHECK(f.session->stage() == Stage::Home);
    auto notice = f.session->take_notice();
    REQUIRE(notice);
    CHECK(notice->key == "notice.lesson_broken");
    CHECK(notice->detail.find("lessons/bad.lua:2") != std::string::npos);
    f.session->open_lesson("c", "good");
    CHECK(f.session->stage() == Stage::Lesson);
}

TEST_CASE("an open attempt at a course that has changed since is left, with a notice, and a new one starts") {
    SeatFixture f;
    f.courses = f.dir.path / "courses/sample";
    std::filesystem::create_directories(f.courses.parent_path());
    std::filesystem::copy(std::filesystem::path(CBT_SOURCE_DIR) / "courses/sample", f.courses,
                          std::filesystem::copy_options::recursive);
    f.restart();
    f.session->sign_in(f.add("A").id, "");
    f.session->open_lesson("sample", "tour");
    const std::string old_attempt = f.session->attempt().id();
    {
        std::ofstream(f.courses / "lessons/tour.lua", std::ios::app) << "\n-- edited\n";
    }
    f.restart();   // the restored attempt cannot be replayed against the new content
    auto notice = f.session->take_notice();
    REQUIRE(notice);
    CHECK(notice->key == "notice.resume_failed");
    CHECK(f.session->stage() == Stage::Home);
    f.session->open_lesson("sample", "tour");
    CHECK(f.session->stage() == Stage::Lesson);
    CHECK(f.session->attempt().id() != old_attempt);
}

TEST_CASE("while locked, answers and steps are refused") {
    SeatFixture f;
    f.session->sign_in(f.add("A").id, "");
    f.session->open_lesson("sample", "tour");
    f.session->set_locked(true, "Eyes to the front");
    CHECK(f.session->locked());
    CHECK(f.session->lock_message() == "Eyes to the front");
    const std::string screen = f.session->attempt().runtime().current().id;
    f.session->advance();
    CHECK(f.session->attempt().runtime().current().id == screen);
    f.session->set_locked(false);
    f.session->advance();
    CHECK(f.session->attempt().runtime().current().id != screen);
}

TEST_CASE("authoring mode: an edited lesson is re-read and comes back at the same screen; a broken edit says where") {
    SeatFixture f;
    f.courses = f.dir.path / "courses/sample";
    std::filesystem::create_directories(f.courses.parent_path());
    std::filesystem::copy(std::filesystem::path(CBT_SOURCE_DIR) / "courses/sample", f.courses,
                          std::filesystem::copy_options::recursive);
    f.restart();
    CHECK_FALSE(f.session->reload_changed_courses());   // the first call only takes note of the files
    f.session->sign_in(f.add("Author").id, "");
    f.session->open_lesson("sample", "tour");
    for (int i = 0; i < 4; ++i) {
        auto& rt = f.session->attempt().runtime();
        if (course::is_question(rt.current().kind)) f.answer_current(true);
        f.session->advance();
    }
    const std::string screen = f.session->attempt().runtime().current().id;
    const std::string first_attempt = f.session->attempt().id();
    const std::string tour = f.courses / "lessons/tour.lua";
    std::string original;
    {
        std::ifstream in(tour);
        original.assign(std::istreambuf_iterator<char>(in), {});
    }
    CHECK_FALSE(f.session->reload_changed_courses());

    write_text(tour, original + "\n-- an edit\n");
    CHECK(f.session->reload_changed_courses());
    REQUIRE(f.session->stage() == Stage::Lesson);
    CHECK(f.session->attempt().id() != first_attempt);
    CHECK(f.session->attempt().runtime().current().id == screen);
    CHECK_FALSE(f.session->take_notice());

    write_text(tour, "-- broken\nreturn lesson {\n  id = 'tour',\n  screens = { info { id = 'a' }, oops( } }\n");
    CHECK(f.session->reload_changed_courses());
    auto notice = f.session->take_notice();
    REQUIRE(notice);
    CHECK(notice->key == "notice.lesson_broken");
    CHECK(notice->detail.find("lessons/tour.lua:4") != std::string::npos);
    CHECK(f.session->stage() == Stage::Home);

    write_text(tour, original);
    CHECK(f.session->reload_changed_courses());
    REQUIRE(f.session->stage() == Stage::Lesson);
    CHECK(f.session->attempt().runtime().current().id == screen);
}

TEST_CASE("the instructor's commands: lock survives a restart, messages and help replies become notices, end signs out") {
    SeatFixture f;
    f.session->sign_in(f.add("A").id, "");
    f.session->apply_command("lock", {{"message", "Eyes to the front"}});
    CHECK(f.session->locked());
    f.restart();
    CHECK(f.session->locked());
    CHECK(f.session->lock_message() == "Eyes to the front");
    f.session->apply_command("unlock", nlohmann::json::object());
    f.restart();
    CHECK_FALSE(f.session->locked());

    f.session->apply_command("message", {{"text", "Ten minutes left"}});
    auto n = f.session->take_notice();
    REQUIRE(n);
    CHECK(n->key == "notice.instructor_message");
    CHECK(n->detail == "Ten minutes left");

    f.session->request_help();
    f.session->apply_command("help_ack", nlohmann::json::object());
    CHECK_FALSE(f.session->help_requested());
    CHECK(f.session->take_notice()->key == "notice.help_coming");

    f.session->apply_command("assign", {{"courses", {"nothing-here"}}});
    CHECK(f.session->course_status().empty());
    f.restart();
    CHECK(f.session->course_status().empty());   // the assignment is kept
    f.session->apply_command("assign", {{"courses", {"sample"}}});
    CHECK(f.session->course_status().size() == 1);

    f.session->apply_command("no-such-command", {{"x", 1}});   // an older kiosk ignores what it does not know
    f.session->apply_command("end", nlohmann::json::object());
    CHECK(f.session->stage() == Stage::SignIn);
}
