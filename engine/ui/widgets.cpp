// Kiosk controls drawn with ImDrawList over ImGui's invisible buttons: ImGui keeps the
// interaction logic, we decide the look (big, outlined, wrapping), which ImGui's own buttons
// cannot do with long translated labels.
#include "ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace cbt::ui {

void Ui::control(const std::string& name) {
    if (!trace.enabled() || !trace_controls) return;
    trace.last_item(name);
}

namespace {

ImU32 with_alpha(ImU32 c, float factor) {
    const unsigned a = (c >> IM_COL32_A_SHIFT) & 0xFF;
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a * factor) << IM_COL32_A_SHIFT);
}

struct Colors {
    ImU32 fill, border, text;
    float border_width;
};

Colors colors_for(const Ui& ui, Look look, bool hovered, bool held, bool enabled) {
    const Palette& p = ui.palette;
    Colors c{};
    switch (look) {
        case Look::Primary:
            c = {held || hovered ? p.primary_hover : p.primary, p.primary, p.primary_text, p.border};
            break;
        case Look::Selected:
            c = {p.selected, p.selected_border, p.selected_text, std::max(3.0f, p.border)};
            break;
        case Look::Quiet:
            c = {held ? p.button_active : hovered ? p.button_hover : p.background, p.panel_border, p.text, p.border};
            break;
        case Look::Normal:
            c = {held      ? p.button_active
                 : hovered ? p.button_hover
                           : p.button,
                 p.button_border, p.button_text, p.border};
            break;
    }
    if (!enabled) {
        // High contrast keeps inactive text readable: only the outline fades.
        const bool hc = ui.display.high_contrast;
        c.fill = hc ? ui.palette.background : with_alpha(c.fill, 0.45f);
        c.border = with_alpha(c.border, 0.45f);
        c.text = hc ? with_alpha(ui.palette.text, 0.85f) : with_alpha(c.text, 0.5f);
    }
    return c;
}

bool invisible(const std::string& id, ImVec2 size, bool enabled) {
    if (!enabled) ImGui::BeginDisabled();
    const bool clicked = ImGui::InvisibleButton(id.c_str(), size);
    if (!enabled) ImGui::EndDisabled();
    return clicked && enabled;
}

}  // namespace

float button_width(Ui& ui, const std::string& label, ImFont* font) {
    ImFont* f = font ? font : ui.fonts.bold;
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x + ui.u() * 1.6f;
}

bool button(Ui& ui, const std::string& id, const std::string& label, Look look, ImVec2 size, bool enabled,
            ImFont* font) {
    ImFont* f = font ? font : ui.fonts.bold;
    const float u = ui.u();
    const ImVec2 text_size = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str());
    if (size.x <= 0) size.x = text_size.x + u * 1.6f;
    if (size.y <= 0) size.y = std::max(u * 2.2f, text_size.y + u * 0.8f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = invisible(id, size, enabled);
    const Colors c = colors_for(ui, look, enabled && ImGui::IsItemHovered(), enabled && ImGui::IsItemActive(), enabled);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = u * 0.3f;
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, end, c.fill, rounding);
    dl->AddRect(pos, end, c.border, rounding, 0, c.border_width);
    // Labels wider than the button are clipped rather than spilling over their neighbours.
    dl->PushClipRect(pos, end, true);
    const ImVec2 at(pos.x + std::max(u * 0.3f, (size.x - text_size.x) / 2), pos.y + (size.y - text_size.y) / 2);
    dl->AddText(f, f->FontSize, at, c.text, label.c_str());
    dl->PopClipRect();
    ui.control(id);
    if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

namespace {

struct CardLayout {
    float pad, badge_w, marker_w, text_x, wrap;
};

CardLayout card_layout(Ui& ui, float width, const Card& card) {
    const float u = ui.u();
    CardLayout l{};
    l.pad = u * 0.7f;
    l.badge_w = card.badge.empty() ? 0 : u * 2.0f;
    l.marker_w = card.marker == Marker::None ? 0 : u * 1.6f;
    l.text_x = l.pad + l.badge_w + l.marker_w;
    l.wrap = std::max(u * 4, width - l.text_x - l.pad);
    return l;
}

}  // namespace

