// The dashboard's controls and formatting. Buttons are ImGui's own with the kiosk's colours, so
// keyboard navigation (arrows, Space) reaches every one. Times show in local time; ages clamp at
// zero, as a kiosk's clock may run ahead of the host's.
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <ctime>

#include "ui/host_ui.hpp"

namespace cbt::ui {
namespace {

constexpr ImU32 rgb(unsigned v) {
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255);
}

std::string pending_dialog;  // asked for by open_dialog, opened by begin_host_dialog at the top level

std::tm local_tm(std::int64_t at_ms) {
    const std::time_t t = static_cast<std::time_t>(at_ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

}  // namespace

const Catalogue& HostUi::catalogue() const {
    const auto it = catalogues.find(lang);
    if (it != catalogues.end()) return it->second;
    const auto en = catalogues.find("en");
    return en != catalogues.end() ? en->second : catalogues.begin()->second;
}

void HostUi::control(const std::string& name) {
    if (!trace.enabled()) return;
    trace.last_item(name);
}

HostColors host_colors(bool high_contrast) {
    HostColors c{};
    if (high_contrast) {
        c = {rgb(0xFF9F43), rgb(0x3A2000), rgb(0xBBBBBB), rgb(0x222222), rgb(0x5CFF8A), rgb(0x999999), rgb(0xFFE600)};
    } else {
        c = {rgb(0xC2410C), rgb(0xFFEDD5), rgb(0x475569), rgb(0xE2E8F0), rgb(0x16A34A), rgb(0x94A3B8), rgb(0xB45309)};
    }
    return c;
}

float host_button_height(HostUi& ui) {
    return std::round(ui.u() * 2.0f);
}

float host_button_width(HostUi& ui, const std::string& label) {
    ImFont* f = ui.fonts.bold;
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x + ui.u() * 1.4f;
}

bool host_button(HostUi& ui, const std::string& id, const std::string& label, Tone tone, ImVec2 size, bool enabled) {
    const Palette& p = ui.palette;
    ImU32 fill = p.button, hover = p.button_hover, active = p.button_active, text = p.button_text,
          border = p.button_border;
    float border_width = p.border;
    switch (tone) {
        case Tone::Primary:
            fill = p.primary, hover = p.primary_hover, active = p.primary_hover, text = p.primary_text,
            border = p.primary;
            break;
        case Tone::Selected:
            fill = hover = active = p.selected, text = p.selected_text, border = p.selected_border;
            border_width = std::max(2.5f, p.border);
            break;
        case Tone::Danger:
            text = p.wrong, border = p.wrong;
            break;
        case Tone::Help:
            fill = ui.colors.help, hover = active = ui.colors.help, text = rgb(0xFFFFFF), border = ui.colors.help;
            break;
        case Tone::Normal:
            break;
    }
    if (size.x <= 0) size.x = host_button_width(ui, label);
    if (size.y <= 0) size.y = host_button_height(ui);
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, border_width);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ui.u() * 0.3f);
    ImGui::PushFont(ui.fonts.bold);
    if (!enabled) ImGui::BeginDisabled();
    // "###id": the id alone names the button, so a language change keeps focus and the trace name.
    const bool pressed = ImGui::Button((label + "###" + id).c_str(), size);
    if (!enabled) ImGui::EndDisabled();
    ImGui::PopFont();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(5);
    ui.control(id);
    if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed && enabled;
}

std::string fit_text(ImFont* font, const std::string& text, float width) {
    if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x <= width) return text;
    const std::string dots = "\xE2\x80\xA6";
    std::string cut = text;
    while (!cut.empty()) {
        // Drop one UTF-8 character: its continuation bytes, then its lead byte.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, (cut + dots).c_str()).x <= width) return cut + dots;
    }
    return dots;
}

void host_text(HostUi& ui, const std::string& s, ImU32 color, ImFont* font) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : ui.palette.text);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

void host_heading(HostUi& ui, const std::string& s) {
    host_text(ui, s, 0, ui.fonts.heading);
}

void draw_help_icon(ImDrawList* dl, ImVec2 c, float r, ImU32 back, ImU32 front, ImFont* font) {
    dl->AddCircleFilled(c, r, back, 24);
    const float size = r * 1.5f;
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, "?");
    dl->AddText(font, size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), front, "?");
}

void draw_lock_icon(ImDrawList* dl, ImVec2 c, float r, ImU32 color) {
    // A padlock: a body and a shackle above it.
    const float w = r * 1.5f, h = r * 1.1f;
    const ImVec2 body0(c.x - w / 2, c.y - h * 0.1f), body1(c.x + w / 2, c.y + h * 0.9f);
    dl->AddRectFilled(body0, body1, color, r * 0.15f);
    const float sr = w * 0.32f;
    dl->PathArcTo(ImVec2(c.x, body0.y), sr, IM_PI, 2 * IM_PI, 12);
    dl->PathStroke(color, 0, std::max(2.0f, r * 0.22f));
}

