// The lesson player: progress and timer on top, the screen in a scrolling column, feedback
// after each answer, and one primary button (Submit, then Next) at the bottom that Enter also
// presses. Leaving asks once, in place; answers already given are kept either way.
#include <imgui.h>

#include <cfloat>
#include <cmath>

#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace cbt::ui {
namespace {

std::string screen_key(session::Session& s) {
    auto& attempt = s.attempt();
    const auto& rt = attempt.runtime();
    return attempt.id() + "/" + std::to_string(rt.position()) + "/" + rt.current().id;
}

// True when the action still applies: the same lesson screen is up.
bool still_on(Ui& ui, const std::string& key) {
    return ui.session.stage() == session::Stage::Lesson && !ui.session.locked() && !ui.session.attempt().finished() &&
           screen_key(ui.session) == key;
}

std::string clock_text(std::int64_t ms) {
    const std::int64_t s = (ms + 999) / 1000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
    return buf;
}

}  // namespace

const course::Screen* LessonView::seen_screen(const std::string& id) const {
    const auto it = seen_.find(id);
    return it == seen_.end() ? nullptr : &it->second;
}

void LessonView::remember(const course::Screen& screen) {
    auto it = seen_.find(screen.id);
    if (it == seen_.end()) seen_.emplace(screen.id, screen);
}

void LessonView::primary_action(Ui& ui, bool answerable) {
    auto& rt = ui.session.attempt().runtime();
    const course::Screen& s = rt.current();
    const std::string key = screen_key(ui.session);
    if (answerable) {
        if (auto response = draft_response(s, draft_, rt))
            ui.post([&ui, key, r = *response] {
                if (still_on(ui, key)) ui.session.answer(r);
            });
    } else if (rt.settled()) {
        ui.post([&ui, key] {
            if (still_on(ui, key)) ui.session.advance();
        });
    }
}

