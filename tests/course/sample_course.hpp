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

// Answers rightly and moves on until the screen with `id` is shown.
inline void advance_to(cbt::course::LessonRuntime& rt, const std::string& id) {
    while (rt.current().id != id) {
        if (cbt::course::is_question(rt.current().kind))
            while (!rt.settled()) rt.answer(rt.auto_response(true));
        rt.advance();
    }
}

// Writes a file, creating its folder.
inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// Writes a one-lesson English course whose lesson file is `lesson_source`.
inline void write_one_lesson_course(const std::filesystem::path& root, const std::string& lesson_source) {
    write_file(root / "course.lua", R"(return course { id = "t", version = "1.0.0", title = "T", languages = { "en" },
  pass_mark = 0.5, lessons = { { id = "l", file = "lessons/l.lua" } } })");
    write_file(root / "lessons/l.lua", lesson_source);
}
