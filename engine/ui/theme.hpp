// Colours and spacing of the kiosk: a calm light theme, and a high-contrast one (white and yellow
// on black, thick outlines) for trainees who need it. Sizes follow the body text size, so the
// larger-text setting enlarges the controls with the words.
#pragma once
#include <imgui.h>

namespace cbt::ui {

// What a trainee can change about the display.
struct Display {
    bool large_text = false;
    bool high_contrast = false;
    bool operator==(const Display&) const = default;
};

// Colours the views draw with directly (ImGui's own style gets matching values).
struct Palette {
    ImU32 background, panel, panel_border, text, text_dim;
    ImU32 button, button_hover, button_active, button_text, button_border;
    ImU32 primary, primary_hover, primary_text;
    ImU32 selected, selected_border, selected_text;
    ImU32 correct, wrong, warning, warning_back, notice_back;
    ImU32 dimmer;      // over the view behind a dialog
    float border = 1;  // outline width of controls
};

// Sets ImGui's style for the display settings and returns the palette to draw with.
Palette apply_theme(const Display& display, float unit);

}  // namespace cbt::ui
