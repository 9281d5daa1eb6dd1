// UI trace lines. Each line is flushed at once so a test polling the file sees every view.
#include "ui/trace.hpp"

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

}  // namespace cbt::ui
