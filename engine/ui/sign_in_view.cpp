// Sign-in: the trainee finds their name among big buttons, then types a PIN on a large keypad
// (or the number keys). The seat number and the language toggle are always in view; a quiet
// line tells the instructor when the exit PIN is still the factory default.
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace cbt::ui {

void SignInView::reset() {
    picked_.reset();
    pin_.clear();
    message_key_.clear();
    language_touched_ = false;
}

std::optional<std::string> SignInView::preferred_language() const {
    if (picked_ && !language_touched_ && !picked_->language.empty()) return picked_->language;
    return std::nullopt;
}

void SignInView::draw(Ui& ui) {
    session::Session& session = ui.session;
    const float u = ui.u();
    begin_view(ui, "##sign_in");

    begin_band(ui, "top", top_band_height(ui), true);
    ImGui::SetCursorPosY((top_band_height(ui) - ui.fonts.heading->FontSize) / 2);
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(ui.tr("app.title").c_str());
    ImGui::PopFont();
    {
        const int seat = session.seat().seat_number();
        const std::string seat_text = seat > 0 ? ui.trf("seat.number", {{"number", std::to_string(seat)}}) : "";
        const float seat_w =
            seat_text.empty()
                ? 0
                : ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, seat_text.c_str()).x + u;
        const float right = language_toggle_width(ui) + display_toggles_width(ui) + seat_w + u;
        ImGui::SameLine(ImGui::GetWindowWidth() - right - ImGui::GetStyle().WindowPadding.x);
        const float y = (top_band_height(ui) - u * 2.0f) / 2;
        if (!seat_text.empty()) {
            ImGui::SetCursorPosY(y + (u * 2.0f - ui.fonts.bold->FontSize) / 2);
            ImGui::PushFont(ui.fonts.bold);
            ImGui::TextUnformatted(seat_text.c_str());
            ImGui::PopFont();
            ui.control("seat");
            ImGui::SameLine(0, u);
        }
        ImGui::SetCursorPosY(y);
        language_toggle(ui, [this, &ui](const std::string& lang) {
            ui.session.set_language(lang);
            language_touched_ = true;
        });
        ImGui::SameLine(0, u);
        ImGui::SetCursorPosY(y);
        display_toggles(ui, change_display);
    }
    end_band();

    const bool warn_pin = session.seat().instructor_pin_is_default();
    const std::string& warning = ui.tr("sign_in.default_instructor_pin");
    const float warning_w = ImGui::GetWindowWidth() - u * 2;
    const float bottom =
        warn_pin ? ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, warning_w, warning.c_str()).y + u : 0;
    const float width = begin_content(ui, "content", bottom);
    if (!picked_) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextUnformatted(ui.tr("sign_in.choose_name").c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, u * 0.6f));
        if (!message_key_.empty()) {
            message_box(ui, "sign_in.message", ui.tr(message_key_), "", ui.palette.wrong, width);
            ImGui::Dummy(ImVec2(0, u * 0.4f));
        }
        const auto roster = session.roster();
        if (roster.empty()) {
            message_box(ui, "sign_in.empty", ui.tr("sign_in.no_trainees"), ui.tr("sign_in.no_trainees_detail"),
                        ui.palette.warning, width);
        }
        const int columns = width > u * 36 ? 3 : width > u * 22 ? 2 : 1;
        const float gap = u * 0.6f;
        const float w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float x0 = ImGui::GetCursorPosX();
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
        for (std::size_t i = 0; i < roster.size(); ++i) {
            const session::Trainee& t = roster[i];
            if (i % columns != 0)
                ImGui::SameLine();
            else
                ImGui::SetCursorPosX(x0);
            Card look;
            look.font = ui.fonts.bold;
            if (card(ui, "trainee." + t.name, t.name, w, look, u * 3.2f)) {
                const session::Trainee picked = t;
                ui.post([this, &ui, picked] {
                    message_key_.clear();
                    pin_.clear();
                    if (picked.pin_hash.empty()) {
                        // No PIN set for this trainee: the name alone signs in.
                        const auto r = ui.session.sign_in(picked.id, "");
                        if (r == session::SignInResult::Ok)
                            reset();
                        else
                            message_key_ = key("sign_in.unknown");
                    } else {
                        picked_ = picked;
                    }
                });
            }
        }
        ImGui::PopStyleVar();
    } else {
        const float pad_w = keypad_width(ui);
        const float x = ImGui::GetCursorPosX() + (width - pad_w) / 2;
        text_centered(ui, ui.trf("sign_in.hello", {{"name", picked_->name}}), ui.fonts.title);
        text_centered(ui, ui.tr("sign_in.enter_pin"), ui.fonts.body, ui.palette.text_dim);
        ImGui::Dummy(ImVec2(0, u * 0.4f));
        ImGui::SetCursorPosX(x);
        pin_dots(ui, pin_, 4, pad_w);
        ui.control("pin");

        const std::int64_t wait_ms = session.sign_in_wait_ms(picked_->id);
        std::string message;
        if (wait_ms > 0) {
            message = ui.trf("sign_in.wait", {{"seconds", std::to_string((wait_ms + 999) / 1000)}});
            ui.wake_within(wait_ms % 1000 + 1);
        } else if (!message_key_.empty()) {
            message = ui.tr(message_key_);
        }
        ImGui::SetCursorPosX(x);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.wrong);
        ImGui::PushTextWrapPos(x + pad_w);
        ImGui::TextUnformatted(message.empty() ? " " : message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::Dummy(ImVec2(0, u * 0.3f));
        ImGui::SetCursorPosX(x);
        bool submit = false;
        if (wait_ms > 0) {
            ImGui::BeginDisabled();
            std::string ignored;
            keypad(ui, "key", ignored, 0, false);
            ImGui::EndDisabled();
        } else {
            submit = keypad(ui, "key", pin_, 12, ui.keys());
        }
        ImGui::Dummy(ImVec2(0, u * 0.6f));
        ImGui::SetCursorPosX(x);
        if (button(ui, "sign_in.not_me", ui.tr("sign_in.not_me"), Look::Quiet, ImVec2(pad_w, 0)) ||
            (ui.keys() && ui.input.pressed(SDL_SCANCODE_ESCAPE))) {
            ui.post([this] {
                picked_.reset();
                pin_.clear();
                message_key_.clear();
            });
        }
        if (submit) {
            const std::string id = picked_->id, pin = pin_;
            ui.post([this, &ui, id, pin] {
                pin_.clear();
                switch (ui.session.sign_in(id, pin)) {
                    case session::SignInResult::Ok:
                        reset();
                        break;
                    case session::SignInResult::WrongPin:
                        message_key_ = key("sign_in.wrong_pin");
                        break;
                    case session::SignInResult::TooManyTries:
                        message_key_ = key("sign_in.wrong_pin");
                        break;
                    case session::SignInResult::UnknownTrainee:
                        picked_.reset();
                        message_key_ = key("sign_in.unknown");
                        break;
                }
            });
        }
    }
    end_content();

    if (warn_pin) {
        ImGui::SetCursorPosX(u);
        ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bottom + u / 2);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.warning);
        ImGui::PushTextWrapPos(u + warning_w);
        ImGui::TextUnformatted(warning.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ui.control("default_pin_warning");
    }
    end_view();
}

}  // namespace cbt::ui
