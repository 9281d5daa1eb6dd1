// Attempt summaries from the events of two kiosks: fields read right, open attempts kept, and
// events repeated or shuffled by sync changing nothing.
#include <doctest/doctest.h>

#include "class_fixture.hpp"
#include "report/attempts.hpp"

using namespace cbt;
using report_test::Classroom;
using report_test::Plan;

TEST_CASE("attempts of several learners on two kiosks are summarised, sorted by start") {
    Classroom c;
    const std::int64_t t0 = c.clock.wall_ms();
    const auto right = c.play_all(c.kiosk1, "t1", "tour", true);
    const auto wrong = c.play_all(c.kiosk2, "t2", "tour", false);
    Plan open;
    open.right = {"lab", "ice", "morphine", "route", "precursor", "hashish"};
    open.stop_at = "weights";
    open.help_at = "weights";
    const auto unfinished = c.play(c.kiosk2, "t3", "quiz", open);

    const auto all = report::attempts(c.record());
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == right.id);
    CHECK(all[1].id == wrong.id);
    CHECK(all[2].id == unfinished.id);

    const auto& a = all[0];
    CHECK(a.learner == "t1");
    CHECK(a.device_id == "kiosk-01");
    CHECK(a.seat == 1);
    CHECK(a.course == "sample");
    CHECK(a.course_version == "1.0.0");
    CHECK(a.lesson == "tour");
    CHECK(a.lang == "en");
    CHECK(a.started_at_ms == t0);
    CHECK(right.steps == 11);  // ten screens and the end, no recap
    CHECK(a.finished_at_ms == t0 + 11'000);
    CHECK(*a.score == doctest::Approx(1.0));
    CHECK(a.passed);
    CHECK_FALSE(a.timed_out);
    CHECK(a.responses == 9);  // one right answer per question
    CHECK(a.help_requests == 0);
    CHECK(report::attempt_duration_ms(a) == 11'000);

    const auto& b = all[1];
    CHECK(b.learner == "t2");
    CHECK(b.device_id == "kiosk-02");
    CHECK(b.seat == 2);
    CHECK(b.started_at_ms == t0 + 11'000);
    CHECK(wrong.steps == 12);  // the recap screen after the missed colour test
    CHECK(b.finished_at_ms == t0 + 23'000);
    CHECK(*b.score == doctest::Approx(report_test::tour_all_wrong));
    CHECK_FALSE(b.passed);
    CHECK(b.responses == 10);  // the colour test allows two tries

    const auto& u = all[2];
    CHECK(u.lesson == "quiz");
    CHECK_FALSE(u.finished());
    CHECK_FALSE(u.score);
    CHECK(u.responses == 4);  // three pool questions, then one answer to the last screen
    CHECK(u.help_requests == 1);
    CHECK(u.last_at_ms == t0 + 23'000 + 4'000);
    CHECK(report::attempt_duration_ms(u) == 4'000);  // an open attempt runs to its newest event
}

TEST_CASE("events repeated and shuffled, as retried sync batches leave them, are counted once") {
    Classroom c;
    c.play_all(c.kiosk1, "t1", "tour", true);
    c.play_all(c.kiosk2, "t2", "tour", false);
    c.play_all(c.kiosk2, "t1", "quiz", true);
    auto record = c.record();
    const auto expected = report::attempts(record);
    REQUIRE(expected.size() == 3);

    for (unsigned seed = 1; seed <= 5; ++seed) {
        auto messy = record;
        messy.events = report_test::shuffled_with_repeats(record.events, seed);
        REQUIRE(messy.events.size() > record.events.size());
        CHECK(report::attempts(messy) == expected);
        CHECK(report::distinct_events(messy.events) == report::distinct_events(record.events));
    }
    CHECK(report::distinct_events(record.events).size() == record.events.size());
}

TEST_CASE("the first copy of a key wins, and distinct events are ordered by device then seq") {
    store::Event a{"kiosk-02", 1, "help_requested", "t1", "", 5, nlohmann::json::object()};
    store::Event b{"kiosk-01", 2, "help_requested", "t1", "", 9, nlohmann::json::object()};
    store::Event a_again = a;
    a_again.at_ms = 99;  // a corrupt repeat must not replace what was held first
    const auto out = report::distinct_events({a, b, a_again});
    REQUIRE(out.size() == 2);
    CHECK(out[0] == b);
    CHECK(out[1] == a);
}

TEST_CASE("an attempt continued at another seat keeps its events in the order they happened") {
    Classroom c;
    Plan plan;
    plan.right = report_test::tour_questions;
    plan.stop_at = "border";
    const auto first_part = c.play(c.kiosk1, "t1", "tour", plan);
    // The trainee moves to another kiosk, which gets the attempt's events from the host and
    // resumes it. Its id sorts first, so only time can put its events after kiosk 1's.
    c.clock.advance_ms(60'000);
    store::Database other = store::Database::open_in_memory();
    store::Journal moved{other, "kiosk-00"};
    moved.ingest(c.kiosk1.for_attempt(first_part.id));
    auto there = course::Attempt::resume(sample_course(), first_part.id, moved, c.clock);
    while (!there->finished()) {
        c.clock.advance_ms(1000);
        auto& rt = there->runtime();
        if (course::is_question(rt.current().kind))
            while (!rt.settled()) there->answer(rt.auto_response(true));
        there->advance();
    }

    report::ClassRecord record;
    record.events = c.kiosk1.after("kiosk-01", 0, 100'000);
    const auto second_part = moved.after("kiosk-00", 0, 100'000);
    record.events.insert(record.events.end(), second_part.begin(), second_part.end());
    record.seats = {{"kiosk-01", 4}};

    const auto grouped = report::events_by_attempt(report::distinct_events(record.events));
    REQUIRE(grouped.size() == 1);
    const auto& events = grouped.at(first_part.id);
    CHECK(events.front().type == "attempt_started");
    CHECK(events.back().type == "attempt_finished");
    CHECK(events.back().device_id == "kiosk-00");
    const auto moved_at =
        std::find_if(events.begin(), events.end(), [](const store::Event& e) { return e.device_id == "kiosk-00"; });
    REQUIRE(moved_at != events.end());
    CHECK(std::prev(moved_at)->type == "response");  // the answer to `border`, the last on kiosk 1
    CHECK(std::all_of(moved_at, events.end(), [](const store::Event& e) { return e.device_id == "kiosk-00"; }));

    const auto all = report::attempts(record);
    REQUIRE(all.size() == 1);
    CHECK(all[0].device_id == "kiosk-01");  // where it started
    CHECK(all[0].seat == 4);
    CHECK(all[0].finished());
    CHECK(*all[0].score == doctest::Approx(1.0));
    CHECK(all[0].responses == 9);
}

TEST_CASE("an attempt whose start has not arrived yet is left out") {
    Classroom c;
    const auto played = c.play_all(c.kiosk1, "t1", "tour", true);
    auto record = c.record();
    std::erase_if(record.events, [](const store::Event& e) { return e.type == "attempt_started"; });
    CHECK(report::attempts(record).empty());
    CHECK(report::events_by_attempt(record.events).at(played.id).size() > 0);
}
