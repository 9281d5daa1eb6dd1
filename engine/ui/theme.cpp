// The two palettes. High contrast follows the usual accessibility pattern: black ground, white
// text, yellow for what is selected or primary, and outlines at least 3 px wide.
#include "ui/theme.hpp"

#include <cmath>

namespace cbt::ui {
namespace {

constexpr ImU32 rgb(unsigned v, unsigned a = 255) {
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, a);
}

ImVec4 vec(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

Palette normal_palette() {
    Palette p{};
    p.background = rgb(0xEEF1F5);
    p.panel = rgb(0xFFFFFF);
    p.panel_border = rgb(0xC9D1DB);
    p.text = rgb(0x17202B);
    p.text_dim = rgb(0x4F5B69);
    p.button = rgb(0xFFFFFF);
    p.button_hover = rgb(0xE4ECF7);
    p.button_active = rgb(0xC9DBF2);
    p.button_text = rgb(0x17202B);
    p.button_border = rgb(0x8C9AAB);
    p.primary = rgb(0x1D5FB0);
    p.primary_hover = rgb(0x174F95);
    p.primary_text = rgb(0xFFFFFF);
    p.selected = rgb(0xD5E6FC);
    p.selected_border = rgb(0x1D5FB0);
    p.selected_text = rgb(0x0D2F5C);
    p.correct = rgb(0x1B7A35);
    p.wrong = rgb(0xB42318);
    p.warning = rgb(0x7A4D00);
    p.warning_back = rgb(0xFFF1CC);
    p.notice_back = rgb(0xFFFFFF);
    p.dimmer = rgb(0x0B1320, 150);
    p.border = 1.5f;
    return p;
}

Palette contrast_palette() {
    Palette p{};
    p.background = rgb(0x000000);
    p.panel = rgb(0x000000);
    p.panel_border = rgb(0xFFFFFF);
    p.text = rgb(0xFFFFFF);
    p.text_dim = rgb(0xFFFFFF);
    p.button = rgb(0x000000);
    p.button_hover = rgb(0x333333);
    p.button_active = rgb(0x555555);
    p.button_text = rgb(0xFFFFFF);
    p.button_border = rgb(0xFFFFFF);
    p.primary = rgb(0xFFE600);
    p.primary_hover = rgb(0xFFF176);
    p.primary_text = rgb(0x000000);
    p.selected = rgb(0xFFE600);
    p.selected_border = rgb(0xFFE600);
    p.selected_text = rgb(0x000000);
    p.correct = rgb(0x5CFF8A);
    p.wrong = rgb(0xFF8A80);
    p.warning = rgb(0xFFE600);
    p.warning_back = rgb(0x000000);
    p.notice_back = rgb(0x000000);
    p.dimmer = rgb(0x000000, 200);
    p.border = 3;
    return p;
}

}  // namespace

Palette apply_theme(const Display& display, float unit) {
    const Palette p = display.high_contrast ? contrast_palette() : normal_palette();
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(std::round(unit * 0.8f), std::round(unit * 0.6f));
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.ChildRounding = 0;
    s.ChildBorderSize = 0;
    s.PopupRounding = std::round(unit * 0.3f);
    s.FramePadding = ImVec2(std::round(unit * 0.5f), std::round(unit * 0.4f));
    s.FrameRounding = std::round(unit * 0.25f);
    s.FrameBorderSize = p.border;
    s.ItemSpacing = ImVec2(std::round(unit * 0.5f), std::round(unit * 0.5f));
    s.ItemInnerSpacing = ImVec2(std::round(unit * 0.4f), std::round(unit * 0.3f));
    // Scrollbars wide enough to drag with a finger.
    s.ScrollbarSize = std::round(unit * 1.1f);
    s.ScrollbarRounding = std::round(unit * 0.5f);
    s.GrabMinSize = std::round(unit * 1.5f);
    s.DisabledAlpha = 0.45f;

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = vec(p.text);
    c[ImGuiCol_TextDisabled] = vec(p.text_dim);
    c[ImGuiCol_WindowBg] = vec(p.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = vec(p.notice_back);
    c[ImGuiCol_Border] = vec(p.panel_border);
    c[ImGuiCol_FrameBg] = vec(p.panel);
    c[ImGuiCol_FrameBgHovered] = vec(p.panel);
    c[ImGuiCol_FrameBgActive] = vec(p.panel);
    c[ImGuiCol_ScrollbarBg] = vec(p.background);
    c[ImGuiCol_ScrollbarGrab] = vec(p.button_border);
    c[ImGuiCol_ScrollbarGrabHovered] = vec(p.primary);
    c[ImGuiCol_ScrollbarGrabActive] = vec(p.primary);
    c[ImGuiCol_Button] = vec(p.button);
    c[ImGuiCol_ButtonHovered] = vec(p.button_hover);
    c[ImGuiCol_ButtonActive] = vec(p.button_active);
    c[ImGuiCol_TextSelectedBg] = vec(display.high_contrast ? rgb(0x0050A0) : rgb(0xB5D3FA));
    c[ImGuiCol_NavHighlight] = vec(p.selected_border);
    c[ImGuiCol_ModalWindowDimBg] = vec(p.dimmer);
    c[ImGuiCol_PlotHistogram] = vec(p.primary);
    return p;
}

}  // namespace cbt::ui
