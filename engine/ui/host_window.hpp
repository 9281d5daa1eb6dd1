// The instructor's dashboard window (SDL2 + OpenGL + Dear ImGui): the seat map with session
// control, pairing, the roster and reports. It opens its own connection to DATA/classroom.db, so
// it runs beside the sync server (which has the other) in the same process.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cbt::ui {

struct HostWindowOptions {
    bool maximised = true;                           // fill the screen (a normal window); false = --windowed
    int width = 1280, height = 800;                  // window size when not maximised
    std::filesystem::path assets_dir;                // holds i18n/ (translations) and optionally fonts/
    std::vector<std::filesystem::path> course_dirs;  // the bundled courses: titles, lengths, ids to assign
    std::string bind_address = "0.0.0.0";            // where the server listens, to tell the instructor
    int port = 0;                                    //   the address kiosks reach it at
    std::optional<std::string> language;             // "en" or "ru"; default: the last choice, else $LANG
};

// Runs the dashboard until its window is closed (or SIGINT/SIGTERM). Returns the exit code.
// Throws std::runtime_error when the window or classroom.db cannot be opened.
int run_host_window(const std::filesystem::path& data_dir, const HostWindowOptions& options);

}  // namespace cbt::ui
