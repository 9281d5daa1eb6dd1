// Lesson progress rebuilt from journaled attempts of the sample course.
#include <doctest/doctest.h>

#include "base/clock.hpp"
#include "course/attempt.hpp"
#include "report/progress.hpp"
#include "store/journal.hpp"
#include "../course/sample_course.hpp"

using namespace cbt;
using report::LessonState;

namespace {

struct Fixture {
    store::Database db = store::Database::open_in_memory();
    store::Journal journal{db, "dev-1"};
    base::ManualClock clock;

    // Plays a whole attempt at a lesson, right or wrong; returns its id.
    std::string play(const std::string& lesson, bool correct, const std::string& learner = "t1") {
        auto a = course::Attempt::start(sample_course(), {lesson, learner, "en", 7}, journal, clock);
        while (!a->finished()) {
            clock.advance_ms(1000);
            auto& rt = a->runtime();
            if (course::is_question(rt.current().kind))
                while (!rt.settled()) a->answer(rt.auto_response(correct));
            a->advance();
        }
        return a->id();
    }

    std::vector<report::LessonProgress> progress(const std::string& learner = "t1") {
        return report::course_progress(sample_course(), journal.for_learner(learner));
    }
};

const report::LessonProgress& lesson(const std::vector<report::LessonProgress>& all, const std::string& id) {
    for (const auto& p : all)
        if (p.lesson_id == id) return p;
    throw std::runtime_error("no lesson " + id);
}

}  // namespace

TEST_CASE("a learner with no events has every lesson not started, in course order") {
    Fixture f;
    const auto p = f.progress();
    REQUIRE(p.size() == sample_course().lessons.size());
    CHECK(p[0].lesson_id == "tour");
    CHECK(p[1].lesson_id == "quiz");
    for (const auto& l : p) {
        CHECK(l.state == LessonState::NotStarted);
        CHECK_FALSE(l.best_score);
        CHECK_FALSE(l.open_attempt);
    }
}

TEST_CASE("an attempt that was started and not finished is in progress and can be continued") {
    Fixture f;
    auto a = course::Attempt::start(sample_course(), {"tour", "t1", "en", 1}, f.journal, f.clock);
    const auto p = f.progress();
    CHECK(lesson(p, "tour").state == LessonState::InProgress);
    CHECK(lesson(p, "tour").open_attempt == a->id());
    CHECK(lesson(p, "quiz").state == LessonState::NotStarted);
}

TEST_CASE("finished attempts give passed or failed, with best and last scores") {
    Fixture f;
    f.play("tour", false);
    auto p = f.progress();
    CHECK(lesson(p, "tour").state == LessonState::Failed);
    CHECK(lesson(p, "tour").finished_attempts == 1);
    const double low = *lesson(p, "tour").best_score;
    CHECK(low < sample_course().pass_mark);

    f.play("tour", true);
    f.play("tour", false);
    p = f.progress();
    CHECK(lesson(p, "tour").state == LessonState::Passed);   // passed once: it stays passed
    CHECK(lesson(p, "tour").finished_attempts == 3);
    CHECK(*lesson(p, "tour").best_score == doctest::Approx(1.0));
    CHECK(*lesson(p, "tour").last_score == doctest::Approx(low));
}

TEST_CASE("an open attempt older than a finished one was abandoned and is not offered") {
    Fixture f;
    auto old = course::Attempt::start(sample_course(), {"tour", "t1", "en", 1}, f.journal, f.clock);
    f.clock.advance_ms(5000);
    f.play("tour", true);
    auto p = f.progress();
    CHECK(lesson(p, "tour").state == LessonState::Passed);
    CHECK_FALSE(lesson(p, "tour").open_attempt);

    f.clock.advance_ms(5000);
    auto again = course::Attempt::start(sample_course(), {"tour", "t1", "en", 2}, f.journal, f.clock);
    p = f.progress();
    CHECK(lesson(p, "tour").state == LessonState::InProgress);
    CHECK(lesson(p, "tour").open_attempt == again->id());
    CHECK(lesson(p, "tour").best_score);
}

TEST_CASE("other learners' events and attempts at other content are not counted") {
    Fixture f;
    f.play("tour", true, "someone-else");
    CHECK(f.progress()[0].state == LessonState::NotStarted);

    course::Course changed = sample_course();
    changed.content_hash = std::string(64, '0');
    auto a = course::Attempt::start(sample_course(), {"tour", "t1", "en", 1}, f.journal, f.clock);
    const auto p = report::course_progress(changed, f.journal.for_learner("t1"));
    CHECK(p[0].state == LessonState::NotStarted);   // cannot be resumed against other content

    course::Course other = sample_course();
    other.id = "other";
    CHECK(report::course_progress(other, f.journal.for_learner("t1"))[0].state == LessonState::NotStarted);
}

TEST_CASE("state names") {
    CHECK(std::string(report::state_name(LessonState::NotStarted)) == "not_started");
    CHECK(std::string(report::state_name(LessonState::InProgress)) == "in_progress");
    CHECK(std::string(report::state_name(LessonState::Passed)) == "passed");
    CHECK(std::string(report::state_name(LessonState::Failed)) == "failed");
}
