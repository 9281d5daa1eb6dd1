// Lesson progress derived from events: attempts are grouped by id, and a lesson's state comes
// from its newest open attempt and its finished ones.
#include "report/progress.hpp"

#include <algorithm>
#include <map>

#include "course/attempt.hpp"

namespace cbt::report {
namespace ev = course::event_type;

namespace {

struct AttemptSummary {
    std::string lesson;
    std::string content_hash;
    std::int64_t started_at = 0;
    bool finished = false;
    bool passed = false;
    double score = 0;
    std::int64_t finished_at = 0;
};

std::string text_of(const nlohmann::json& payload, const char* field) {
    const auto it = payload.find(field);
    return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::vector<LessonProgress> course_progress(const course::Course& course, const std::vector<store::Event>& events) {
    std::map<std::string, AttemptSummary> attempts;
    for (const store::Event& e : events) {
        if (e.attempt.empty()) continue;
        if (e.type == ev::attempt_started) {
            if (text_of(e.payload, "course") != course.id) continue;
            AttemptSummary& a = attempts[e.attempt];
            a.lesson = text_of(e.payload, "lesson");
            a.content_hash = text_of(e.payload, "content_hash");
            a.started_at = e.at_ms;
        } else if (e.type == ev::attempt_finished) {
            AttemptSummary& a = attempts[e.attempt];
            a.finished = true;
            a.passed = e.payload.value("passed", false);
            a.score = e.payload.value("score", 0.0);
            a.finished_at = e.at_ms;
        }
    }

    std::vector<LessonProgress> out;
    for (const course::LessonEntry& entry : course.lessons) {
        LessonProgress p;
        p.lesson_id = entry.id;
        p.title = entry.title;
        bool any_passed = false;
        std::int64_t last_finished_at = -1, open_started_at = -1, newest_finished_start = -1;
        for (const auto& [id, a] : attempts) {
            if (a.lesson != entry.id) continue;
            if (a.finished) {
                ++p.finished_attempts;
                newest_finished_start = std::max(newest_finished_start, a.started_at);
                any_passed = any_passed || a.passed;
                if (!p.best_score || a.score > *p.best_score) p.best_score = a.score;
                if (a.finished_at >= last_finished_at) {
                    last_finished_at = a.finished_at;
                    p.last_score = a.score;
                }
            } else if (a.started_at > 0 && a.content_hash == course.content_hash && a.started_at >= open_started_at) {
                // An attempt at other content cannot be resumed; it is left as it stands.
                open_started_at = a.started_at;
                p.open_attempt = id;
            }
        }
        // An open attempt older than a finished one was abandoned (the trainee started afresh).
        if (p.open_attempt && open_started_at < newest_finished_start) p.open_attempt.reset();
        if (p.open_attempt) p.state = LessonState::InProgress;
        else if (any_passed) p.state = LessonState::Passed;
        else if (p.finished_attempts > 0) p.state = LessonState::Failed;
        out.push_back(std::move(p));
    }
    return out;
}

const char* state_name(LessonState state) {
    switch (state) {
        case LessonState::NotStarted: return "not_started";
        case LessonState::InProgress: return "in_progress";
        case LessonState::Passed: return "passed";
        case LessonState::Failed: return "failed";
    }
    return "?";
}

}  // namespace cbt::report
