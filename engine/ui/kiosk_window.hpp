// The kiosk's window: SDL2 + OpenGL + Dear ImGui views of a Session. Sign-in, home, the lesson
// player for every screen kind, results, help, the instructor's lock and the PIN exit.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>

#include "session/session.hpp"

namespace cbt::ui {

struct WindowOptions {
    bool kiosk_mode = true;                               // full screen, locked down; false = --windowed
    int width = 1280, height = 800;                       // window size when windowed
    std::filesystem::path assets_dir;                     // holds i18n/ (translation catalogues)
    std::optional<std::filesystem::path> screenshot_dir;  // write a PNG of each new view once drawn
    bool authoring = false;                               // --dev: call Session::reload_changed_courses twice a second
    // Called on the window's thread after every wake-up, before drawing: where the classroom
    // link's news (roster, commands) is applied to the session.
    std::function<void(session::Session&)> background;
};

// Wakes the kiosk window's event wait from any thread, so news from the host shows at once.
void wake_kiosk_window();

// Runs the window until the instructor leaves kiosk mode (or the window is closed when not in
// kiosk mode). Returns the process exit code.
int run_kiosk_window(session::Session& session, const WindowOptions& options);

}  // namespace cbt::ui
