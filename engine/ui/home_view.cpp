// Home: the trainee's courses, each with one big "Continue" button for the lesson to do next and
// a row per lesson saying where they stand (not started, in progress, passed, failed, score).
#include <imgui.h>

#include <cfloat>
#include <cmath>

#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace cbt::ui {
namespace {

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

// The action word on a lesson's own button.
const std::string& open_label(Ui& ui, report::LessonState state) {
    switch (state) {
        case report::LessonState::NotStarted:
            return ui.tr("home.start");
        case report::LessonState::InProgress:
            return ui.tr("home.resume");
        case report::LessonState::Passed:
        case report::LessonState::Failed:
            break;
    }
    return ui.tr("home.again");
}

void lesson_row(Ui& ui, const course::Course& course, const report::LessonProgress& p, std::size_t index, float width) {
    const float u = ui.u();
    std::string state;
    ImU32 state_color = ui.palette.text_dim;
    switch (p.state) {
        case report::LessonState::NotStarted:
            state = ui.tr("home.state.not_started");
            break;
        case report::LessonState::InProgress:
            state = ui.tr("home.state.in_progress");
            state_color = ui.palette.warning;
            break;
        case report::LessonState::Passed:
            state = "\xE2\x9C\x93 " + ui.tr("home.state.passed");
            state_color = ui.palette.correct;
            break;
        case report::LessonState::Failed:
            state = "\xE2\x9C\x97 " + ui.tr("home.state.failed");
            state_color = ui.palette.wrong;
            break;
    }
    if (p.best_score) state += "  \xC2\xB7  " + ui.trf("home.best_score", {{"score", percent(*p.best_score)}});
    const std::string title = p.title.in(ui.lang, course.default_language());
    const std::string& label = open_label(ui, p.state);
    const float bw = std::max(button_width(ui, label), u * 7);
    const float text_w = width - bw - u * 2.8f - u * 1.2f;
    ImFont* tf = ui.fonts.bold;
    const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, text_w, title.c_str());
    const ImVec2 ss = ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, text_w, state.c_str());
    const float h = std::max(u * 3.4f, ts.y + ss.y + u * 1.1f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ui.palette.panel, u * 0.3f);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), ui.palette.panel_border, u * 0.3f, 0, ui.palette.border);
    const float r = u * 0.8f;
    const ImVec2 c(pos.x + u * 0.6f + r, pos.y + h / 2);
    dl->AddCircleFilled(c, r, state_color == ui.palette.text_dim ? ui.palette.button_border : state_color, 24);
    const std::string n = std::to_string(index + 1);
    const ImVec2 ns = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, n.c_str());
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(c.x - ns.x / 2, c.y - ns.y / 2),
                ui.display.high_contrast ? IM_COL32(0, 0, 0, 255) : ui.palette.panel, n.c_str());
    const float tx = pos.x + u * 2.8f;
    const float ty = pos.y + (h - ts.y - ss.y - u * 0.2f) / 2;
    dl->AddText(tf, tf->FontSize, ImVec2(tx, ty), ui.palette.text, title.c_str(), nullptr, text_w);
    dl->AddText(ui.fonts.body, ui.fonts.body->FontSize, ImVec2(tx, ty + ts.y + u * 0.2f), state_color, state.c_str(),
                nullptr, text_w);
    ImGui::Dummy(ImVec2(width - bw - u * 0.6f, h));
    ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + width - bw - u * 0.5f, pos.y + (h - u * 2.2f) / 2));
    if (button(ui, "lesson." + p.lesson_id, label, Look::Normal, ImVec2(bw, u * 2.2f))) {
        const std::string course_id = course.id, lesson_id = p.lesson_id;
        ui.post([&ui, course_id, lesson_id] {
            if (ui.session.stage() == session::Stage::Home) ui.session.open_lesson(course_id, lesson_id);
        });
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + u * 0.5f));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void HomeView::draw(Ui& ui) {
    session::Session& session = ui.session;
    const float u = ui.u();
    if (!cached_) {
        status_ = session.course_status();
        cached_ = true;
    }
    begin_view(ui, "##home");

    begin_band(ui, "top", top_band_height(ui), true);
    {
        const std::string name = session.trainee() ? session.trainee()->name : std::string();
        const std::string help = session.help_requested() ? ui.tr("help.requested_short") : ui.tr("help.button");
        const std::string out = ui.tr("home.sign_out");
        const float right = language_toggle_width(ui) + display_toggles_width(ui) + button_width(ui, help) +
                            button_width(ui, out) + u * 2.5f;
        ImGui::SetCursorPosY((top_band_height(ui) - ui.fonts.heading->FontSize) / 2);
        ImGui::PushFont(ui.fonts.heading);
        ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                            ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - right - u,
                                   ImGui::GetWindowPos().y + top_band_height(ui)),
                            true);
        ImGui::TextUnformatted(name.c_str());
        ImGui::PopClipRect();
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetWindowWidth() - right - ImGui::GetStyle().WindowPadding.x);
        const float y = (top_band_height(ui) - u * 2.0f) / 2;
        ImGui::SetCursorPosY(y);
        language_toggle(ui, [&ui](const std::string& lang) { ui.session.set_language(lang); });
        ImGui::SameLine(0, u * 0.5f);
        ImGui::SetCursorPosY(y);
        display_toggles(ui, change_display);
        ImGui::SameLine(0, u * 0.5f);
        ImGui::SetCursorPosY(y);
        help_button(ui, help);
        ImGui::SameLine(0, u * 0.5f);
        ImGui::SetCursorPosY(y);
        if (button(ui, "sign_out", out, Look::Normal, ImVec2(0, u * 2.0f)))
            ui.post([&ui] {
                if (ui.session.stage() == session::Stage::Home) ui.session.sign_out();
            });
    }
    end_band();

    const float width = begin_content(ui, "content", 0);
    if (session.help_requested()) {
        message_box(ui, "help.message", ui.tr("help.requested_title"), ui.tr("help.requested_body"), ui.palette.primary,
                    width);
        ImGui::Dummy(ImVec2(0, u * 0.5f));
    }
    if (status_.empty()) {
        message_box(ui, "home.empty", ui.tr("home.no_courses"), ui.tr("home.no_courses_detail"), ui.palette.warning,
                    width);
    }
    bool first = true;
    for (const auto& status : status_) {
        const course::Course& c = *status.course;
        ImGui::PushID(c.id.c_str());
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextUnformatted(ui.local(c.title, c).c_str());
        ImGui::PopFont();
        const std::string description = ui.local(c.description, c);
        if (!description.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_dim);
            ImGui::TextUnformatted(description.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, u * 0.6f));
        if (status.continue_lesson) {
            std::string lesson_title = *status.continue_lesson;
            for (const auto& p : status.lessons)
                if (p.lesson_id == *status.continue_lesson) lesson_title = p.title.in(ui.lang, c.default_language());
            const std::string label = ui.trf("home.continue", {{"lesson", lesson_title}});
            const float bw = std::min(width, std::max(button_width(ui, label, ui.fonts.heading), u * 16));
            const bool pressed =
                button(ui, "continue." + c.id, label, Look::Primary, ImVec2(bw, u * 3.2f), true, ui.fonts.heading);
            // Enter continues the first course: the one obvious thing to do on this screen.
            if (pressed || (first && ui.keys() && ui.input.enter())) {
                const std::string course_id = c.id, lesson_id = *status.continue_lesson;
                ui.post([&ui, course_id, lesson_id] {
                    if (ui.session.stage() == session::Stage::Home) ui.session.open_lesson(course_id, lesson_id);
                });
            }
        } else {
            message_box(ui, "home.done." + c.id, ui.tr("home.all_passed"), "", ui.palette.correct, width);
        }
        ImGui::Dummy(ImVec2(0, u * 0.8f));
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(ui.tr("home.lessons").c_str());
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, u * 0.3f));
        for (std::size_t i = 0; i < status.lessons.size(); ++i) lesson_row(ui, c, status.lessons[i], i, width);
        ImGui::Dummy(ImVec2(0, u));
        ImGui::PopID();
        first = false;
    }
    if (!session.broken_courses().empty()) {
        // For the instructor: a course folder the seat could not load, and why.
        std::string detail;
        for (const auto& b : session.broken_courses()) detail += b.folder + ": " + b.message + "\n";
        message_box(ui, "home.broken", ui.tr("home.broken_courses"), detail, ui.palette.warning, width);
    }
    end_content();
    end_view();
}

}  // namespace cbt::ui