float card_height(Ui& ui, const std::string& text, float width, const Card& card) {
    ImFont* f = card.font ? card.font : ui.fonts.body;
    const CardLayout l = card_layout(ui, width, card);
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, l.wrap, text.c_str());
    return std::max(ui.u() * 2.6f, ts.y + l.pad * 2);
}

bool card(Ui& ui, const std::string& id, const std::string& text, float width, const Card& look, float height) {
    ImFont* f = look.font ? look.font : ui.fonts.body;
    const float u = ui.u();
    const CardLayout l = card_layout(ui, width, look);
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, l.wrap, text.c_str());
    const float h = std::max(height, std::max(u * 2.6f, ts.y + l.pad * 2));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = invisible(id, ImVec2(width, h), look.enabled);
    const bool hovered = look.enabled && ImGui::IsItemHovered();
    Colors c = colors_for(ui, look.selected ? Look::Selected : Look::Normal, hovered,
                          look.enabled && ImGui::IsItemActive(), look.enabled || look.selected);
    if (look.verdict) {
        c.border = *look.verdict ? ui.palette.correct : ui.palette.wrong;
        c.border_width = std::max(3.0f, ui.palette.border);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = u * 0.3f;
    const ImVec2 end(pos.x + width, pos.y + h);
    dl->AddRectFilled(pos, end, c.fill, rounding);
    dl->AddRect(pos, end, c.border, rounding, 0, c.border_width);
    const float cy = pos.y + h / 2;
    float x = pos.x + l.pad;
    if (!look.badge.empty()) {
        const float r = u * 0.8f;
        const ImVec2 centre(x + r, cy);
        // On a selected card the badge inverts the card's colours, so it shows in both themes.
        ImU32 back = ui.palette.button_border, front = ui.palette.panel;
        if (look.selected) {
            back = ui.display.high_contrast ? ui.palette.selected_text : ui.palette.selected_border;
            front = ui.display.high_contrast ? ui.palette.selected : ui.palette.primary_text;
        }
        dl->AddCircleFilled(centre, r, back, 24);
        const ImVec2 bs = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, look.badge.c_str());
        dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(centre.x - bs.x / 2, centre.y - bs.y / 2), front,
                    look.badge.c_str());
        x += l.badge_w;
    }
    if (look.marker != Marker::None) {
        const float r = u * 0.5f;
        const ImVec2 centre(x + r, cy);
        const float w = std::max(2.0f, u * 0.12f);
        if (look.marker == Marker::Radio) {
            dl->AddCircle(centre, r, c.text, 24, w);
            if (look.selected) dl->AddCircleFilled(centre, r * 0.5f, c.text, 24);
        } else {
            dl->AddRect(ImVec2(centre.x - r, centre.y - r), ImVec2(centre.x + r, centre.y + r), c.text, u * 0.1f, 0, w);
            if (look.selected) {
                const ImVec2 pts[3] = {ImVec2(centre.x - r * 0.6f, centre.y),
                                       ImVec2(centre.x - r * 0.15f, centre.y + r * 0.5f),
                                       ImVec2(centre.x + r * 0.65f, centre.y - r * 0.55f)};
                dl->AddPolyline(pts, 3, c.text, 0, w * 1.3f);
            }
        }
    }
    dl->AddText(f, f->FontSize, ImVec2(pos.x + l.text_x, pos.y + (h - ts.y) / 2), c.text, text.c_str(), nullptr,
                l.wrap);
    ui.control(id);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

void text(Ui& ui, const std::string& s, ImFont* font, ImU32 color) {
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    (void)ui;
}

void text_centered(Ui& ui, const std::string& s, ImFont* font, ImU32 color) {
    ImFont* f = font ? font : ui.fonts.body;
    const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) / 2);
    ImGui::PushFont(f);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(s.c_str());
    if (color) ImGui::PopStyleColor();
    ImGui::PopFont();
}

