// The backup banner: the end-of-day backup runs by itself when the classroom's USB stick is
// plugged in (as root, in another process), so DATA/last-backup.json is the only news of it. The
// file is looked at once a second by its stat, and read only when that changes.
#include <imgui.h>
#include <sys/stat.h>

#include <algorithm>
#include <cfloat>

#include "ui/host_views.hpp"

namespace cbt::ui {
namespace {

constexpr ImU32 ok_back = IM_COL32(0xDC, 0xFC, 0xE7, 255);      // pale green
constexpr ImU32 failed_back = IM_COL32(0xFE, 0xE4, 0xE2, 255);  // pale red
// A longer reason would push the page off the screen.
constexpr std::size_t max_error_bytes = 400;

// A white tick in a filled circle centred on `c`.
void draw_tick(ImDrawList* dl, ImVec2 c, float r, ImU32 back) {
    dl->AddCircleFilled(c, r, back, 32);
    const ImVec2 points[] = {
        {c.x - r * 0.45f, c.y + r * 0.02f}, {c.x - r * 0.12f, c.y + r * 0.36f}, {c.x + r * 0.48f, c.y - r * 0.34f}};
    dl->AddPolyline(points, 3, IM_COL32_WHITE, 0, std::max(2.0f, r * 0.2f));
}

// A white "!" in a filled circle centred on `c`.
void draw_alert(ImDrawList* dl, ImVec2 c, float r, ImU32 back) {
    dl->AddCircleFilled(c, r, back, 32);
    const float w = std::max(2.0f, r * 0.2f);
    dl->AddRectFilled(ImVec2(c.x - w / 2, c.y - r * 0.55f), ImVec2(c.x + w / 2, c.y + r * 0.18f), IM_COL32_WHITE,
                      w / 2);
    dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.45f), w * 0.65f, IM_COL32_WHITE, 12);
}

}  // namespace

bool BackupBanner::poll() {
    struct stat st {};
    if (::stat((data_dir_ / sync::backup_record_name).c_str(), &st) != 0) return false;
    const std::string stamp = std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + "/" +
                              std::to_string(st.st_size) + "/" + std::to_string(st.st_ino);
    if (stamp == seen_stamp_) return false;
    seen_stamp_ = stamp;
    const auto record = sync::read_backup_record(data_dir_);
    if (!record || record->at_ms <= shown_after_ms_) return false;
    if (shown_ && shown_->at_ms == record->at_ms && shown_->ok == record->ok) return false;
    shown_ = record;
    return true;
}

void BackupBanner::dismiss() {
    if (!shown_) return;
    shown_after_ms_ = std::max(shown_after_ms_, shown_->at_ms);
    shown_.reset();
}

std::string BackupBanner::text(const HostUi& ui, const sync::BackupRecord& r) {
    const std::string time = clock_text(ui, r.at_ms);
    if (r.ok)
        return ui.trf("host.backup.ok",
                      {{"time", time},
                       {"results", count_text(ui, r.counts.finished_attempts, key("host.backup.results_one"),
                                              key("host.backup.results_few"), key("host.backup.results_many"))},
                       {"seats", count_text(ui, r.counts.devices, key("host.backup.seats_one"),
                                            key("host.backup.seats_few"), key("host.backup.seats_many"))}});
    // The backup's messages end with a full stop; the sentence around them adds its own.
    std::string error = r.error.empty() ? ui.tr("host.backup.no_reason") : r.error;
    if (error.size() > max_error_bytes) {
        // Whole UTF-8 characters only; the rest is in DATA/last-backup.json and the service's log.
        std::size_t cut = max_error_bytes;
        while (cut > 0 && (static_cast<unsigned char>(error[cut]) & 0xC0) == 0x80) --cut;
        error = error.substr(0, cut) + "\xE2\x80\xA6";
    }
    while (!error.empty() && (error.back() == '.' || error.back() == ' ' || error.back() == '\n')) error.pop_back();
    return ui.trf("host.backup.failed", {{"time", time}, {"error", error}});
}

void BackupBanner::draw(HostUi& ui) {
    if (!shown_) return;
    // Esc dismisses the banner, unless a dialog is open (Esc closes that); the key is used up,
    // so the seat selection stays.
    if (ui.input.pressed(SDL_SCANCODE_ESCAPE) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        dismiss();
        auto& keys = ui.input.keys;
        keys.erase(
            std::remove_if(keys.begin(), keys.end(), [](const KeyPress& k) { return k.code == SDL_SCANCODE_ESCAPE; }),
            keys.end());
        return;
    }
    const bool ok = shown_->ok;
    const float u = ui.u();
    const std::string sentence = text(ui, *shown_);
    const std::string label = ui.tr("host.backup.dismiss");
    ImFont* font = ui.fonts.heading;

    // Measured first: the banner is as tall as its wrapped sentence, and never shorter than the button.
    const float pad = u * 0.8f, icon_r = u * 1.1f;
    const ImVec2 button(std::max(u * 7.0f, host_button_width(ui, label)), std::round(u * 2.6f));
    const float width = ImGui::GetContentRegionAvail().x;
    const float text_x = pad + icon_r * 2 + pad;
    const float wrap = std::max(u * 10, width - text_x - pad - button.x - pad);
    const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, sentence.c_str());
    const float height = std::round(std::max(text_size.y, button.y) + pad * 2);

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ok ? ok_back : failed_back);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##backup_banner", ImVec2(0, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetWindowPos();
    const ImU32 strong = ok ? ui.palette.correct : ui.palette.wrong;
    // A strong stripe at the left and a line below, so the banner reads as news, not as a page.
    dl->AddRectFilled(o, ImVec2(o.x + u * 0.4f, o.y + height), strong);
    dl->AddLine(ImVec2(o.x, o.y + height - 1), ImVec2(o.x + width, o.y + height - 1), strong, 2.0f);
    const ImVec2 centre(o.x + pad + icon_r, o.y + height / 2);
    if (ok)
        draw_tick(dl, centre, icon_r, strong);
    else
        draw_alert(dl, centre, icon_r, strong);

    ImGui::SetCursorPos(ImVec2(text_x, (height - text_size.y) / 2));
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text);
    ImGui::PushTextWrapPos(text_x + wrap);
    ImGui::TextUnformatted(sentence.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.control("backup.text");

    ImGui::SetCursorPos(ImVec2(width - pad - button.x, (height - button.y) / 2));
    if (host_button(ui, "backup.dismiss", label, ok ? Tone::Primary : Tone::Normal, button)) dismiss();
    ImGui::EndChild();
    ui.control("backup.banner");
}

nlohmann::json BackupBanner::trace(const HostUi& ui) const {
    if (!shown_) return nullptr;
    return {{"ok", shown_->ok}, {"at_ms", shown_->at_ms}, {"text", text(ui, *shown_)}};
}

std::string BackupBanner::signature() const {
    return shown_ ? std::to_string(shown_->at_ms) + (shown_->ok ? "+" : "-") : std::string("none");
}

}  // namespace cbt::ui
