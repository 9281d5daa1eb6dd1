// The window's platform glue: SDL2 window and OpenGL context, Dear ImGui's context and backends,
// and the event wait. Events are handed to ImGui one press-and-release per frame, because
// ImGui 1.86 reads key and button state once per frame and would miss a quick tap otherwise.
#pragma once
#include <SDL.h>

#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cbt::ui {

struct PlatformOptions {
    bool kiosk_mode = true;  // full screen on the desktop, keyboard grabbed, close refused
    int width = 1280, height = 800;
    std::string title = "Suitcase CBT";
};

// A key pressed during the frame (repeats included, so a held arrow keeps moving).
struct KeyPress {
    SDL_Scancode code = SDL_SCANCODE_UNKNOWN;
    Uint16 mods = 0;
    bool repeat = false;
};

// What happened since the last frame, beyond what ImGui itself consumes.
struct FrameInput {
    std::vector<KeyPress> keys;
    bool any_event = false;        // something arrived: draw a few frames
    bool close_requested = false;  // window close / SDL_QUIT (refused in kiosk mode)
    bool exit_combo = false;       // Ctrl+Alt+Shift+X: the instructor wants to leave kiosk mode
    bool resized = false;          // the drawable size changed: fonts need rebuilding

    // True when the key was pressed this frame with none of Ctrl, Alt or GUI held.
    bool pressed(SDL_Scancode code) const;
    // True when pressed with Shift, Ctrl or Alt as given (others ignored).
    bool pressed_with(SDL_Scancode code, Uint16 mod_mask) const;
    // The digit 1..9 (or 0) typed on the number row or the keypad this frame, if any.
    std::optional<int> digit() const;
    bool enter() const { return pressed(SDL_SCANCODE_RETURN) || pressed(SDL_SCANCODE_KP_ENTER); }
};

class Platform {
public:
    // Opens the window and GL context and starts ImGui; throws std::runtime_error on failure.
    explicit Platform(const PlatformOptions& options);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Sleeps until an event arrives or timeout_ms passes (negative: no limit), then takes the
    // events for one frame into `input`. Returns false when it timed out with nothing to do.
    bool wait(int timeout_ms, FrameInput& input);
    // True when events are queued for the next frame (a tap split over two frames).
    bool has_pending() const { return !pending_.empty(); }

    void begin_frame();
    // Renders ImGui's draw data; `before_swap` runs with the finished image in the back buffer.
    void end_frame(const std::function<void()>& before_swap = {});

    // Size of the drawable in pixels.
    int width() const;
    int height() const;
    // Writes the back buffer as a PNG; false when it could not be written.
    bool write_png(const std::filesystem::path& file) const;
    // Rebuilds the GL font texture after the font atlas changed.
    void reload_fonts_texture();

    SDL_Window* window() const { return window_; }
    bool kiosk_mode() const { return kiosk_; }

private:
    void handle(const SDL_Event& event, FrameInput& input);
    void keep_locked_down();

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    bool kiosk_ = true;
    std::deque<SDL_Event> pending_;
    float mouse_x_ = -1, mouse_y_ = -1;
    bool mouse_known_ = false;
    bool mouse_down_[3] = {false, false, false};  // by events, as of this frame's batch
    bool imgui_ready_ = false;
};

}  // namespace cbt::ui
