// Font atlas building with ImGui's FreeType builder (sharper at small sizes than stb_truetype).
// Glyph ranges are listed once here; anything outside them draws as ImGui's fallback '?'.
#include "ui/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "ui/platform.hpp"

namespace cbt::ui {
namespace {

// Latin-1 and Latin Extended-A (names written in Latin script), Cyrillic (Russian and the
// letters of Kazakh, Kyrgyz, Tajik and Uzbek), dashes, quotes, bullet and ellipsis, the euro and
// numero signs, arrows, the maths minus, the few shapes used as icons, and check marks. Every
// glyph costs atlas memory in every size, so the list is kept to what text and icons use.
const ImWchar glyph_ranges[] = {
    0x0020, 0x017F, 0x0400, 0x04FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2116, 0x2116, 0x2190,
    0x2193, 0x2212, 0x2212, 0x25B2, 0x25B2, 0x25BC, 0x25BC, 0x25D0, 0x25D0, 0x2713, 0x2717, 0,
};
// The big font shows figures only (scores, percentages).
const ImWchar figure_ranges[] = {0x0020, 0x007F, 0x2713, 0x2717, 0};

std::filesystem::path find_font(const std::vector<std::filesystem::path>& dirs, const char* name) {
    std::error_code ec;
    for (const auto& dir : dirs)
        if (std::filesystem::is_regular_file(dir / name, ec)) return dir / name;
    return {};
}

}  // namespace

Fonts::Fonts(std::vector<std::filesystem::path> search_dirs) : dirs_(std::move(search_dirs)) {}

void Fonts::build(Platform& platform, int height, float scale) {
    if (height == built_height_ && scale == built_scale_) return;
    built_height_ = height;
    built_scale_ = scale;
    // 24 px body text on an 800-pixel-high screen reads comfortably at arm's length; the
    // clamp keeps tiny windows usable and huge screens from wasting space.
    unit_ = std::round(std::clamp(height / 800.0f * 24.0f, 16.0f, 48.0f) * scale);

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    const auto regular_file = find_font(dirs_, "DejaVuSans.ttf");
    const auto bold_file = find_font(dirs_, "DejaVuSans-Bold.ttf");
    found_ = !regular_file.empty();
    const auto add = [&](const std::filesystem::path& file, float px, const ImWchar* ranges = glyph_ranges) -> ImFont* {
        ImFontConfig config;
        config.OversampleH = 1;  // FreeType hints; oversampling only costs atlas space
        config.OversampleV = 1;
        if (!file.empty()) {
            if (ImFont* f = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &config, ranges)) return f;
        }
        config.SizePixels = px;
        return io.Fonts->AddFontDefault(&config);
    };
    if (!found_)
        std::cerr
            << "cbt-kiosk: warning: DejaVuSans.ttf not found (install fonts-dejavu-core); Cyrillic will not show\n";
    const auto& bold_or_regular = bold_file.empty() ? regular_file : bold_file;
    body = add(regular_file, unit_);
    bold = add(bold_or_regular, unit_);
    heading = add(bold_or_regular, std::round(unit_ * 1.3f));
    title = add(bold_or_regular, std::round(unit_ * 1.6f));
    big = add(bold_or_regular, std::round(unit_ * 2.4f), figure_ranges);
    io.FontDefault = body;
    io.Fonts->Build();
    platform.reload_fonts_texture();
    // The pixels now live in the GL texture; ImGui's own copies (alpha and RGBA) are not needed.
    io.Fonts->ClearTexData();
}

}  // namespace cbt::ui
