// A temporary folder removed when the test ends.
#pragma once
#include <filesystem>
#include <random>
#include <string>

struct TestDir {
    std::filesystem::path path;
    TestDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("cbt-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TestDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TestDir(const TestDir&) = delete;
    TestDir& operator=(const TestDir&) = delete;
};
