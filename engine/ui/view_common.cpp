// Pieces every view shares: the full-window frame, the scrolling content column, dialogs over
// a dimmed view, and the three overlays (instructor's lock, notices, instructor's exit).
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace cbt::ui {

void begin_view(Ui& ui, const char* name) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.u() * 0.5f, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.palette.background);
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

void end_view() {
    ImGui::End();
}

float top_band_height(Ui& ui) {
    return ui.u() * 2.8f;
}
float bottom_band_height(Ui& ui) {
    return ui.u() * 3.4f;
}

float begin_content(Ui& ui, const char* id, float bottom, float column_units) {
    const float u = ui.u();
    const float spacing = bottom > 0 ? ImGui::GetStyle().ItemSpacing.y : 0;
    const float h = std::max(u * 4, ImGui::GetContentRegionAvail().y - bottom - spacing);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u, u * 0.8f));
    ImGui::BeginChild(id, ImVec2(0, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    if (ui.keys()) {
        // Page keys scroll long screens without a mouse.
        if (ui.input.pressed(SDL_SCANCODE_PAGEDOWN)) ImGui::SetScrollY(ImGui::GetScrollY() + h * 0.8f);
        if (ui.input.pressed(SDL_SCANCODE_PAGEUP)) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - h * 0.8f));
    }
    // A readable line is at most about 75 characters; wider windows get margins.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = std::min(avail, u * column_units);
    if (avail > column) ImGui::Indent((avail - column) / 2);
    return column;
}

void end_content() {
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().WindowPadding.y));
    ImGui::EndChild();
}

void begin_dialog(Ui& ui, const char* id, float width) {
    const ImGuiIO& io = ImGui::GetIO();
    const float u = ui.u();
    // The dimmer is raised without taking focus: focusing it would cancel a click that is under
    // way in the dialog (ImGui drops the active control when another window gets focus).
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.palette.dimmer);
    ImGui::Begin("##dimmer", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::End();
    ImGui::PopStyleColor();

    width = std::min(width, io.DisplaySize.x - u * 2);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y - u * 2));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.palette.notice_back);
    ImGui::PushStyleColor(ImGuiCol_Border, ui.palette.selected_border);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u * 1.2f, u * 1.2f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, u * 0.4f);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
}

void end_dialog() {
    ImGui::End();
}

void draw_locked(Ui& ui) {
    begin_view(ui, "##locked");
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float u = ui.u();
    ImGui::SetCursorPos(ImVec2(0, size.y * 0.3f));
    text_centered(ui, ui.tr("lock.title"), ui.fonts.title);
    ImGui::Dummy(ImVec2(0, u));
    const std::string& message = ui.session.lock_message();
    const float w = std::min(size.x - u * 4, u * 36);
    ImGui::SetCursorPosX((size.x - w) / 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::PushFont(ui.fonts.heading);
    if (!message.empty()) ImGui::TextUnformatted(message.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, u));
    text_centered(ui, ui.tr("lock.wait"), ui.fonts.body, ui.palette.text_dim);
    end_view();
}

void draw_notice(Ui& ui, const session::Notice& notice, bool& dismissed) {
    const float u = ui.u();
    const float width = u * 30;
    begin_dialog(ui, "##notice", width);
    const float inner = width - u * 2.4f;
    ImGui::PushTextWrapPos(inner + ImGui::GetCursorPosX());
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(ui.tr("notice.title").c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, u * 0.4f));
    ImGui::TextUnformatted(ui.tr(notice.key).c_str());
    if (!notice.detail.empty()) {
        ImGui::Dummy(ImVec2(0, u * 0.4f));
        ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_dim);
        ImGui::TextUnformatted(notice.detail.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, u * 0.8f));
    const std::string ok = ui.tr("notice.ok");
    const float bw = std::max(button_width(ui, ok), u * 8);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + inner - bw);
    if (button(ui, "notice.ok", ok, Look::Primary, ImVec2(bw, 0)) || ui.input.enter()) dismissed = true;
    end_dialog();
}

void ExitDialog::show() {
    open_ = true;
    pin_.clear();
    message_key_.clear();
}

bool ExitDialog::draw(Ui& ui) {
    const float u = ui.u();
    const float width = keypad_width(ui) + u * 2.4f;
    begin_dialog(ui, "##exit", width);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + keypad_width(ui));
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(ui.tr("exit.title").c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(ui.tr("exit.prompt").c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, u * 0.4f));
    pin_dots(ui, pin_, 4, keypad_width(ui));
    const std::int64_t now = static_cast<std::int64_t>(SDL_GetTicks64());
    const bool resting = now < wait_until_ms_;
    std::string message;
    if (resting) {
        message = ui.trf("exit.wait", {{"seconds", std::to_string((wait_until_ms_ - now + 999) / 1000)}});
        ui.wake_within((wait_until_ms_ - now) % 1000 + 1);
    } else if (!message_key_.empty()) {
        message = ui.tr(message_key_);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.wrong);
    ImGui::TextUnformatted(message.empty() ? " " : message.c_str());
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, u * 0.3f));
    bool accepted = false;
    if (resting) {
        ImGui::BeginDisabled();
        std::string ignored;
        keypad(ui, "exit.key", ignored, 0, false);
        ImGui::EndDisabled();
    } else if (keypad(ui, "exit.key", pin_, 12, ui.keys())) {
        // The PIN check is a slow hash by design; it runs once per OK, never per frame.
        if (ui.session.seat().instructor_pin_matches(pin_)) {
            accepted = true;
        } else {
            ++wrong_;
            message_key_ = key("exit.wrong_pin");
            // Guessing is slowed down: from the third wrong PIN on, a pause that doubles each time.
            if (wrong_ >= 3) wait_until_ms_ = now + 5000LL * (1LL << std::min(wrong_ - 3, 6));
        }
        pin_.clear();
    }
    ImGui::Dummy(ImVec2(0, u * 0.3f));
    if (button(ui, "exit.cancel", ui.tr("exit.cancel"), Look::Normal, ImVec2(keypad_width(ui), 0)) ||
        ui.input.pressed(SDL_SCANCODE_ESCAPE)) {
        open_ = false;
        pin_.clear();
    }
    end_dialog();
    return accepted;
}

}  // namespace cbt::ui
