// The kiosk's views, one per session stage, plus the overlays: the instructor's lock, notices
// and the instructor's PIN exit. Each view keeps only what the trainee is in the middle of
// (a half-typed PIN, a draft answer); everything that matters lives in the Session.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "course/screen.hpp"
#include "ui/screen_view.hpp"
#include "ui/ui_context.hpp"

namespace cbt::ui {

// [SECTION] Layout shared by the views: a top band, a scrolling centred column, a bottom band.
// Opens the full-window ImGui window every view draws in.
void begin_view(Ui& ui, const char* name);
// Closes what begin_view opened.
void end_view();
// Starts the scrolling content area leaving `bottom` pixels below it; returns the column width,
// at most `column_units` (a readable line by default; simulations ask for more).
float begin_content(Ui& ui, const char* id, float bottom, float column_units = 42);
// Closes the content area.
void end_content();
// Height of the top and bottom bands.
float top_band_height(Ui& ui);
float bottom_band_height(Ui& ui);

// [SECTION] Views
// Names on the roster, then the PIN keypad.
class SignInView {
public:
    void draw(Ui& ui);
    // Forgets the picked name and PIN (after sign-out).
    void reset();
    // The language to show before sign-in: the picked trainee's own, unless the toggle was used.
    std::optional<std::string> preferred_language() const;
    // "sign_in" or "sign_in.pin", for the trace and screenshots.
    const char* view_name() const { return picked_ ? "sign_in.pin" : "sign_in"; }
    // Called (after the frame) when the trainee changes the text size or contrast.
    std::function<void(const Display&)> change_display;

private:
    std::optional<session::Trainee> picked_;
    std::string pin_;
    std::string message_key_;
    bool language_touched_ = false;
};

// The trainee's courses and lessons, with one "Continue" button per course.
class HomeView {
public:
    void draw(Ui& ui);
    // Reads the trainee's progress again on the next draw (it is cached between frames).
    void invalidate() { cached_ = false; }
    // As SignInView::change_display.
    std::function<void(const Display&)> change_display;

private:
    bool cached_ = false;
    std::vector<session::CourseStatus> status_;
};

// The lesson player: one screen, its feedback, Answer/Next.
class LessonView {
public:
    void draw(Ui& ui);
    // Screens seen in this attempt, for the results review.
    const course::Screen* seen_screen(const std::string& id) const;
    // The attempt those screens belong to.
    const std::string& attempt_id() const { return attempt_id_; }
    // As SignInView::change_display.
    std::function<void(const Display&)> change_display;

private:
    void primary_action(Ui& ui, bool answerable);
    void remember(const course::Screen& screen);

    ScreenDraft draft_;
    std::string attempt_id_;
    std::map<std::string, course::Screen> seen_;
    bool scroll_to_feedback_ = false;
    bool had_outcome_ = false;
    bool confirm_leave_ = false;
};

// Score, pass or fail, and the review of every question.
class ResultsView {
public:
    // `lesson` lends the screens it showed, for the questions' texts.
    void draw(Ui& ui, const LessonView& lesson);

private:
    std::string attempt_id_;
    std::map<std::string, course::Screen> written_;
};

// [SECTION] Overlays
// The instructor's lock: nothing but the message.
void draw_locked(Ui& ui);

// The oldest notice as a dialog; OK (or Enter) dismisses it.
void draw_notice(Ui& ui, const session::Notice& notice, bool& dismissed);

// The instructor's exit from kiosk mode: a PIN keypad over the view.
class ExitDialog {
public:
    bool open() const { return open_; }
    // Opens it with an empty PIN (Ctrl+Alt+Shift+X).
    void show();
    // Returns true when the instructor PIN was accepted.
    bool draw(Ui& ui);

private:
    bool open_ = false;
    std::string pin_;
    std::string message_key_;
    int wrong_ = 0;
    std::int64_t wait_until_ms_ = 0;  // SDL ticks until which the keypad rests after wrong PINs
};

// A dialog box centred over the dimmed view; its contents go between the two calls.
void begin_dialog(Ui& ui, const char* id, float width);
void end_dialog();

}  // namespace cbt::ui
