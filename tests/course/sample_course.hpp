// Access to the sample course and small helpers shared by the course tests.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>

#include "course/course.hpp"
#include "course/lesson_runtime.hpp"

inline const cbt::course::Course& sample_course() {
    static const cbt::course::Course course = cbt::course::load_course(std::filesystem::path(CBT_SOURCE_DIR) / "courses/sample");
    return course;
}

// Answers every question with the automatic right (or wrong) answer and walks to the end.
inline void play_to_end(cbt::course::LessonRuntime& rt, bool correct) {
    while (!rt.finished()) {
        if (cbt::course::is_question(rt.current().kind))
            while (!rt.settled()) rt.answer(rt.auto_response(correct));
        rt.advance();
    }
}

// Writes a file, creating its folder.
inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}
