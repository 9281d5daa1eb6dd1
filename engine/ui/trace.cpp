// UI trace lines. Each line is flushed at once so a test polling the file sees every view.
#include "ui/trace.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace cbt::ui {

Trace::Trace(const std::filesystem::path& file) {
    if (!file.empty()) out_ = std::fopen(file.c_str(), "a");
}

Trace::~Trace() {
    if (out_) std::fclose(out_);
}

void Trace::begin_frame() {
    if (!out_) return;
    current_ = {{"controls", nlohmann::json::object()}};
}

void Trace::field(const std::string& name, nlohmann::json value) {
    if (out_) current_[name] = std::move(value);
}

void Trace::control(const std::string& name, float x0, float y0, float x1, float y1) {
    if (!out_ || x1 - x0 < 1 || y1 - y0 < 1) return;
    current_["controls"][name] = {std::lround(x0), std::lround(y0), std::lround(x1 - x0), std::lround(y1 - y0)};
}

void Trace::end_frame(std::uint64_t frame) {
    if (!out_) return;
    const std::string body = current_.dump();
    if (body == last_) return;
    last_ = body;
    nlohmann::json line = current_;
    line["frame"] = frame;
    const std::string text = line.dump() + "\n";
    std::fwrite(text.data(), 1, text.size(), out_);
    std::fflush(out_);
}

void Trace::last_item(const std::string& name) {
    if (!enabled()) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c0 = dl->GetClipRectMin(), c1 = dl->GetClipRectMax();
    a = ImVec2(std::max(a.x, c0.x), std::max(a.y, c0.y));
    b = ImVec2(std::min(b.x, c1.x), std::min(b.y, c1.y));
    control(name, a.x, a.y, b.x, b.y);
}

}  // namespace cbt::ui
