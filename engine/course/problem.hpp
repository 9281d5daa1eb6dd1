// A problem found in a course, located by course-relative file and line, and the exception
// that carries one out of the runtime.
#pragma once
#include <stdexcept>
#include <string>

namespace cbt::course {

struct Problem {
    std::string file;    // course-relative path ("lessons/intro.lua"); empty when not tied to a file
    int line = 0;        // 1-based, 0 when unknown
    std::string message;

    // "file:line: message", or shorter when file or line are unknown.
    std::string to_string() const;
    bool operator==(const Problem&) const = default;
};

// Raised when a course cannot be loaded or a lesson's code fails; the kiosk shows it on an error
// screen and carries on with other lessons.
class CourseError : public std::runtime_error {
public:
    explicit CourseError(Problem problem) : std::runtime_error(problem.to_string()), problem_(std::move(problem)) {}
    const Problem& problem() const { return problem_; }

private:
    Problem problem_;
};

// Splits a Lua error message "file:12: text" into a Problem; keeps the whole text when it has no
// location.
Problem problem_from_lua_message(const std::string& message, const std::string& fallback_file);

}  // namespace cbt::course
