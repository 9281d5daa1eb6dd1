// The roster page: the trainees in a table (with a find field), a form to add or edit one and
// set or clear their PIN, and CSV import and export. PINs are hashed as soon as they are saved;
// the form never shows one back.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "base/text.hpp"
#include "ui/host_views.hpp"

namespace cbt::ui {

void RosterView::edit(const sync::RosterEntry& entry) {
    editing_ = entry;
    pin_.clear();
}

void RosterView::draw(HostUi& ui, HostModel& model) {
    const float u = ui.u();
    if (csv_path_.empty()) csv_path_ = (model.store().data_dir() / "roster.csv").string();
    const float form_w = std::min(u * 24, ImGui::GetContentRegionAvail().x * 0.42f);
    const float list_w = ImGui::GetContentRegionAvail().x - form_w - u;

    ImGui::BeginChild("##roster_list", ImVec2(list_w, 0), false, ImGuiWindowFlags_NavFlattened);
    host_heading(ui, ui.trf("host.roster.title", {{"n", std::to_string(model.roster().size())}}));
    ImGui::SetNextItemWidth(u * 16);
    ImGui::InputTextWithHint("##find", ui.tr("host.roster.find").c_str(), &find_);
    ui.control("roster.find");
    const std::string needle = base::fold_for_comparison(find_);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, ui.palette.background);
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, ui.palette.button_hover);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(u * 0.4f, u * 0.2f));
    if (ImGui::BeginTable("##roster", 5, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("host.roster.name").c_str(), 0, 2.0f);
        ImGui::TableSetupColumn(ui.tr("host.roster.service").c_str(), 0, 1.3f);
        ImGui::TableSetupColumn(ui.tr("host.roster.id_number").c_str(), 0, 1.1f);
        ImGui::TableSetupColumn(ui.tr("host.roster.pin").c_str(), 0, 0.5f);
        ImGui::TableSetupColumn("", 0, 0.9f);
        ImGui::TableHeadersRow();
        if (model.roster().empty()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            host_text(ui, ui.tr("host.roster.empty"), ui.palette.text_dim);
        }
        for (const auto& r : model.roster()) {
            if (!needle.empty()) {
                const std::string hay = base::fold_for_comparison(r.name + " " + r.service + " " + r.id_number);
                if (hay.find(needle) == std::string::npos) continue;
            }
            ImGui::PushID(r.id.c_str());
            ImGui::TableNextRow();
            const bool current = r.id == editing_.id;
            if (current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ui.palette.selected);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(r.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.service.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.id_number.c_str());
            ImGui::TableNextColumn();
            host_text(ui, r.pin_hash.empty() ? "\xE2\x80\x94" : "\xE2\x9C\x93",
                      r.pin_hash.empty() ? ui.palette.text_dim : ui.palette.correct);
            ImGui::TableNextColumn();
            if (host_button(ui, "roster.edit." + r.id, ui.tr("host.roster.edit"),
                            current ? Tone::Selected : Tone::Normal, ImVec2(-1, u * 1.6f)))
                edit(r);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::EndChild();

    ImGui::SameLine(0, u);
    ImGui::BeginChild("##roster_form", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    form(ui, model);
    ImGui::Dummy(ImVec2(0, u * 0.4f));
    ImGui::Separator();
    csv(ui, model);
    ImGui::EndChild();
}

void RosterView::form(HostUi& ui, HostModel& model) {
    const float u = ui.u();
    const bool is_new = editing_.id.empty();
    host_heading(ui, ui.tr(is_new ? "host.roster.new_title" : "host.roster.edit_title"));
    const auto field = [&](const char* label_key, const char* id, std::string* value, ImGuiInputTextFlags flags = 0) {
        host_text(ui, ui.tr(label_key), ui.palette.text_dim);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText(id, value, flags);
        ui.control(std::string("roster.") + (id + 2));
    };
    field("host.roster.name", "##name", &editing_.name);
    field("host.roster.service", "##service", &editing_.service);
    field("host.roster.id_number", "##id_number", &editing_.id_number);
    field(is_new ? "host.roster.pin_new" : "host.roster.pin_change", "##pin", &pin_, ImGuiInputTextFlags_CharsDecimal);
    ImGui::Dummy(ImVec2(0, u * 0.2f));

    const bool can = !editing_.name.empty();
    if (host_button(ui, "roster.save", ui.tr("host.roster.save"), Tone::Primary, {}, can)) {
        sync::RosterEntry entry = editing_;
        const std::optional<std::string> pin = pin_.empty() ? std::nullopt : std::optional<std::string>(pin_);
        ui.post([&ui, &model, this, entry, pin] {
            try {
                const std::string id = model.save_trainee(entry, pin);
                editing_.id = id;
                pin_.clear();
                for (const auto& r : model.roster())
                    if (r.id == id) editing_ = r;
                ui.say(ui.trf("host.said.saved_trainee", {{"name", editing_.name}}));
            } catch (const std::invalid_argument&) {
                ui.say(ui.tr(pin && pin->size() > 0 ? "host.roster.bad_pin" : "host.roster.need_name"), true);
            }
        });
    }
    if (!is_new) {
        ImGui::SameLine();
        if (host_button(ui, "roster.clear_pin", ui.tr("host.roster.clear_pin"), Tone::Normal, {},
                        !editing_.pin_hash.empty())) {
            sync::RosterEntry entry = editing_;
            ui.post([&ui, &model, this, entry] {
                model.save_trainee(entry, std::string());
                editing_.pin_hash.clear();
                ui.say(ui.trf("host.said.pin_cleared", {{"name", entry.name}}));
            });
        }
        ImGui::SameLine();
        if (host_button(ui, "roster.new", ui.tr("host.roster.new"))) edit({});
    }
}

void RosterView::csv(HostUi& ui, HostModel& model) {
    host_heading(ui, ui.tr("host.roster.csv_title"));
    host_text(ui, ui.tr("host.roster.csv_hint"), ui.palette.text_dim);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##csv_path", &csv_path_);
    ui.control("roster.csv_path");
    const std::string path = csv_path_;
    if (host_button(ui, "roster.import", ui.tr("host.roster.import"), Tone::Normal, {}, !path.empty()))
        ui.post([&ui, &model, path] {
            try {
                const RosterImport r = model.import_roster(path);
                std::string line = ui.trf("host.said.imported",
                                          {{"added", std::to_string(r.added)}, {"updated", std::to_string(r.updated)}});
                if (!r.skipped_lines.empty()) {
                    std::string lines;
                    for (int n : r.skipped_lines) lines += (lines.empty() ? "" : ", ") + std::to_string(n);
                    line += " " + ui.trf("host.said.skipped", {{"lines", lines}});
                }
                ui.say(line, !r.skipped_lines.empty());
            } catch (const std::runtime_error& e) {
                ui.say(ui.trf("host.said.import_failed", {{"error", e.what()}}), true);
            }
        });
    ImGui::SameLine();
    if (host_button(ui, "roster.export", ui.tr("host.roster.export"), Tone::Normal, {}, !path.empty()))
        ui.post([&ui, &model, path] {
            try {
                model.export_roster(path);
                ui.say(ui.trf("host.said.saved_file", {{"path", path}}));
            } catch (const std::exception& e) {
                ui.say(ui.trf("host.said.write_failed", {{"error", e.what()}}), true);
            }
        });
}

}  // namespace cbt::ui
