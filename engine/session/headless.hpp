// --headless: the kiosk's session played without a window, answering from a script. Tests,
// load runs and crash drills use it; it goes through the same Session as the window does.
#pragma once
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "session/session.hpp"

namespace cbt::session {

enum class ScriptMode { AutoCorrect, AutoWrong, AnswersFile };

struct HeadlessOptions {
    std::string learner;                      // trainee id or name; added to the roster if missing
    std::optional<std::string> course_id;     // default: every offered course
    std::optional<std::string> lesson_id;     // default: every lesson of the course(s)
    std::optional<std::string> language;      // default: the trainee's, else the course's first
    ScriptMode mode = ScriptMode::AutoCorrect;
    nlohmann::json answers;                   // ScriptMode::AnswersFile: {"screen" or "lesson/screen": answer}
    std::optional<std::uint64_t> seed;        // every attempt's seed (default: random per attempt)
    int delay_ms = 0;                         // pause before each answer and each step
    std::optional<std::string> stop_at;       // leave the lesson open once this screen is shown
    bool json = false;                        // print one JSON object at the end instead of lines
};

// Plays every chosen lesson the trainee has not finished yet, resuming open attempts, then
// prints the results. Returns 0 when all went through (pass or fail), 1 on a lesson error.
// With stop_at, it stops as soon as that screen is shown, leaving the attempt open where a
// restarted kiosk (windowed or not) takes it up: benchmarks and screenshots start from there.
int run_headless(Session& session, const HeadlessOptions& options, std::ostream& out);

}  // namespace cbt::session
