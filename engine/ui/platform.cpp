// SDL2 + OpenGL + ImGui setup and the event wait. Mouse position and buttons are fed to ImGui
// from events rather than polled, so a click lands where it happened even when the window has
// no keyboard focus (touch screens, test drivers) and a tap is never shorter than one frame.
#include "ui/platform.hpp"

#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cfloat>
#include <set>
#include <stdexcept>
#include <vector>

namespace cbt::ui {

bool FrameInput::pressed(SDL_Scancode code) const {
    for (const KeyPress& k : keys)
        if (k.code == code && !(k.mods & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) return true;
    return false;
}

bool FrameInput::pressed_with(SDL_Scancode code, Uint16 mod_mask) const {
    for (const KeyPress& k : keys)
        if (k.code == code && (k.mods & mod_mask)) return true;
    return false;
}

std::optional<int> FrameInput::digit() const {
    for (const KeyPress& k : keys) {
        if (k.repeat || (k.mods & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) continue;
        if (k.code >= SDL_SCANCODE_1 && k.code <= SDL_SCANCODE_9) return 1 + (k.code - SDL_SCANCODE_1);
        if (k.code == SDL_SCANCODE_0 || k.code == SDL_SCANCODE_KP_0) return 0;
        if (k.code >= SDL_SCANCODE_KP_1 && k.code <= SDL_SCANCODE_KP_9) return 1 + (k.code - SDL_SCANCODE_KP_1);
    }
    return std::nullopt;
}

namespace {

SDL_GLContext create_context(SDL_Window* window, const char** glsl) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    if (SDL_GLContext gl = SDL_GL_CreateContext(window)) {
        *glsl = "#version 130";
        return gl;
    }
    // Old or software-only drivers: whatever context the driver offers, with GLSL 1.20.
    SDL_GL_ResetAttributes();
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    *glsl = "#version 120";
    return SDL_GL_CreateContext(window);
}

}  // namespace

Platform::Platform(const PlatformOptions& options) : kiosk_(options.kiosk_mode) {
    // A kiosk must not minimise when focus moves, must take Alt+Tab and friends for itself, and
    // must not treat the last window's close as a request to quit.
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (kiosk_) {
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
        SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
        // SIGTERM/SIGINT keep their default action (end the process): only the system sends
        // them, answers are already in the journal, and SDL would otherwise turn them into a
        // quit request that kiosk mode refuses.
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
        throw std::runtime_error(std::string("cannot start SDL video: ") + SDL_GetError());

    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    int width = options.width, height = options.height;
    if (kiosk_) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        // Made at the screen's size: under a Wayland compositor (cage) the first frame would
        // otherwise be drawn at the windowed size and shown stretched until the resize arrives.
        SDL_DisplayMode desktop;
        if (SDL_GetDesktopDisplayMode(0, &desktop) == 0 && desktop.w > 0 && desktop.h > 0) {
            width = desktop.w;
            height = desktop.h;
        }
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                               flags);
    if (!window_) {
        std::string error = SDL_GetError();
        SDL_Quit();
        throw std::runtime_error("cannot open the window: " + error);
    }
    const char* glsl = nullptr;
    gl_ = create_context(window_, &glsl);
    if (!gl_) {
        std::string error = SDL_GetError();
        SDL_DestroyWindow(window_);
        SDL_Quit();
        throw std::runtime_error("cannot create an OpenGL context: " + error);
    }
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);
    if (kiosk_) {
        SDL_SetWindowKeyboardGrab(window_, SDL_TRUE);
        SDL_SetWindowMouseGrab(window_, SDL_TRUE);
        SDL_RaiseWindow(window_);
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to remember between runs; a kiosk writes no stray files
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the CPU awake
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init(glsl);
    imgui_ready_ = true;
}

Platform::~Platform() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

bool Platform::wait(int timeout_ms, FrameInput& input) {
    input = FrameInput{};
    if (pending_.empty()) {
        SDL_Event event;
        const int got = timeout_ms < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeout_ms);
        if (!got) return false;
        pending_.push_back(event);
    }
    for (SDL_Event event; SDL_PollEvent(&event);) pending_.push_back(event);

    // One frame takes events up to the release of a key or button pressed in the same frame,
    // or a move after a press: the rest wait for the next frame.
    // A press or a move after a release waits for the next frame too: ImGui must see each release
    // where it happened, or a quick second click swallows the first.
    std::set<int> keys_down;
    bool button_down = false, button_up = false;
    while (!pending_.empty()) {
        const SDL_Event& e = pending_.front();
        if (e.type == SDL_KEYUP && keys_down.count(e.key.keysym.scancode)) break;
        if (e.type == SDL_MOUSEBUTTONUP && button_down) break;
        if (e.type == SDL_MOUSEMOTION && button_down) break;
        if (e.type == SDL_MOUSEBUTTONDOWN && (button_down || button_up)) break;
        if (e.type == SDL_KEYDOWN) keys_down.insert(e.key.keysym.scancode);
        if (e.type == SDL_MOUSEBUTTONDOWN) button_down = true;
        if (e.type == SDL_MOUSEBUTTONUP) button_up = true;
        handle(e, input);
        pending_.pop_front();
    }
    return true;
}

void Platform::handle(const SDL_Event& e, FrameInput& input) {
    input.any_event = true;
    switch (e.type) {
        case SDL_QUIT:
            input.close_requested = true;
            return;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_CLOSE) {
                input.close_requested = true;
                return;
            }
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) input.resized = true;
            if (e.window.event == SDL_WINDOWEVENT_LEAVE) mouse_known_ = false;
            if (kiosk_ && (e.window.event == SDL_WINDOWEVENT_MINIMIZED || e.window.event == SDL_WINDOWEVENT_HIDDEN))
                keep_locked_down();
            break;
        case SDL_MOUSEMOTION:
            mouse_x_ = static_cast<float>(e.motion.x);
            mouse_y_ = static_cast<float>(e.motion.y);
            mouse_known_ = true;
            return;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: {
            mouse_x_ = static_cast<float>(e.button.x);
            mouse_y_ = static_cast<float>(e.button.y);
            mouse_known_ = true;
            const int index = e.button.button == SDL_BUTTON_LEFT     ? 0
                              : e.button.button == SDL_BUTTON_RIGHT  ? 1
                              : e.button.button == SDL_BUTTON_MIDDLE ? 2
                                                                     : -1;
            if (index >= 0) mouse_down_[index] = e.type == SDL_MOUSEBUTTONDOWN;
            return;
        }
        case SDL_KEYDOWN: {
            const Uint16 mods = e.key.keysym.mod;
            input.keys.push_back({e.key.keysym.scancode, mods, e.key.repeat != 0});
            if (e.key.keysym.scancode == SDL_SCANCODE_X && (mods & KMOD_CTRL) && (mods & KMOD_ALT) &&
                (mods & KMOD_SHIFT))
                input.exit_combo = true;
            break;
        }
        default:
            break;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
}

void Platform::keep_locked_down() {
    SDL_RestoreWindow(window_);
    SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_RaiseWindow(window_);
}

void Platform::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse_known_ ? ImVec2(mouse_x_, mouse_y_) : ImVec2(-FLT_MAX, -FLT_MAX);
    for (int i = 0; i < 3; ++i) io.MouseDown[i] = mouse_down_[i];
    ImGui::NewFrame();
}

void Platform::end_frame(const std::function<void()>& before_swap) {
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (before_swap) before_swap();
    SDL_GL_SwapWindow(window_);
}

int Platform::width() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return w;
}

int Platform::height() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return h;
}

bool Platform::write_png(const std::filesystem::path& file) const {
    const int w = width(), h = height();
    if (w <= 0 || h <= 0) return false;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom-up; PNG's top-down.
    stbi_flip_vertically_on_write(1);
    const bool ok = stbi_write_png(file.c_str(), w, h, 3, pixels.data(), w * 3) != 0;
    stbi_flip_vertically_on_write(0);
    return ok;
}

void Platform::reload_fonts_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace cbt::ui
