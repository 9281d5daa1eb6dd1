// The UI trace, a test aid: with CBT_UI_TRACE=FILE set, each drawn frame whose view differs from
// the last one traced appends one JSON line to FILE: the view's state and the window-relative
// rectangles [x, y, w, h] of its named controls, so a test can click where a trainee would.
#pragma once
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace cbt::ui {

class Trace {
public:
    // Disabled when `file` is empty.
    explicit Trace(const std::filesystem::path& file);
    ~Trace();
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    bool enabled() const { return out_ != nullptr; }
    void begin_frame();
    // A state field of the view ("view", "screen", "settled", ...).
    void field(const std::string& name, nlohmann::json value);
    // The rectangle of a named control, clipped to what is visible; hidden controls are left out.
    void control(const std::string& name, float x0, float y0, float x1, float y1);
    // The last ImGui item as a named control, clipped to the draw list's clip rectangle.
    void last_item(const std::string& name);
    // Writes the frame's line when it differs from the previous one.
    void end_frame(std::uint64_t frame);

private:
    std::FILE* out_ = nullptr;
    nlohmann::json current_;
    std::string last_;
};

}  // namespace cbt::ui
