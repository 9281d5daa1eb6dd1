// The kiosk's own controls, drawn big and outlined for touch screens and first-time users:
// buttons, choice cards that wrap long text, a PIN keypad, panels and wrapped text. Each control
// takes an id that stays the same in every language and names it in the UI trace.
#pragma once
#include <imgui.h>

#include <functional>
#include <optional>
#include <string>

#include "ui/ui_context.hpp"

namespace cbt::ui {

enum class Look { Normal, Primary, Selected, Quiet };
enum class Marker { None, Radio, Check };

// Width a button needs for its label.
float button_width(Ui& ui, const std::string& label, ImFont* font = nullptr);
// A button; zero size parts follow the label. Returns true when clicked (released over it).
bool button(Ui& ui, const std::string& id, const std::string& label, Look look = Look::Normal, ImVec2 size = {0, 0},
            bool enabled = true, ImFont* font = nullptr);

struct Card {
    std::string badge;  // "1", "A" ... in a circle at the left; empty for none
    Marker marker = Marker::None;
    bool selected = false;
    bool enabled = true;
    std::optional<bool> verdict;  // after answering: outlined green (true) or red (false)
    ImFont* font = nullptr;       // default: body
};
// Height of a card holding `text` at `width`.
float card_height(Ui& ui, const std::string& text, float width, const Card& card);
// A wide clickable card with wrapped text. Returns true when clicked.
bool card(Ui& ui, const std::string& id, const std::string& text, float width, const Card& look, float height = 0);

// Text wrapped at the right edge of the content column.
void text(Ui& ui, const std::string& s, ImFont* font = nullptr, ImU32 color = 0);
// One line centred in the available width.
void text_centered(Ui& ui, const std::string& s, ImFont* font = nullptr, ImU32 color = 0);
// A tinted box with wrapped text (feedback, warnings).
// `tag`, when given, is a line in the accent colour under a heading in the text colour.
void message_box(Ui& ui, const std::string& id, const std::string& heading, const std::string& body, ImU32 accent,
                 float width, const std::string& tag = {});

// The PIN as dots in a box, `length` places wide.
void pin_dots(Ui& ui, const std::string& pin, std::size_t length, float width);
// A 3x4 keypad editing `pin` (digit keys and Backspace work too when `keys` is set). Returns
// true when OK (or Enter) is pressed with at least one digit.
bool keypad(Ui& ui, const std::string& id, std::string& pin, std::size_t max_length, bool keys);
// Width the keypad takes.
inline float keypad_width(Ui& ui) {
    return ui.u() * (3.8f * 3 + 0.35f * 2);
}

// A thin progress bar.
void progress_bar(Ui& ui, float fraction, ImVec2 size);

// Starts a band across the window (top bar, bottom bar) with the panel colour; end with end_band.
void begin_band(Ui& ui, const char* id, float height, bool top);
void end_band();

// The larger-text and high-contrast toggles; a change is posted as an action.
void display_toggles(Ui& ui, std::function<void(const Display&)> change);
// The Help button of the top band; once pressed it stays lit until the next screen.
void help_button(Ui& ui, const std::string& label);
// One button per catalogue language, each labelled in its own language.
void language_toggle(Ui& ui, std::function<void(const std::string&)> choose);
// Width the language toggle and display toggles take.
float language_toggle_width(Ui& ui);
float display_toggles_width(Ui& ui);

}  // namespace cbt::ui