void message_box(Ui& ui, const std::string& id, const std::string& heading, const std::string& body, ImU32 accent,
                 float width, const std::string& tag) {
    const float u = ui.u();
    const float pad = u * 0.8f;
    const float wrap = width - pad * 2 - u * 0.4f;
    ImFont* hf = ui.fonts.bold;
    ImFont* bf = ui.fonts.body;
    const auto measure = [&](ImFont* f, const std::string& s) {
        return s.empty() ? ImVec2(0, 0) : f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, s.c_str());
    };
    const ImVec2 hs = measure(hf, heading), ts = measure(hf, tag), bs = measure(bf, body);
    const float gap = u * 0.4f;
    float h = pad * 2 + hs.y + ts.y + bs.y;
    if (!heading.empty() && !tag.empty()) h += gap * 0.5f;
    if ((!heading.empty() || !tag.empty()) && !body.empty()) h += gap;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, h));
    ui.control(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + width, pos.y + h);
    dl->AddRectFilled(pos, end, ui.palette.panel, u * 0.3f);
    dl->AddRect(pos, end, accent, u * 0.3f, 0, std::max(2.0f, ui.palette.border));
    dl->AddRectFilled(pos, ImVec2(pos.x + u * 0.4f, end.y), accent, u * 0.3f, ImDrawFlags_RoundCornersLeft);
    const float x = pos.x + pad + u * 0.4f;
    float y = pos.y + pad;
    if (!heading.empty()) {
        // Without a tag the heading is the verdict and takes the accent colour.
        dl->AddText(hf, hf->FontSize, ImVec2(x, y), tag.empty() ? accent : ui.palette.text, heading.c_str(), nullptr,
                    wrap);
        y += hs.y + (tag.empty() ? 0 : gap * 0.5f);
    }
    if (!tag.empty()) {
        dl->AddText(hf, hf->FontSize, ImVec2(x, y), accent, tag.c_str(), nullptr, wrap);
        y += ts.y;
    }
    if (!heading.empty() || !tag.empty()) y += gap;
    if (!body.empty()) dl->AddText(bf, bf->FontSize, ImVec2(x, y), ui.palette.text, body.c_str(), nullptr, wrap);
}

void pin_dots(Ui& ui, const std::string& pin, std::size_t length, float width) {
    const float u = ui.u();
    const float h = u * 2.6f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ui.palette.panel, u * 0.3f);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), ui.palette.button_border, u * 0.3f, 0,
                std::max(2.0f, ui.palette.border));
    const std::size_t places = std::max(length, pin.size());
    const float step = u * 1.6f;
    const float x0 = pos.x + (width - step * static_cast<float>(places)) / 2 + step / 2;
    for (std::size_t i = 0; i < places; ++i) {
        const ImVec2 c(x0 + step * static_cast<float>(i), pos.y + h / 2);
        if (i < pin.size())
            dl->AddCircleFilled(c, u * 0.42f, ui.palette.text, 20);
        else
            dl->AddCircle(c, u * 0.42f, ui.palette.text_dim, 20, 2);
    }
}

bool keypad(Ui& ui, const std::string& id, std::string& pin, std::size_t max_length, bool keys) {
    const float u = ui.u();
    const float kw = u * 3.8f, kh = u * 2.4f, gap = u * 0.35f;
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "\xE2\x86\x90", "0", nullptr};
    const std::string ok = ui.tr("keypad.ok");
    bool done = false;
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (int row = 0; row < 4; ++row) {
        ImGui::SetCursorPosX(x0);
        for (int col = 0; col < 3; ++col) {
            const int k = row * 3 + col;
            if (col > 0) ImGui::SameLine();
            if (k == 11) {
                if (button(ui, id + ".ok", ok, Look::Primary, ImVec2(kw, kh), !pin.empty())) done = true;
            } else if (k == 9) {
                if (button(ui, id + ".back", labels[k], Look::Normal, ImVec2(kw, kh), !pin.empty(), ui.fonts.heading) &&
                    !pin.empty())
                    pin.pop_back();
            } else if (button(ui, id + "." + labels[k], labels[k], Look::Normal, ImVec2(kw, kh), true,
                              ui.fonts.heading)) {
                if (pin.size() < max_length) pin += labels[k];
            }
        }
    }
    ImGui::PopStyleVar();
    if (keys) {
        if (const auto d = ui.input.digit(); d && pin.size() < max_length) pin += static_cast<char>('0' + *d);
        if ((ui.input.pressed(SDL_SCANCODE_BACKSPACE) || ui.input.pressed(SDL_SCANCODE_KP_BACKSPACE)) && !pin.empty())
            pin.pop_back();
        if (ui.input.enter() && !pin.empty()) done = true;
    }
    return done;
}

