// A course as loaded from its folder: the manifest (course.lua), its lessons and its content hash.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "course/problem.hpp"
#include "course/text.hpp"

namespace cbt::course {

// A lesson as the manifest lists it.
struct LessonEntry {
    std::string id;
    std::string file;     // course-relative path of the lesson's Lua file
    LocalText title;      // optional in the manifest; the lesson file's own title wins when both exist
};

struct Course {
    std::filesystem::path root;
    std::string id;
    std::string version;                 // semantic version "major.minor.patch"
    LocalText title;
    LocalText description;
    std::vector<std::string> languages;  // the first is the default language
    double pass_mark = 0.7;              // share of marks needed to pass a lesson, 0..1
    std::vector<LessonEntry> lessons;
    std::string content_hash;            // SHA-256 over every file of the course folder

    const std::string& default_language() const { return languages.front(); }
    // The manifest entry for a lesson id, or nullptr.
    const LessonEntry* find_lesson(std::string_view lesson_id) const;
    // Reads a course file; throws CourseError if it is missing, outside the folder or too big.
    std::string read_file(const std::string& relative) const;
    // True when a course-relative path names an existing regular file inside the course.
    bool has_file(const std::string& relative) const;
};

// Files larger than this are refused (lessons, manifests) — a typo'd path to a video must not
// be read into memory as Lua.
inline constexpr std::uintmax_t max_source_bytes = 4u << 20;

// Loads and validates course.lua. Problems found are appended to `problems` when given (loading
// continues past recoverable ones); otherwise the first problem throws CourseError.
Course load_course(const std::filesystem::path& root, std::vector<Problem>* problems = nullptr);

// SHA-256 over the sorted course-relative paths and contents of every file (hidden files and
// folders excluded), so any edit changes it and nothing else does.
std::string course_content_hash(const std::filesystem::path& root);

}  // namespace cbt::course
