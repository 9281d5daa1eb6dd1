// The kiosk's fonts: DejaVu Sans (regular and bold) with Latin, Cyrillic (including the letters
// of Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic) and common symbols, sized from the window height.
// The atlas is rebuilt when the window size or the text size setting changes, between frames.
#pragma once
#include <filesystem>
#include <vector>

struct ImFont;

namespace cbt::ui {

class Platform;

class Fonts {
public:
    // Where the TTF files are looked for: the assets folder's fonts/ first, then Debian's
    // fonts-dejavu-core location.
    explicit Fonts(std::vector<std::filesystem::path> search_dirs);

    // Builds the atlas for a window `height` pixels high, `scale` times the normal text size.
    // Does nothing when neither changed. Must be called outside a frame.
    void build(Platform& platform, int height, float scale);

    ImFont* body = nullptr;     // running text, buttons
    ImFont* bold = nullptr;     // prompts, names, emphasis
    ImFont* heading = nullptr;  // screen titles and headings
    ImFont* title = nullptr;    // the one big line of a view
    ImFont* big = nullptr;      // score figures, the PIN keypad
    // Body text size in pixels; layout measures are multiples of it.
    float unit() const { return unit_; }
    // False when DejaVu was not found and ImGui's built-in Latin-only font stands in.
    bool found() const { return found_; }

private:
    std::vector<std::filesystem::path> dirs_;
    int built_height_ = -1;
    float built_scale_ = 0;
    float unit_ = 20;
    bool found_ = false;
};

}  // namespace cbt::ui
