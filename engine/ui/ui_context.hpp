// What every view draws with: the session, catalogues, fonts, pictures, colours, this frame's keys.
// Views never change the session while ImGui draws: they post an action that runs after the
// frame, so a failure in course code or the journal becomes a notice, not a half-drawn window.
#pragma once
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "course/text.hpp"
#include "session/session.hpp"
#include "ui/catalogue.hpp"
#include "ui/fonts.hpp"
#include "ui/platform.hpp"
#include "ui/textures.hpp"
#include "ui/theme.hpp"
#include "ui/trace.hpp"

namespace cbt::ui {

struct Ui {
    Ui(session::Session& s, const std::map<std::string, Catalogue>& c, Fonts& f, Textures& t, Trace& tr)
        : session(s), catalogues(c), fonts(f), textures(t), trace(tr) {}

    session::Session& session;
    const std::map<std::string, Catalogue>& catalogues;
    Fonts& fonts;
    Textures& textures;
    Trace& trace;

    Palette palette{};
    Display display;
    FrameInput input;
    std::string lang = "en";     // language of the window's text this frame
    bool keys_enabled = true;    // false for the view behind a dialog
    bool trace_controls = true;  // false for the view behind a dialog
    std::vector<std::function<void()>> actions;
    std::deque<session::Notice> notices;  // shown one at a time, oldest first
    std::int64_t next_wake_ms = -1;       // a view asks to be redrawn within this many ms

    // The catalogue sentence for `key` in the window's language ("[key]" when missing).
    const std::string& tr(const std::string& key) const { return catalogue().text(key); }
    // The sentence with "{name}" placeholders filled in.
    std::string trf(const std::string& key, const std::vector<std::pair<std::string, std::string>>& values) const {
        return catalogue().format(key, values);
    }
    // Course text in the window's language, falling back as the course says.
    std::string local(const course::LocalText& text, const course::Course& course) const {
        return text.in(lang, course.default_language());
    }
    const Catalogue& catalogue() const {
        const auto it = catalogues.find(lang);
        if (it != catalogues.end()) return it->second;
        const auto en = catalogues.find("en");
        return en != catalogues.end() ? en->second : catalogues.begin()->second;
    }
    // Body text size in pixels: the unit of every layout measure.
    float u() const { return fonts.unit(); }
    // Runs `action` after this frame is drawn.
    void post(std::function<void()> action) { actions.push_back(std::move(action)); }
    // A view-local notice (course code failing in a click, say), shown like the session's.
    // A failure that repeats frame after frame is shown once.
    void notify(std::string key, std::string detail = {}) {
        if (!notices.empty() && notices.back().key == key && notices.back().detail == detail) return;
        notices.push_back({std::move(key), std::move(detail)});
    }
    // Asks for a redraw within `ms` milliseconds (countdowns).
    void wake_within(std::int64_t ms) { next_wake_ms = next_wake_ms < 0 ? ms : std::min(next_wake_ms, ms); }
    // True when the view may act on this frame's keys (false behind a dialog).
    bool keys() const { return keys_enabled; }
    // Records the last ImGui item's visible rectangle in the trace under `name`.
    void control(const std::string& name);
};

}  // namespace cbt::ui