void LessonView::draw(Ui& ui) {
    session::Session& session = ui.session;
    const float u = ui.u();
    course::Attempt& attempt = session.attempt();
    course::LessonRuntime& rt = attempt.runtime();
    if (attempt.id() != attempt_id_) {
        attempt_id_ = attempt.id();
        seen_.clear();
    }
    if (rt.finished()) return;  // the session moves to Results on the next step
    const course::Course& course = session.lesson_course();
    const course::Screen& screen = rt.current();
    remember(screen);
    const std::string key = screen_key(session);
    const bool new_screen = draft_.key != key;
    reset_draft(draft_, key, screen);
    if (new_screen) {
        had_outcome_ = false;
        confirm_leave_ = false;
    }
    const course::Outcome* outcome = session.last_outcome() ? &*session.last_outcome() : nullptr;
    if (outcome && !had_outcome_) scroll_to_feedback_ = true;
    had_outcome_ = outcome != nullptr;
    const bool question = course::is_question(screen.kind);
    const bool answerable = question && !rt.settled();

    begin_view(ui, "##lesson");

    // Top band: lesson title, display toggles, help and the way back to the menu; below it the
    // progress bar and, for a timed test, the time left.
    const float band = top_band_height(ui) + u * 1.6f;
    begin_band(ui, "top", band, true);
    {
        const std::string help = session.help_requested() ? ui.tr("help.requested_short") : ui.tr("help.button");
        const std::string menu = ui.tr("lesson.menu");
        const float right = display_toggles_width(ui) + button_width(ui, help) + button_width(ui, menu) + u * 1.5f;
        const float row_h = top_band_height(ui) - u * 0.35f;
        const float y = (row_h - u * 2.0f) / 2;
        ImGui::SetCursorPosY((row_h - ui.fonts.bold->FontSize) / 2);
        const std::string title = rt.lesson().title.in(ui.lang, course.default_language());
        const ImVec2 wp = ImGui::GetWindowPos();
        ImGui::PushClipRect(ImVec2(wp.x, wp.y), ImVec2(wp.x + ImGui::GetWindowWidth() - right - u, wp.y + band), true);
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopFont();
        ImGui::PopClipRect();
        ImGui::SameLine(ImGui::GetWindowWidth() - right - ImGui::GetStyle().WindowPadding.x);
        ImGui::SetCursorPosY(y);
        display_toggles(ui, change_display);
        ImGui::SameLine(0, u * 0.5f);
        ImGui::SetCursorPosY(y);
        help_button(ui, help);
        ImGui::SameLine(0, u * 0.5f);
        ImGui::SetCursorPosY(y);
        if (button(ui, "menu", menu, confirm_leave_ ? Look::Selected : Look::Normal, ImVec2(0, u * 2.0f)))
            confirm_leave_ = !confirm_leave_;

        // Progress row.
        const std::size_t length = std::max<std::size_t>(rt.length(), 1);
        const std::size_t at = std::min(rt.position() + 1, length);
        const std::string progress =
            ui.trf("lesson.progress", {{"current", std::to_string(at)}, {"total", std::to_string(length)}});
        ImGui::SetCursorPosY(row_h + (u * 1.6f - ui.fonts.body->FontSize) / 2 - u * 0.1f);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_dim);
        ImGui::TextUnformatted(progress.c_str());
        ImGui::PopStyleColor();
        ui.control("progress");
        std::string timer;
        const auto left = session.time_left_ms();
        if (left) {
            timer = ui.trf("lesson.time_left", {{"time", clock_text(*left)}});
            ui.wake_within(*left % 1000 + 1);
        }
        const float timer_w =
            timer.empty() ? 0 : ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, timer.c_str()).x + u;
        ImGui::SameLine(0, u);
        const float bar_w =
            ImGui::GetWindowWidth() - ImGui::GetCursorPosX() - timer_w - ImGui::GetStyle().WindowPadding.x;
        ImGui::SetCursorPosY(row_h + u * 0.55f);
        progress_bar(ui, static_cast<float>(rt.position() + (rt.settled() ? 1 : 0)) / static_cast<float>(length),
                     ImVec2(std::max(u, bar_w), u * 0.4f));
        if (!timer.empty()) {
            ImGui::SameLine(0, u);
            ImGui::SetCursorPosY(row_h + (u * 1.6f - ui.fonts.bold->FontSize) / 2 - u * 0.1f);
            ImGui::PushFont(ui.fonts.bold);
            ImGui::PushStyleColor(ImGuiCol_Text, *left < 60'000 ? ui.palette.wrong : ui.palette.text);
            ImGui::TextUnformatted(timer.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
            ui.control("timer");
        }
    }
    end_band();

    const float bottom = bottom_band_height(ui);
    const float width = begin_content(ui, "content", bottom, screen.kind == course::ScreenKind::Canvas ? 56 : 42);
    if (new_screen) ImGui::SetScrollY(0);
    ScreenContext ctx{course, screen, rt.display(), answerable, outcome, {}, {}};
    ctx.canvas_click = [&ui, key](const std::string& region) {
        ui.post([&ui, key, region] {
            if (!still_on(ui, key)) return;
            auto& runtime = ui.session.attempt().runtime();
            // The simulation's own `done` decides when the canvas is answered; Submit also works.
            if (runtime.canvas_click(region)) ui.session.answer(course::ClicksAnswer{runtime.canvas_clicks()});
        });
    };
    ctx.submit = [this, &ui, answerable] { primary_action(ui, answerable); };
    draw_reading(ui, ctx, width);
    if (question) draw_answer(ui, ctx, draft_, width);

    if (outcome) {
        ImGui::Dummy(ImVec2(0, u * 0.6f));
        std::string heading;
        ImU32 accent = ui.palette.wrong;
        if (!outcome->settled) {
            heading = ui.tr("feedback.try_again") + " " +
                      ui.trf("feedback.tries_left", {{"count", std::to_string(outcome->tries_left)}});
            accent = ui.palette.warning;
        } else if (outcome->correct) {
            heading = "\xE2\x9C\x93 " + ui.tr("feedback.correct");
            accent = ui.palette.correct;
        } else if (outcome->score > 0) {
            heading = ui.trf("feedback.partly",
                             {{"score", std::to_string(static_cast<int>(std::lround(outcome->score * 100))) + "%"}});
            accent = ui.palette.warning;
        } else {
            heading = "\xE2\x9C\x97 " + ui.tr("feedback.wrong");
        }
        std::string body;
        for (const auto& f : outcome->feedback) {
            const std::string t = ui.local(f, course);
            if (!t.empty()) body += (body.empty() ? "" : "\n") + t;
        }
        if (outcome->settled) {
            const std::string e =
                ui.local(outcome->explanation.empty() ? screen.explanation : outcome->explanation, course);
            if (!e.empty()) body += (body.empty() ? "" : "\n\n") + e;
        }
        message_box(ui, "feedback", heading, body, accent, width);
        if (scroll_to_feedback_) {
            ImGui::SetScrollHereY(1.0f);
            scroll_to_feedback_ = false;
        }
    } else if (question && !answerable) {
        message_box(ui, "feedback", ui.tr("feedback.answered"), "", ui.palette.text_dim, width);
    }
    end_content();

    // Bottom band: a hint on the left, the one primary button on the right.
    begin_band(ui, "bottom", 0, false);
    {
        const float bh = u * 2.4f;
        const float y = (bottom - bh) / 2;
        if (confirm_leave_) {
            const std::string stay = ui.tr("lesson.stay"), leave = ui.tr("lesson.leave");
            const float bw = button_width(ui, stay) + button_width(ui, leave) + u * 0.5f;
            ImGui::SetCursorPosY((bottom - ui.fonts.body->FontSize) / 2);
            ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                                ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - bw - u * 1.5f,
                                       ImGui::GetWindowPos().y + bottom),
                                true);
            ImGui::TextUnformatted(ui.tr("lesson.leave_question").c_str());
            ImGui::PopClipRect();
            ImGui::SameLine(ImGui::GetWindowWidth() - bw - ImGui::GetStyle().WindowPadding.x);
            ImGui::SetCursorPosY(y);
            if (button(ui, "stay", stay, Look::Primary, ImVec2(0, bh)) ||
                (ui.keys() && ui.input.pressed(SDL_SCANCODE_ESCAPE)))
                confirm_leave_ = false;
            ImGui::SameLine(0, u * 0.5f);
            ImGui::SetCursorPosY(y);
            if (button(ui, "leave", leave, Look::Normal, ImVec2(0, bh)))
                ui.post([&ui] {
                    if (ui.session.stage() == session::Stage::Lesson) ui.session.leave_lesson();
                });
        } else {
            std::string label;
            bool enabled = true;
            if (answerable) {
                label = ui.tr("lesson.submit");
                enabled = draft_response(screen, draft_, rt).has_value();
            } else {
                const bool last = rt.position() + 1 >= rt.length() && screen.next_id.empty() && !screen.has_branching;
                label = last ? ui.tr("lesson.finish") : ui.tr("lesson.next");
            }
            std::string hint;
            switch (screen.kind) {
                case course::ScreenKind::Info:
                    hint = ui.tr("hint.info");
                    break;
                case course::ScreenKind::SingleChoice:
                case course::ScreenKind::TrueFalse:
                    hint = ui.tr("hint.single");
                    break;
                case course::ScreenKind::MultipleChoice:
                    hint = ui.tr("hint.multiple");
                    break;
                case course::ScreenKind::Matching:
                    hint = ui.tr("hint.matching");
                    break;
                case course::ScreenKind::Ordering:
                    hint = ui.tr("hint.ordering");
                    break;
                case course::ScreenKind::Numeric:
                case course::ScreenKind::ShortText:
                    hint = ui.tr("hint.typed");
                    break;
                case course::ScreenKind::Hotspot:
                    hint = ui.tr("hint.hotspot");
                    break;
                case course::ScreenKind::Canvas:
                    hint = ui.tr("hint.canvas");
                    break;
            }
            if (!answerable) hint = ui.tr("hint.next");
            const float bw = std::max(button_width(ui, label, ui.fonts.heading), u * 9);
            const float text_w = ImGui::GetWindowWidth() - bw - u * 3;
            const ImVec2 hs = ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, text_w, hint.c_str());
            ImGui::SetCursorPosY(std::max(u * 0.2f, (bottom - hs.y) / 2));
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
            ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_dim);
            ImGui::TextUnformatted(hint.c_str());
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
            ImGui::SameLine(ImGui::GetWindowWidth() - bw - ImGui::GetStyle().WindowPadding.x);
            ImGui::SetCursorPosY(y);
            const bool pressed = button(ui, answerable ? "submit" : "next", label, Look::Primary, ImVec2(bw, bh),
                                        enabled, ui.fonts.heading);
            const bool enter = ui.keys() && ui.input.enter() && !ImGui::GetIO().WantTextInput;
            if ((pressed || enter) && enabled) primary_action(ui, answerable);
        }
    }
    end_band();
    end_view();
}

}  // namespace cbt::ui