std::string age_text(const HostUi& ui, std::int64_t then_ms) {
    const std::int64_t s = std::max<std::int64_t>(0, (ui.now_ms - then_ms) / 1000);
    if (s < 10) return ui.tr("host.age.now");
    if (s < 60) return ui.trf("host.age.seconds", {{"n", std::to_string(s / 10 * 10)}});
    if (s < 3600) return ui.trf("host.age.minutes", {{"n", std::to_string(s / 60)}});
    if (s < 86400) return ui.trf("host.age.hours", {{"n", std::to_string(s / 3600)}});
    return ui.trf("host.age.days", {{"n", std::to_string(s / 86400)}});
}

std::string clock_text(const HostUi& ui, std::int64_t at_ms) {
    const std::tm t = local_tm(at_ms), today = local_tm(ui.now_ms);
    char buf[48];
    if (t.tm_year == today.tm_year && t.tm_yday == today.tm_yday)
        std::snprintf(buf, sizeof buf, "%02d:%02d", t.tm_hour, t.tm_min);
    else
        std::snprintf(buf, sizeof buf, "%02d.%02d %02d:%02d", t.tm_mday, t.tm_mon + 1, t.tm_hour, t.tm_min);
    return buf;
}

std::string count_text(const HostUi& ui, std::int64_t n, const char* one, const char* few, const char* many) {
    const std::int64_t m10 = n % 10, m100 = n % 100;
    const char* key = many;
    if (ui.lang == "ru") {
        if (m10 == 1 && m100 != 11)
            key = one;
        else if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14))
            key = few;
    } else if (n == 1) {
        key = one;
    }
    return ui.trf(key, {{"n", std::to_string(n)}});
}

std::string date_time_text(std::int64_t at_ms) {
    const std::tm t = local_tm(at_ms);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour,
                  t.tm_min);
    return buf;
}

std::string percent_text(std::optional<double> score) {
    if (!score) return "\xE2\x80\x94";
    return std::to_string(static_cast<int>(std::lround(std::clamp(*score, 0.0, 1.0) * 100))) + "%";
}

std::string duration_text(const HostUi& ui, std::int64_t ms) {
    const std::int64_t s = std::max<std::int64_t>(0, (ms + 500) / 1000);
    if (s >= 3600)
        return ui.trf("host.duration.hours", {{"h", std::to_string(s / 3600)}, {"m", std::to_string(s % 3600 / 60)}});
    if (s >= 60) return ui.trf("host.duration.minutes", {{"m", std::to_string(s / 60)}, {"s", std::to_string(s % 60)}});
    return ui.trf("host.duration.seconds", {{"s", std::to_string(s)}});
}

int local_utc_offset_minutes(std::int64_t at_ms) {
    const std::tm t = local_tm(at_ms);
    return static_cast<int>(t.tm_gmtoff / 60);
}

void open_dialog(const char* id) {
    pending_dialog = id;
}

void close_dialog() {
    ImGui::CloseCurrentPopup();
}

bool begin_host_dialog(HostUi& ui, const char* id, const std::string& title, float width_units) {
    if (pending_dialog == id) {
        // The popup's name is "title###id": only the part after ### makes its ImGui id.
        ImGui::OpenPopup((std::string("###") + id).c_str());
        pending_dialog.clear();
    }
    const ImGuiIO& io = ImGui::GetIO();
    const float u = ui.u();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(u * width_units, io.DisplaySize.x - u * 2), 0),
                                        ImVec2(io.DisplaySize.x - u * 2, io.DisplaySize.y - u * 2));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ui.palette.notice_back);
    ImGui::PushStyleColor(ImGuiCol_Border, ui.palette.selected_border);
    ImGui::PushStyleColor(ImGuiCol_ModalWindowDimBg, ui.palette.dimmer);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u * 1.0f, u * 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, u * 0.4f);
    // No title bar: the title is drawn inside in the heading font (a font pushed around Begin
    // would be popped on the popup's own draw list, which never had it).
    const bool open = ImGui::BeginPopupModal((title + "###" + id).c_str(), nullptr,
                                             ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(3);
    if (open) {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(u * 0.5f, u * 0.5f));
        host_heading(ui, title);
        ImGui::PopStyleVar();
    }
    if (open && ui.input.pressed(SDL_SCANCODE_ESCAPE)) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return false;
    }
    return open;
}

void end_host_dialog() {
    ImGui::EndPopup();
}

}  // namespace cbt::ui
