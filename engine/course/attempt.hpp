// An attempt at a lesson, journaled: every step is committed to the event journal before it is
// acknowledged, and an interrupted attempt is rebuilt by replaying its events (resume = replay).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "course/lesson_runtime.hpp"
#include "store/journal.hpp"

namespace cbt::course {

// Event types an attempt writes. Payload fields are listed in docs/journal.md.
namespace event_type {
inline constexpr const char* attempt_started = "attempt_started";
inline constexpr const char* screen_shown = "screen_shown";
inline constexpr const char* response = "response";
inline constexpr const char* attempt_finished = "attempt_finished";
inline constexpr const char* help_requested = "help_requested";
}  // namespace event_type

struct AttemptStart {
    std::string lesson_id;
    std::string learner;
    std::string language;
    std::uint64_t seed = 0;
};

class Attempt {
public:
    // Begins a new attempt: journals attempt_started and the first screen.
    static std::unique_ptr<Attempt> start(const Course& course, const AttemptStart& how, store::Journal& journal,
                                          const base::Clock& clock, SandboxLimits limits = {});
    // Rebuilds an attempt from its journaled events. Throws CourseError when the course has
    // changed since the attempt began or the replay does not reproduce the journal.
    static std::unique_ptr<Attempt> resume(const Course& course, const std::string& attempt_id, store::Journal& journal,
                                           const base::Clock& clock, SandboxLimits limits = {});

    const std::string& id() const { return id_; }
    const std::string& learner() const { return learner_; }
    LessonRuntime& runtime() { return *runtime_; }
    const LessonRuntime& runtime() const { return *runtime_; }
    bool finished() const { return runtime_->finished(); }

    // Scores the answer, commits it to the journal, then returns. If the journal write fails
    // (store::StoreError) nothing was recorded and this object must be dropped and the attempt
    // resumed from the journal.
    Outcome answer(const Response& response);
    // Moves on and journals the screen shown, or the attempt's end.
    void advance();
    // Ends the attempt because its time ran out.
    void time_up();
    // Journals a call for the instructor's help at the current screen.
    void request_help();

private:
    Attempt(const Course& course, std::string id, std::string learner, store::Journal& journal, const base::Clock& clock)
        : course_(course), id_(std::move(id)), learner_(std::move(learner)), journal_(journal), clock_(clock) {}
    void record(const char* type, nlohmann::json payload);
    void record_position();

    const Course& course_;
    std::string id_;
    std::string learner_;
    store::Journal& journal_;
    const base::Clock& clock_;
    std::unique_ptr<LessonRuntime> runtime_;
    std::int64_t screen_started_ms_ = 0;
};

// Attempts of a learner that were started and never finished, newest first.
std::vector<std::string> unfinished_attempts(const store::Journal& journal, const std::string& learner);

}  // namespace cbt::course
