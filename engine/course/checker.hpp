// `cbt check`: everything that can be known about a course without a trainee — manifest, every
// lesson loaded, every screen built for several seeds, answer keys proven by playing the
// declared solutions, translations and assets present.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "course/problem.hpp"
#include "course/screen.hpp"

namespace cbt::course {

struct CheckOptions {
    std::vector<std::uint64_t> seeds = {1, 2, 3, 4, 5, 6, 7, 8};
};

// All problems found, deduplicated, in file order; empty means the course is ready.
std::vector<Problem> check_course(const std::filesystem::path& root, const CheckOptions& options = {});

// Calls `visit(what, text, line)` for every piece of text a screen shows; `line` is where the text
// was written (the block's own line, else the screen's).
void for_each_text(const Screen& screen,
                   const std::function<void(const char* what, const LocalText& text, int line)>& visit);

}  // namespace cbt::course
