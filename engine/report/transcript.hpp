// Per-trainee transcripts and the class summary, both built from attempt summaries. A trainee is
// counted once per lesson in the summary however many times they tried it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/attempts.hpp"
#include "report/people.hpp"

namespace cbt::report {

// One trainee's standing in one lesson.
struct LessonRecord {
    std::string course;
    std::string lesson;
    int attempts = 0;  // started, open ones included
    int finished = 0;
    std::optional<double> best_score;  // best finished attempt, 0..1
    std::optional<double> last_score;  // most recently finished attempt
    bool passed = false;               // any finished attempt passed: a pass is never taken back
    std::int64_t time_ms = 0;          // time on task over all its attempts
};

// Everything one trainee did.
struct Transcript {
    Person person;                         // from the roster; only `id` is set for a learner not on it
    std::vector<AttemptSummary> attempts;  // by start time
    std::vector<LessonRecord> lessons;     // in the order the trainee first started them
    std::int64_t time_on_task_ms = 0;      // sum of attempt_duration_ms over every attempt
};

// One lesson across the class.
struct LessonSummary {
    std::string course;
    std::string lesson;
    int started = 0;   // trainees with at least one attempt
    int finished = 0;  // trainees with at least one finished attempt
    int passed = 0;    // trainees with at least one passed attempt
    int attempts = 0;  // attempts started, every trainee's
    int finished_attempts = 0;
    std::optional<double> mean_score;            // mean of each trainee's best score: one voice each
    std::optional<double> mean_attempt_score;    // mean over every finished attempt
    std::optional<std::int64_t> median_time_ms;  // median duration of finished attempts
};

// The transcript of one learner (empty attempts when they have none).
Transcript transcript(const ClassRecord& record, const std::string& learner);

// Transcripts of everyone on the roster or in the events, sorted by name, then id.
std::vector<Transcript> transcripts(const ClassRecord& record);

// Per-lesson class figures, in the order the class first started the lessons. The median of an
// even count is the mean of the middle two, rounded down to the millisecond.
std::vector<LessonSummary> class_summary(const ClassRecord& record);

}  // namespace cbt::report