void progress_bar(Ui& ui, float fraction, ImVec2 size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = size.y / 2;
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui.palette.panel_border, r);
    const float w = std::clamp(fraction, 0.0f, 1.0f) * size.x;
    if (w > 0) dl->AddRectFilled(pos, ImVec2(pos.x + std::max(w, size.y), pos.y + size.y), ui.palette.primary, r);
}

void begin_band(Ui& ui, const char* id, float height, bool top) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.palette.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.u() * 0.8f, ui.u() * 0.35f));
    ImGui::BeginChild(
        id, ImVec2(0, height), false,
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    // A rule between the band and the content.
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    const float y = top ? p.y + s.y - 1 : p.y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, y), ImVec2(p.x + s.x, y), ui.palette.panel_border,
                                        std::max(1.0f, ui.palette.border));
}

void end_band() {
    ImGui::EndChild();
}

float display_toggles_width(Ui& ui) {
    return button_width(ui, "A+") + button_width(ui, "\xE2\x97\x90") + ImGui::GetStyle().ItemSpacing.x;
}

void display_toggles(Ui& ui, std::function<void(const Display&)> change) {
    const Display now = ui.display;
    const float h = ui.u() * 2.0f;
    if (button(ui, "display.large_text", now.large_text ? "A\xE2\x88\x92" : "A+",
               now.large_text ? Look::Selected : Look::Normal, ImVec2(button_width(ui, "A+"), h))) {
        Display d = now;
        d.large_text = !d.large_text;
        ui.post([change, d] { change(d); });
    }
    ImGui::SameLine();
    if (button(ui, "display.high_contrast", "\xE2\x97\x90", now.high_contrast ? Look::Selected : Look::Normal,
               ImVec2(button_width(ui, "\xE2\x97\x90"), h))) {
        Display d = now;
        d.high_contrast = !d.high_contrast;
        ui.post([change, d] { change(d); });
    }
}

float language_toggle_width(Ui& ui) {
    float w = 0;
    for (const auto& [code, cat] : ui.catalogues)
        w += button_width(ui, cat.text("language.name")) + ImGui::GetStyle().ItemSpacing.x;
    return w;
}

void language_toggle(Ui& ui, std::function<void(const std::string&)> choose) {
    const float h = ui.u() * 2.0f;
    bool first = true;
    for (const auto& [code, cat] : ui.catalogues) {
        if (!first) ImGui::SameLine();
        first = false;
        const std::string& name = cat.text("language.name");
        if (button(ui, "language." + code, name, code == ui.lang ? Look::Selected : Look::Normal,
                   ImVec2(button_width(ui, name), h)) &&
            code != ui.lang) {
            const std::string lang = code;
            ui.post([choose, lang] { choose(lang); });
        }
    }
}

void help_button(Ui& ui, const std::string& label) {
    const bool asked = ui.session.help_requested();
    // Once asked, the button stays lit (not greyed out) to show that help is on its way.
    if (button(ui, "help", label, asked ? Look::Selected : Look::Normal, ImVec2(0, ui.u() * 2.0f)) && !asked)
        ui.post([&ui] { ui.session.request_help(); });
}

}  // namespace cbt::ui
