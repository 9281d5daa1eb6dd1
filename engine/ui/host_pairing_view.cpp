// Pairing: each kiosk that asked to join, with the six digits its screen shows too; the
// instructor approves it (choosing its seat, the lowest free one by default) or refuses it.
// Below, every kiosk the classroom knows, where a seat can be changed or an approval withdrawn.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/host_views.hpp"

namespace cbt::ui {
namespace {

// "123 456": two groups read more reliably aloud and at a glance.
std::string grouped(const std::string& code) {
    return code.size() == 6 ? code.substr(0, 3) + " " + code.substr(3) : code;
}

const char* status_key(sync::DeviceStatus s) {
    switch (s) {
        case sync::DeviceStatus::Approved:
            return key("host.pairing.approved");
        case sync::DeviceStatus::Refused:
            return key("host.pairing.refused");
        case sync::DeviceStatus::Pending:
            return key("host.pairing.pending");
    }
    return key("host.pairing.pending");
}

}  // namespace

void PairingView::draw(HostUi& ui, HostModel& model) {
    const float u = ui.u();
    ImGui::BeginChild("##pairing", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    host_heading(ui, ui.tr("host.pairing.waiting_title"));
    const auto pending = model.pending();
    if (pending.empty()) {
        host_text(ui, ui.tr("host.pairing.none_waiting"), ui.palette.text_dim);
    } else {
        host_text(ui, ui.tr("host.pairing.compare"), ui.colors.pending, ui.fonts.bold);
        for (const auto& d : pending) waiting(ui, model, d);
    }
    if (model.pairing_code()) host_text(ui, ui.tr("host.pairing.code_set"), ui.palette.text_dim);

    ImGui::Dummy(ImVec2(0, u * 0.5f));
    host_heading(ui, ui.tr("host.pairing.known_title"));
    std::vector<sync::Device> known;
    for (const auto& d : model.devices())
        if (d.status != sync::DeviceStatus::Pending) known.push_back(d);
    if (known.empty()) {
        host_text(ui, ui.tr("host.pairing.none_known"), ui.palette.text_dim);
        ImGui::EndChild();
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_SizingStretchProp;
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, ui.palette.background);
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, ui.palette.button_hover);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(u * 0.4f, u * 0.25f));
    if (ImGui::BeginTable("##known", 6, flags)) {
        ImGui::TableSetupColumn(ui.tr("host.pairing.seat").c_str(), 0, 0.45f);
        ImGui::TableSetupColumn(ui.tr("host.pairing.kiosk").c_str(), 0, 1.3f);
        ImGui::TableSetupColumn(ui.tr("host.pairing.state").c_str(), 0, 0.8f);
        ImGui::TableSetupColumn(ui.tr("host.pairing.last_seen").c_str(), 0, 0.75f);
        ImGui::TableSetupColumn(ui.tr("host.pairing.code").c_str(), 0, 0.7f);
        ImGui::TableSetupColumn("", 0, 3.2f);
        ImGui::TableHeadersRow();
        for (const auto& d : known) {
            ImGui::PushID(d.device_id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(d.seat > 0 ? std::to_string(d.seat).c_str() : "\xE2\x80\x94");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(fit_text(ui.fonts.body,
                                            (d.name.empty() ? "?" : d.name) + "  \xC2\xB7  " + d.device_id,
                                            ImGui::GetContentRegionAvail().x)
                                       .c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            host_text(ui, ui.tr(status_key(d.status)),
                      d.status == sync::DeviceStatus::Approved ? ui.palette.correct : ui.palette.wrong);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(d.last_seen_ms > 0 ? clock_text(ui, d.last_seen_ms).c_str() : "\xE2\x80\x94");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(grouped(model.code_for(d)).c_str());
            ImGui::TableNextColumn();
            int& seat =
                seat_input_.try_emplace(d.device_id, d.seat > 0 ? d.seat : model.suggested_seat()).first->second;
            ImGui::SetNextItemWidth(u * 6.0f);
            ImGui::InputInt("##seat", &seat, 1, 1);
            seat = std::clamp(seat, 1, 999);
            ui.control("known.seat." + d.device_id);
            ImGui::SameLine();
            const bool approved = d.status == sync::DeviceStatus::Approved;
            const std::string id = d.device_id;
            const int chosen = seat;
            if (host_button(ui, "known.approve." + id, ui.tr(approved ? "host.pairing.move" : "host.pairing.approve"),
                            Tone::Normal, {}, !approved || chosen != d.seat)) {
                ui.post([&ui, &model, this, id, chosen] {
                    if (model.approve(id, chosen) == ApproveResult::SeatTaken)
                        ui.say(ui.trf("host.pairing.seat_taken", {{"seat", std::to_string(chosen)}}), true);
                    else
                        ui.say(ui.trf("host.said.approved", {{"seat", std::to_string(chosen)}}));
                    seat_input_.erase(id);
                });
            }
            if (approved) {
                ImGui::SameLine();
                if (host_button(ui, "known.refuse." + id, ui.tr("host.pairing.withdraw"), Tone::Danger))
                    ui.post([&ui, &model, this, id] {
                        model.refuse(id);
                        seat_input_.erase(id);
                        ui.say(ui.tr("host.said.refused"));
                    });
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::EndChild();
}

void PairingView::waiting(HostUi& ui, HostModel& model, const sync::Device& d) {
    const float u = ui.u();
    ImGui::PushID(d.device_id.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.palette.panel);
    ImGui::PushStyleColor(ImGuiCol_Border, ui.colors.pending);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 3.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, u * 0.35f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u * 0.8f, u * 0.5f));
    const float h = std::round(ui.fonts.heading->FontSize + ui.fonts.body->FontSize * 2 + u * 2.4f);
    ImGui::BeginChild("##waiting", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);

    // Left: which kiosk, and since when it asks.
    const float col_w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginGroup();
    host_text(ui, fit_text(ui.fonts.heading, d.name.empty() ? d.device_id : d.name, col_w * 0.3f), 0, ui.fonts.heading);
    host_text(ui, fit_text(ui.fonts.body, d.device_id, col_w * 0.3f), ui.palette.text_dim);
    host_text(ui, ui.trf("host.pairing.asked", {{"time", clock_text(ui, d.first_seen_ms)}}), ui.palette.text_dim);
    ImGui::EndGroup();

    // Middle: the code, big.
    ImGui::SameLine(col_w * 0.33f);
    ImGui::BeginGroup();
    host_text(ui, ui.tr("host.pairing.code_label"), ui.palette.text_dim);
    host_text(ui, grouped(model.code_for(d)), ui.palette.text, ui.fonts.big);
    ui.control("pairing.code." + d.device_id);
    ImGui::EndGroup();

    // Right: the seat and the decision.
    ImGui::SameLine(col_w * 0.58f);
    ImGui::BeginGroup();
    host_text(ui, ui.tr("host.pairing.seat"), ui.palette.text_dim);
    int& seat = seat_input_.try_emplace(d.device_id, model.suggested_seat()).first->second;
    ImGui::SetNextItemWidth(u * 9);
    ImGui::PushFont(ui.fonts.heading);
    ImGui::InputInt("##seat", &seat, 1, 1);
    ImGui::PopFont();
    seat = std::clamp(seat, 1, 999);
    ui.control("pairing.seat." + d.device_id);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, u * 0.6f));
    const std::string id = d.device_id;
    const int chosen = seat;
    const sync::Device* holder = model.device_at(chosen);
    if (host_button(ui, "approve." + id, ui.tr("host.pairing.approve"), Tone::Primary, ImVec2(0, u * 2.4f), !holder))
        ui.post([&ui, &model, this, id, chosen] {
            if (model.approve(id, chosen) == ApproveResult::SeatTaken) {
                ui.say(ui.trf("host.pairing.seat_taken", {{"seat", std::to_string(chosen)}}), true);
                return;
            }
            seat_input_.erase(id);
            ui.say(ui.trf("host.said.approved", {{"seat", std::to_string(chosen)}}));
        });
    ImGui::SameLine();
    if (host_button(ui, "refuse." + id, ui.tr("host.pairing.refuse"), Tone::Danger, ImVec2(0, u * 2.4f)))
        ui.post([&ui, &model, this, id] {
            model.refuse(id);
            seat_input_.erase(id);
            ui.say(ui.tr("host.said.refused"));
        });
    if (holder) host_text(ui, ui.trf("host.pairing.seat_taken", {{"seat", std::to_string(chosen)}}), ui.palette.wrong);
    ImGui::EndGroup();
    ImGui::EndChild();
    ImGui::PopID();
}

}  // namespace cbt::ui
