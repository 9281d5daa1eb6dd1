// The lesson state machine: builds each screen from the lesson's Lua, takes answers, scores
// them, and decides the next screen. Deterministic: the same course, seed and answers give the
// same screens and score, which is what makes resume-by-replay and re-scoring possible.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "course/course.hpp"
#include "course/definition_reader.hpp"
#include "course/random.hpp"
#include "course/response.hpp"
#include "course/sandbox.hpp"
#include "course/screen.hpp"

namespace cbt::course {

// What one answer earned and what to show the trainee about it.
struct Outcome {
    double score = 0;          // 0..1, before weight
    bool correct = false;
    bool settled = false;      // no tries left, or right: the screen can be left
    int tries_used = 0;
    int tries_left = 0;
    std::vector<LocalText> feedback;
    LocalText explanation;     // set once settled
};

// The standing result of one question screen.
struct ItemResult {
    std::string screen_id;
    ScreenKind kind = ScreenKind::Info;
    double weight = 1;
    double score = 0;
    bool correct = false;
    bool settled = false;
    int tries = 0;
    nlohmann::json answer;     // the last response, in its JSON form
};

struct LessonResult {
    bool finished = false;
    bool timed_out = false;
    bool has_questions = false;
    double score = 0;          // weighted share of marks, 0..1 (1 for a lesson without questions)
    double pass_mark = 0;
    bool passed = false;       // finished and score >= pass_mark
    std::vector<ItemResult> items;   // in the order first answered (unanswered shown ones last, at 0)
};

class LessonRuntime {
public:
    // Loads the lesson and draws its pools. Throws CourseError for a broken lesson.
    LessonRuntime(const Course& course, const std::string& lesson_id, std::uint64_t seed, std::string language,
                  SandboxLimits limits = {});
    ~LessonRuntime();
    LessonRuntime(const LessonRuntime&) = delete;
    LessonRuntime& operator=(const LessonRuntime&) = delete;

    const Course& course() const { return course_; }
    const LessonDefinition& lesson() const { return lesson_; }
    std::uint64_t seed() const { return seed_; }
    const std::string& language() const { return language_; }
    double pass_mark() const { return lesson_.pass_mark.value_or(course_.pass_mark); }

    bool finished() const { return finished_; }
    // The screen being shown; requires !finished().
    const Screen& current() const;
    // True when the current screen may be left (information, or a question settled).
    bool settled() const { return settled_; }
    int tries_used() const { return tries_; }

    // Scores an answer to the current question. Throws std::logic_error when the screen takes no
    // answer now, std::invalid_argument when the answer does not fit, CourseError when a hook fails.
    Outcome answer(const Response& response);
    // Moves to the next screen (following `next`), or finishes. Requires settled().
    void advance();
    // Ends the lesson now (time limit reached); shown but unanswered questions score 0, and so do
    // the questions not reached yet on the lesson's straight path.
    void finish_early();

    // Canvas screens: the display list as the simulation drew it last.
    const DisplayList& display() const { return display_; }
    // Sends a click on a region to the simulation; true when its `done` hook says it is complete.
    bool canvas_click(const std::string& region);
    // Regions clicked on the current canvas so far (what an answer to it replays).
    const std::vector<std::string>& canvas_clicks() const { return clicks_; }

    // The answer that earns full marks (`correct`) or that is wrong on purpose, for --auto and
    // for `cbt check`: the author's `solution`/`wrong` when given, otherwise derived from the key.
    Response auto_response(bool correct) const;

    LessonResult result() const;

    // Place on the lesson's straight path (0-based) and its length, for a progress bar.
    std::size_t position() const { return index_; }
    std::size_t length() const { return plan_.size(); }
    // Every screen id the attempt will offer, in path order (pools already drawn).
    std::vector<std::string> plan_ids() const;
    // Every screen id the lesson defines, including pool items this attempt did not draw.
    const std::vector<std::string>& defined_ids() const { return defined_ids_; }
    // Lines the lesson printed.
    const std::vector<std::string>& printed() const { return printed_; }

private:
    struct PlanEntry {
        std::string id;
        nlohmann::json definition;   // the screen table, or a dynamic{} with its build hook
        bool dynamic = false;
        bool shuffle_by_default = false;
    };

    void build_plan();
    void enter(std::size_t index);
    void shuffle_screen(const PlanEntry& entry);
    void call_hook(const nlohmann::json& ref, Rng* rng, int nargs, int nresults);
    void push_context();
    void reset_canvas_state();
    bool run_canvas_click(const std::string& region);
    void redraw();
    double score_custom(const Response& response);
    std::size_t index_of(const std::string& id, const char* hook) const;
    const nlohmann::json* hook(const char* name) const;
    [[noreturn]] void fail(const std::string& message) const;
    void push_item_result(const std::string& id);
    friend struct ContextAccess;

    const Course& course_;
    std::uint64_t seed_;
    std::string language_;
    Sandbox sandbox_;
    LessonDefinition lesson_;
    std::vector<PlanEntry> plan_;
    std::vector<std::string> defined_ids_;
    int context_ref_ = 0;

    std::size_t index_ = 0;
    bool finished_ = false;
    bool timed_out_ = false;
    nlohmann::json current_definition_;
    Screen screen_;
    bool settled_ = false;
    int tries_ = 0;

    int canvas_state_ref_ = 0;
    std::optional<Rng> canvas_rng_;
    DisplayList display_;
    std::vector<std::string> clicks_;

    std::vector<ItemResult> items_;
    std::map<std::string, std::size_t> item_index_;
    std::vector<std::string> shown_questions_;
    std::vector<std::string> printed_;
};

}  // namespace cbt::course
