// A trainee's progress through a course, derived from journal events alone: nothing here is
// stored, so it can always be rebuilt and always agrees with the journal.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "course/course.hpp"
#include "store/journal.hpp"

namespace cbt::report {

enum class LessonState { NotStarted, InProgress, Passed, Failed };

struct LessonProgress {
    std::string lesson_id;
    course::LocalText title;
    LessonState state = LessonState::NotStarted;
    std::optional<double> best_score;     // best finished attempt, 0..1
    std::optional<double> last_score;     // most recent finished attempt
    int finished_attempts = 0;
    std::optional<std::string> open_attempt;   // newest unfinished attempt, if any
};

// Progress of one learner in one course, lessons in course order. `events` are that learner's
// events (any order, any devices); attempts of other courses are ignored.
std::vector<LessonProgress> course_progress(const course::Course& course, const std::vector<store::Event>& events);

// Display name of a state for logs and JSON ("not_started", "in_progress", "passed", "failed").
const char* state_name(LessonState state);

}  // namespace cbt::report
