// Turns the plain data a course file produced (as JSON, with hooks as function references) into
// typed models, collecting every problem with its file and line instead of stopping at the first.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "course/problem.hpp"
#include "course/screen.hpp"
#include "course/text.hpp"

namespace cbt::course {

// Where a value came from, for messages.
struct Location {
    std::string file;
    int line = 0;
};

// Collects problems for one file.
class ProblemList {
public:
    explicit ProblemList(std::vector<Problem>& sink) : sink_(sink) {}
    void add(const Location& at, std::string message) { sink_.push_back({at.file, at.line, std::move(message)}); }
    std::size_t count() const { return sink_.size(); }

private:
    std::vector<Problem>& sink_;
};

// The location a constructor recorded in a table (_file/_line), or `fallback`.
Location location_of(const nlohmann::json& table, const Location& fallback);

// Reads { en = "...", ru = "..." } or a plain string; adds a problem for anything else.
LocalText read_text(const nlohmann::json& value, const Location& at, ProblemList& problems, const char* what);

// A lesson file's top-level table.
struct LessonDefinition {
    std::string id;
    std::string file;
    int line = 0;
    LocalText title;
    std::vector<LocalText> objectives;
    std::optional<double> pass_mark;
    std::optional<int> time_limit_s;
    std::vector<nlohmann::json> entries;   // screens, pools and dynamic screens, as written
};

LessonDefinition read_lesson(const nlohmann::json& table, const Location& file, ProblemList& problems);

// Reads one screen table (info, single, ...) into a Screen. Hooks stay in the JSON; the Screen
// only records which exist.
Screen read_screen(const nlohmann::json& table, const Location& fallback, ProblemList& problems);

// Reads a canvas display list returned by a draw hook.
DisplayList read_display_list(const nlohmann::json& ops, const Location& at, ProblemList& problems);

// Field readers that never throw: a missing field, or one of another type, gives the fallback.
// Author data can hold anything, so typed reads go through these.
std::string string_field(const nlohmann::json& table, const char* name);
double number_field(const nlohmann::json& table, const char* name, double fallback);
bool flag_field(const nlohmann::json& table, const char* name, bool fallback);

// Ids: letters, digits, '_', '-', '.', 1..64 characters.
bool is_valid_id(const std::string& id);

}  // namespace cbt::course
