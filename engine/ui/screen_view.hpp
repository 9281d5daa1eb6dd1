// One lesson screen as widgets: the reading part (title, paragraphs, headings, lists, pictures),
// the answer controls for each ScreenKind, and the draft answer they build. Also the words a
// review uses to describe a given answer. No session calls here: the lesson view owns those.
#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "course/lesson_runtime.hpp"
#include "course/response.hpp"
#include "course/screen.hpp"
#include "ui/ui_context.hpp"

namespace cbt::ui {

// The answer being built on the current screen, before it is submitted.
struct ScreenDraft {
    std::string key;                             // which attempt and screen it belongs to
    std::optional<std::string> choice;           // single
    std::set<std::string> picked;                // multiple
    std::optional<bool> flag;                    // true/false
    std::map<std::string, std::string> matches;  // matching: left id -> right id
    int row = 0;                                 // matching: row the keyboard works on
    std::vector<std::string> order;              // ordering: item ids as arranged now
    int order_pick = -1;                         // ordering: item the keyboard moves
    std::string typed;                           // numeric and short text
    std::vector<course::Point> points;           // hotspot, in image units
    bool focus_field = true;                     // give the text field focus once
};

// What the screen view needs to draw one screen.
struct ScreenContext {
    const course::Course& course;
    const course::Screen& screen;
    const course::DisplayList& display;                    // canvas screens
    bool answerable = true;                                // false once settled
    const course::Outcome* outcome = nullptr;              // the last answer's outcome, if any
    std::function<void(const std::string&)> canvas_click;  // a canvas region was clicked
    std::function<void()> submit;                          // Enter in a text field
};

// Resets the draft when it belongs to another screen than `key`.
void reset_draft(ScreenDraft& draft, const std::string& key, const course::Screen& screen);

// Title, content blocks and prompt.
void draw_reading(Ui& ui, const ScreenContext& ctx, float width);
// Content blocks alone (the results review shows explanations with them).
void draw_blocks(Ui& ui, const course::Course& course, const std::vector<course::Block>& blocks, float width);
// The answer controls of a question screen, with its keyboard shortcuts.
void draw_answer(Ui& ui, const ScreenContext& ctx, ScreenDraft& draft, float width);
// The response the draft makes, or nullopt while it is incomplete.
std::optional<course::Response> draft_response(const course::Screen& screen, const ScreenDraft& draft,
                                               const course::LessonRuntime& runtime);

// Reads a typed number: spaces ignored, a decimal comma or point, an optional sign.
std::optional<double> parse_number(const std::string& typed);
// A number as a trainee writes it in `lang` (decimal comma in Russian).
std::string format_number(double value, const std::string& lang);
// An answer, in its JSON form, in words for the results review.
std::string describe_answer(Ui& ui, const course::Course& course, const course::Screen* screen, course::ScreenKind kind,
                            const nlohmann::json& answer);
// Every screen written out in a lesson file (pool items included; dynamic screens cannot be).
std::map<std::string, course::Screen> written_screens(const course::LessonDefinition& lesson);

}  // namespace cbt::ui
