// Transcripts and the class summary, checked against figures worked out by hand from the plays.
#include <doctest/doctest.h>

#include "class_fixture.hpp"
#include "report/transcript.hpp"

using namespace cbt;
using report_test::Classroom;
using report_test::Plan;

namespace {

struct Scenario {
    Classroom c;
    std::int64_t t0 = c.clock.wall_ms();
    std::int64_t quiz_open_ms = 0;
    std::map<std::string, report::Person> roster = {
        {"t1", {"t1", "Бекова Айгерим", "customs", "KG-0001"}},
        {"t2", {"t2", "Aliyev Rustam", "border guard", "UZ-0002"}},
        {"t3", {"t3", "Ахмедов Далер", "drug control", "TJ-0003"}},
    };

    // t1: the tour failed (12 s), then passed (11 s), then the quiz left open on kiosk 1;
    // t2: the tour passed slowly (2 s a screen: 22 s) and the quiz twice, on kiosk 2;
    // t3: on the roster, nothing done; t9: not on the roster, one quiz.
    Scenario() {
        c.play_all(c.kiosk1, "t1", "tour", false);
        c.play_all(c.kiosk1, "t1", "tour", true);
        Plan open;
        open.stop_at = "weights";
        const std::int64_t before = c.clock.wall_ms();
        c.play(c.kiosk1, "t1", "quiz", open);
        quiz_open_ms = c.clock.wall_ms() - before;
        c.play_all(c.kiosk2, "t2", "tour", true, 2000);
        c.play_all(c.kiosk2, "t2", "quiz", true, 1000);   // 4 screens: 4 s
        c.play_all(c.kiosk2, "t2", "quiz", false, 1500);  // 6 s
        c.play_all(c.kiosk2, "t9", "quiz", true, 1000);
    }
};

}  // namespace

TEST_CASE("a trainee's transcript lists attempts and per-lesson best, last, pass and time") {
    Scenario s;
    const auto t = report::transcript(s.c.record(s.roster), "t1");
    CHECK(t.person.name == "Бекова Айгерим");
    CHECK(t.person.id_number == "KG-0001");
    REQUIRE(t.attempts.size() == 3);
    CHECK(t.attempts[0].lesson == "tour");
    CHECK(t.attempts[2].lesson == "quiz");
    CHECK_FALSE(t.attempts[2].finished());

    REQUIRE(t.lessons.size() == 2);
    const auto& tour = t.lessons[0];
    CHECK(tour.course == "sample");
    CHECK(tour.lesson == "tour");
    CHECK(tour.attempts == 2);
    CHECK(tour.finished == 2);
    CHECK(*tour.best_score == doctest::Approx(1.0));
    CHECK(*tour.last_score == doctest::Approx(1.0));
    CHECK(tour.passed);
    CHECK(tour.time_ms == 12'000 + 11'000);

    const auto& quiz = t.lessons[1];
    CHECK(quiz.lesson == "quiz");
    CHECK(quiz.attempts == 1);
    CHECK(quiz.finished == 0);
    CHECK_FALSE(quiz.best_score);
    CHECK_FALSE(quiz.passed);
    CHECK(quiz.time_ms == s.quiz_open_ms);
    CHECK(s.quiz_open_ms == 4'000);

    CHECK(t.time_on_task_ms == 12'000 + 11'000 + 4'000);
}

TEST_CASE("a failed retry does not take back a pass, and the last score is the newest") {
    Classroom c;
    c.play_all(c.kiosk1, "t1", "tour", true);
    c.play_all(c.kiosk2, "t1", "tour", false);
    const auto t = report::transcript(c.record(), "t1");
    REQUIRE(t.lessons.size() == 1);
    CHECK(t.lessons[0].passed);
    CHECK(*t.lessons[0].best_score == doctest::Approx(1.0));
    CHECK(*t.lessons[0].last_score == doctest::Approx(report_test::tour_all_wrong));
    CHECK(t.person.id == "t1");
    CHECK(t.person.name.empty());  // not on the roster
}

TEST_CASE("transcripts cover the roster and every learner in the events, sorted by name") {
    Scenario s;
    const auto all = report::transcripts(s.c.record(s.roster));
    REQUIRE(all.size() == 4);
    // Latin sorts before Cyrillic in UTF-8 byte order; a learner off the roster sorts by id.
    CHECK(all[0].person.id == "t2");
    CHECK(all[1].person.id == "t9");
    CHECK(all[2].person.id == "t3");
    CHECK(all[3].person.id == "t1");
    CHECK(all[1].attempts.size() == 1);
    CHECK(all[2].attempts.empty());
    CHECK(all[2].lessons.empty());
    CHECK(all[2].time_on_task_ms == 0);
}

TEST_CASE("the class summary counts trainees once per lesson, with mean score and median time") {
    Scenario s;
    const auto summary = report::class_summary(s.c.record(s.roster));
    REQUIRE(summary.size() == 2);

    const auto& tour = summary[0];
    CHECK(tour.lesson == "tour");
    CHECK(tour.started == 2);
    CHECK(tour.finished == 2);
    CHECK(tour.passed == 2);
    CHECK(tour.attempts == 3);
    CHECK(tour.finished_attempts == 3);
    CHECK(*tour.mean_score == doctest::Approx(1.0));  // best of t1 (1.0) and t2 (1.0)
    CHECK(*tour.mean_attempt_score == doctest::Approx((report_test::tour_all_wrong + 2) / 3));
    CHECK(*tour.median_time_ms == 12'000);  // of 12, 11 and 22 s

    const auto& quiz = summary[1];
    CHECK(quiz.lesson == "quiz");
    CHECK(quiz.started == 3);  // t1 (open), t2, t9
    CHECK(quiz.finished == 2);
    CHECK(quiz.passed == 2);
    CHECK(quiz.attempts == 4);
    CHECK(quiz.finished_attempts == 3);
    CHECK(*quiz.mean_score == doctest::Approx(1.0));  // t2's best and t9's
    CHECK(*quiz.mean_attempt_score == doctest::Approx(2.0 / 3.0));
    CHECK(*quiz.median_time_ms == 4'000);  // of 4, 6 and 4 s
}

TEST_CASE("an even number of times has the mean of the middle two as median; no attempts, no figures") {
    Classroom c;
    c.play_all(c.kiosk1, "t1", "quiz", true, 1000);  // 4 s
    c.play_all(c.kiosk2, "t2", "quiz", true, 1500);  // 6 s
    const auto summary = report::class_summary(c.record());
    REQUIRE(summary.size() == 1);
    CHECK(*summary[0].median_time_ms == 5'000);
    CHECK(report::class_summary(report::ClassRecord{}).empty());

    Plan open;
    open.stop_at = "weights";
    Classroom d;
    d.play(d.kiosk1, "t1", "quiz", open);
    const auto only_open = report::class_summary(d.record());
    REQUIRE(only_open.size() == 1);
    CHECK(only_open[0].started == 1);
    CHECK(only_open[0].finished == 0);
    CHECK_FALSE(only_open[0].mean_score);
    CHECK_FALSE(only_open[0].median_time_ms);
}
