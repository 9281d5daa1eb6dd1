// cbt check on data of the wrong type: reported with a location, never a crash.
#include <doctest/doctest.h>

#include "course/checker.hpp"
#include "sample_course.hpp"
#include "test_dir.hpp"

using namespace cbt::course;

TEST_CASE("fields of the wrong type are reported as problems, not crashes") {
    TestDir dir;
    write_one_lesson_course(dir.path, R"(return lesson { id = "l", title = "L", screens = {
  single { id = 5, prompt = "?", choices = { { id = "a", text = "A" }, { id = "b", text = "B" } }, correct = "a" },
  pool { id = "p", draw = 1, shuffle = "yes", items = {
    truefalse { id = "t", prompt = "?", correct = true } } },
} })");
    std::vector<Problem> problems;
    CHECK_NOTHROW(problems = check_course(dir.path));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().file == "lessons/l.lua");
    CHECK(problems.front().line == 2);
    CHECK(problems.front().message.find("id") != std::string::npos);
}

TEST_CASE("the sample course checks clean") {
    CHECK(check_course(std::filesystem::path(CBT_SOURCE_DIR) / "courses/sample").empty());
}
