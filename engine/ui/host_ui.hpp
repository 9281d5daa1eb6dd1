// What the dashboard draws with (catalogues, fonts, colours, UI trace, this frame's keys), its
// big buttons (ImGui's own, so keyboard navigation reaches them), drawn icons and text formats.
// Views post actions that run after the frame, so a database error becomes a status line.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ui/catalogue.hpp"
#include "ui/fonts.hpp"
#include "ui/platform.hpp"
#include "ui/theme.hpp"
#include "ui/trace.hpp"

namespace cbt::ui {

// Colours the dashboard adds to the kiosk's palette.
struct HostColors {
    ImU32 help, help_back;      // a seat calling for help: strong orange on pale orange
    ImU32 locked, locked_back;  // a locked seat: slate
    ImU32 online, offline;      // the connection dot
    ImU32 pending;              // kiosks waiting for approval
};

// The drawing context every dashboard view receives.
struct HostUi {
    HostUi(const std::map<std::string, Catalogue>& c, Fonts& f, Trace& t) : catalogues(c), fonts(f), trace(t) {}

    const std::map<std::string, Catalogue>& catalogues;  // by language code
    Fonts& fonts;
    Trace& trace;       // CBT_UI_TRACE, for tests
    Palette palette{};  // the kiosk's light theme
    HostColors colors{};
    FrameInput input;         // this frame's keys
    std::string lang = "en";  // language of the dashboard's text
    std::int64_t now_ms = 0;  // wall clock of this frame
    std::vector<std::function<void()>> actions;
    std::string status;  // the status bar's line: what the last action did
    bool status_error = false;
    bool redraw_later = false;  // a view put work off: draw again at the next tick

    // The catalogue sentence for a key in the dashboard's language ("[key]" when missing).
    const std::string& tr(const std::string& key) const { return catalogue().text(key); }
    // The sentence with "{name}" placeholders filled in.
    std::string trf(const std::string& key, const std::vector<std::pair<std::string, std::string>>& values) const {
        return catalogue().format(key, values);
    }
    // The catalogue of the dashboard's language (English when it has none).
    const Catalogue& catalogue() const;
    // Body text size in pixels: the unit of every layout measure.
    float u() const { return fonts.unit(); }
    // Runs `action` after this frame is drawn.
    void post(std::function<void()> action) { actions.push_back(std::move(action)); }
    // Shows a line in the status bar.
    void say(std::string line, bool error = false) {
        status = std::move(line);
        status_error = error;
    }
    // Records the last ImGui item's visible rectangle in the trace under `name`.
    void control(const std::string& name);
};

// The dashboard's extra colours for the current palette.
HostColors host_colors(bool high_contrast);

// How a button looks: the main action, the chosen one, a destructive one, an answer to a call for help.
enum class Tone { Normal, Primary, Selected, Danger, Help };

// A big button with a stable id (the label may change with the language); Enter or Space
// presses it when it has keyboard focus. Returns true when pressed.
bool host_button(HostUi& ui, const std::string& id, const std::string& label, Tone tone = Tone::Normal,
                 ImVec2 size = {0, 0}, bool enabled = true);
// Width a host_button needs for its label.
float host_button_width(HostUi& ui, const std::string& label);
// Height of a host_button.
float host_button_height(HostUi& ui);

// Text cut to `width` pixels with an ellipsis.
std::string fit_text(ImFont* font, const std::string& text, float width);
// A line of text in a colour (0 = the palette's text) and font (nullptr = body).
void host_text(HostUi& ui, const std::string& s, ImU32 color = 0, ImFont* font = nullptr);
// A heading line.
void host_heading(HostUi& ui, const std::string& s);

// A "?" in a filled circle centred on `c`, `r` pixels in radius (the fonts carry no pictographs).
void draw_help_icon(ImDrawList* dl, ImVec2 c, float r, ImU32 back, ImU32 front, ImFont* font);
// A padlock drawn with a rectangle and an arc, centred on `c`.
void draw_lock_icon(ImDrawList* dl, ImVec2 c, float r, ImU32 color);

// "just now", "45 s ago", "3 min ago", "2 h ago", "3 d ago".
std::string age_text(const HostUi& ui, std::int64_t then_ms);
// Local time of day "14:05", or "27.11 14:05" when not today.
std::string clock_text(const HostUi& ui, std::int64_t at_ms);
// A count with its noun in the form the dashboard's language gives it: the sentence of the `one`
// key for 1 (and 21, 31... in Russian), of `few` for 2-4 (22-24...; English's is the same as
// `many`), else of `many`; each has an {n}.
std::string count_text(const HostUi& ui, std::int64_t n, const char* one, const char* few, const char* many);
// "2026-11-27 14:05" in local time.
std::string date_time_text(std::int64_t at_ms);
// "88%", or "—" when unset.
std::string percent_text(std::optional<double> score);
// "12 min 5 s" and the like.
std::string duration_text(const HostUi& ui, std::int64_t ms);
// This machine's offset from UTC now, in minutes (for printable pages).
int local_utc_offset_minutes(std::int64_t at_ms);

// Asks for a modal dialog to open; it opens where begin_host_dialog with the same id is drawn.
void open_dialog(const char* id);
// Starts a modal dialog with its title, `width_units` body-text units wide; draw its contents and
// call end_host_dialog while this returns true. Escape closes it.
bool begin_host_dialog(HostUi& ui, const char* id, const std::string& title, float width_units = 30);
// Ends what begin_host_dialog started.
void end_host_dialog();
// Closes the dialog being drawn (after Send, Cancel, ...).
void close_dialog();

}  // namespace cbt::ui
