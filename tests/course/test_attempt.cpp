// Journaled attempts: the events written, and resume by replay from any point giving the same
// screens and the same final score as an uninterrupted run.
#include <doctest/doctest.h>

#include "course/attempt.hpp"
#include "sample_course.hpp"

using namespace cbt::course;
using cbt::store::Database;
using cbt::store::Journal;

namespace {

// Plays with automatic answers, alternating right and wrong so branches and retries occur.
void play(Attempt& attempt, int& answers_given) {
    LessonRuntime& rt = attempt.runtime();
    while (!attempt.finished()) {
        if (is_question(rt.current().kind)) {
            while (!rt.settled()) attempt.answer(rt.auto_response(answers_given++ % 3 != 1));
        }
        attempt.advance();
    }
}

}  // namespace

TEST_CASE("an attempt journals its start, screens, answers and end") {
    Database db = Database::open_in_memory();
    Journal journal(db, "kiosk-3");
    cbt::base::ManualClock clock;
    auto attempt = Attempt::start(sample_course(), {"quiz", "amina", "ru", 99}, journal, clock);
    clock.advance_ms(4200);
    attempt->answer(attempt->runtime().auto_response(true));
    attempt->advance();
    attempt->request_help();

    const auto events = journal.for_attempt(attempt->id());
    REQUIRE(events.size() == 5);
    CHECK(events[0].type == event_type::attempt_started);
    CHECK(events[0].payload["content_hash"] == sample_course().content_hash);
    CHECK(events[0].payload["seed"] == "99");
    CHECK(events[0].payload["lang"] == "ru");
    CHECK(events[1].type == event_type::screen_shown);
    CHECK(events[2].type == event_type::response);
    CHECK(events[2].payload["time_ms"] == 4200);
    CHECK(events[2].payload["score"] == 1.0);
    CHECK(events[2].learner == "amina");
    CHECK(events[3].type == event_type::screen_shown);
    CHECK(events[4].type == event_type::help_requested);
    CHECK(unfinished_attempts(journal, "amina") == std::vector<std::string>{attempt->id()});
}

TEST_CASE("a replayed attempt equals the live one, from every point it could have stopped") {
    const Course& course = sample_course();
    for (const std::string lesson : {"tour", "quiz"}) {
        CAPTURE(lesson);
        Database db = Database::open_in_memory();
        Journal journal(db, "kiosk-1");
        cbt::base::ManualClock clock;
        auto live = Attempt::start(course, {lesson, "timur", "en", 1234}, journal, clock);
        int given = 0;
        play(*live, given);
        const LessonResult expected = live->runtime().result();
        CHECK(unfinished_attempts(journal, "timur").empty());

        const auto events = journal.for_attempt(live->id());
        // The start and the first screen are committed together, so the shortest journal has two events.
        for (std::size_t cut = 2; cut <= events.size(); ++cut) {
            CAPTURE(cut);
            // A fresh journal holding only what had been committed before the "crash".
            Database copy_db = Database::open_in_memory();
            Journal copy(copy_db, "kiosk-1");
            copy.ingest(std::vector(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(cut)));
            auto resumed = Attempt::resume(course, live->id(), copy, clock);
            // Continue exactly as the trainee would have.
            int resumed_given = 0;
            for (std::size_t i = 0; i < cut; ++i) resumed_given += events[i].type == event_type::response;
            play(*resumed, resumed_given);
            const LessonResult r = resumed->runtime().result();
            CHECK(r.score == doctest::Approx(expected.score));
            CHECK(r.passed == expected.passed);
            REQUIRE(r.items.size() == expected.items.size());
            for (std::size_t k = 0; k < r.items.size(); ++k) {
                CHECK(r.items[k].screen_id == expected.items[k].screen_id);
                CHECK(r.items[k].answer == expected.items[k].answer);
            }
            // Nothing committed is doubled: the resumed run only appended after the cut.
            const auto after = copy.for_attempt(live->id());
            CHECK(after.size() == events.size());
            for (std::size_t k = 0; k < after.size(); ++k) CHECK(after[k].type == events[k].type);
        }
    }
}

TEST_CASE("an attempt cannot be resumed against a changed course") {
    Database db = Database::open_in_memory();
    Journal journal(db, "kiosk-1");
    cbt::base::ManualClock clock;
    auto attempt = Attempt::start(sample_course(), {"quiz", "amina", "en", 5}, journal, clock);
    Course changed = sample_course();
    changed.content_hash = "0000";
    CHECK_THROWS_WITH_AS(Attempt::resume(changed, attempt->id(), journal, clock), doctest::Contains("has changed"),
                         CourseError);
    CHECK_THROWS_AS(Attempt::resume(sample_course(), "no-such-attempt", journal, clock), CourseError);
}
