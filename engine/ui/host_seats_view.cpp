// The seat map: one tile per seat (five to a row, as a classroom of ten sits), the selected
// seat's screen and answers below, and the session controls for one seat or for all.
// Tiles are drawn over ImGui invisible buttons, so arrow keys and Space select them too.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <tuple>

#include "ui/host_views.hpp"

namespace cbt::ui {
namespace {

std::string tile_name(const report::SeatStatus& s, const std::vector<report::SeatStatus>& all) {
    const int same = static_cast<int>(std::count_if(all.begin(), all.end(), [&](auto& o) { return o.seat == s.seat; }));
    std::string name = "seat." + std::to_string(s.seat);
    if ((same > 1 || s.seat == 0) && s.device) name += "." + s.device->device_id;
    return name;
}

// An answer as the instructor reads it: choice ids, numbers and text as they are, lists joined.
std::string answer_text(const HostUi& ui, const nlohmann::json& a) {
    if (a.is_null()) return "\xE2\x80\x94";
    if (a.is_string()) return a.get<std::string>();
    if (a.is_boolean()) return ui.tr(a.get<bool>() ? "answer.true" : "answer.false");
    if (a.is_array()) {
        std::string out;
        for (const auto& item : a) out += (out.empty() ? "" : ", ") + answer_text(ui, item);
        return out;
    }
    if (a.is_object()) {
        std::string out;
        for (const auto& [k, v] : a.items())
            out += (out.empty() ? "" : ", ") + k + " \xE2\x86\x92 " + answer_text(ui, v);
        return out;
    }
    return a.dump();
}

std::string progress_text(const HostUi& ui, const report::SeatStatus& s) {
    if (s.attempt.empty()) return {};
    if (s.length && s.position >= 0)
        return ui.trf("host.seat.progress", {{"current", std::to_string(std::min(s.position + 1, *s.length))},
                                             {"total", std::to_string(*s.length)}});
    return ui.trf("host.seat.screens_shown", {{"count", std::to_string(s.screens_shown)}});
}

std::string connection_text(const HostUi& ui, const report::SeatStatus& s) {
    if (!s.device) return ui.tr("host.seat.no_kiosk");
    if (s.online) return ui.tr("host.seat.online");
    if (s.last_seen_ms <= 0) return ui.tr("host.seat.never_seen");
    return ui.trf("host.seat.offline_since", {{"time", clock_text(ui, s.last_seen_ms)}});
}

// The newest "assign" for a device (or for all), as the list of course ids it gave.
std::vector<std::string> assigned_courses(const HostModel& model, const std::string& device_id) {
    const report::SeatCommand* newest = nullptr;
    for (const auto& c : model.commands())
        if (c.kind == "assign" && (c.device_id.empty() || c.device_id == device_id)) newest = &c;
    std::vector<std::string> out;
    if (newest && newest->payload.is_object() && newest->payload.contains("courses") &&
        newest->payload["courses"].is_array())
        for (const auto& id : newest->payload["courses"])
            if (id.is_string()) out.push_back(id.get<std::string>());
    return out;
}

// A string field of an event's payload, or "" (payloads come from kiosks: never trust their shape).
std::string text_of(const nlohmann::json& p, const char* field) {
    if (!p.is_object()) return {};
    const auto it = p.find(field);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

float tile_height(const HostUi& ui) {
    return std::round(ui.u() * 7.6f);
}

float tile_gap(const HostUi& ui) {
    return std::round(ui.u() * 0.5f);
}

// Five tiles to a row (a classroom of ten in two rows) where the width allows; more seats than
// ten get more to a row on a wide screen.
int grid_columns(const HostUi& ui, float width, std::size_t tiles) {
    const float gap = tile_gap(ui);
    const int most = tiles <= 10 ? 5 : 8;
    return std::clamp(static_cast<int>((width + gap) / (ui.u() * 11.0f + gap)), 1, most);
}

void label_line(HostUi& ui, const std::string& label) {
    // Centres a label on the row of big buttons that follows it.
    const float offset = (host_button_height(ui) - ImGui::GetTextLineHeight()) / 2;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + offset);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_dim);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - offset);
}

}  // namespace

const report::SeatStatus* SeatsView::selected(const HostModel& model) const {
    if (selected_seat_ == 0 && selected_device_.empty()) return nullptr;
    for (const auto& s : model.seats()) {
        const std::string device = s.device ? s.device->device_id : "";
        if (s.seat == selected_seat_ && device == selected_device_) return &s;
    }
    // The kiosk at the seat changed (approved, moved): keep the seat.
    for (const auto& s : model.seats())
        if (s.seat == selected_seat_ && selected_seat_ > 0) return &s;
    return nullptr;
}

std::string SeatsView::selected_name() const {
    return selected_seat_ > 0 || !selected_device_.empty() ? "seat." + std::to_string(selected_seat_) : "";
}

void SeatsView::ask(const char* dialog, const std::string& device_id, const std::string& target_label) {
    target_device_ = device_id;
    target_label_ = target_label;
    message_.clear();
    assign_other_.clear();
    assign_all_ = device_id.empty();
    assign_devices_.clear();
    if (!device_id.empty()) assign_devices_.insert(device_id);
    open_dialog(dialog);
}

void SeatsView::draw(HostUi& ui, HostModel& model) {
    const float u = ui.u();
    if (ui.input.pressed(SDL_SCANCODE_ESCAPE) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        selected_seat_ = 0;
        selected_device_.clear();
    }
    toolbar(ui, model);
    const std::size_t tiles = model.seats().size();
    const int cols = grid_columns(ui, ImGui::GetContentRegionAvail().x, tiles);
    const int rows = static_cast<int>((tiles + cols - 1) / cols);
    // Two rows show whole; a third shows in part, so it is plain that the map scrolls.
    const float grid_h = std::min(rows, 2) * (tile_height(ui) + tile_gap(ui)) + (rows > 2 ? u * 2.5f : 0);
    grid(ui, model, grid_h);
    details(ui, model, selected(model));
}

void SeatsView::toolbar(HostUi& ui, HostModel& model) {
    label_line(ui, ui.tr("host.all.label"));
    if (host_button(ui, "all.lock", ui.tr("host.all.lock")))
        ui.post([&ui, &model] {
            model.lock("", "");
            ui.say(ui.tr("host.said.locked_all"));
        });
    ImGui::SameLine();
    if (host_button(ui, "all.unlock", ui.tr("host.all.unlock")))
        ui.post([&ui, &model] {
            model.unlock("");
            ui.say(ui.tr("host.said.unlocked_all"));
        });
    ImGui::SameLine();
    if (host_button(ui, "all.message", ui.tr("host.all.message"))) ask("dialog.message", "", ui.tr("host.target.all"));
    ImGui::SameLine();
    if (host_button(ui, "all.assign", ui.tr("host.all.assign"))) ask("dialog.assign", "", ui.tr("host.target.all"));
    ImGui::SameLine();
    if (host_button(ui, "all.end", ui.tr("host.all.end"), Tone::Danger))
        ask("dialog.end", "", ui.tr("host.target.all"));
}

void SeatsView::grid(HostUi& ui, HostModel& model, float height) {
    const float gap = tile_gap(ui);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    ImGui::BeginChild("##grid", ImVec2(0, height), false, ImGuiWindowFlags_NavFlattened);
    const auto& seats = model.seats();
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const int cols = grid_columns(ui, avail_w, seats.size());
    const float tile_w = std::floor((avail_w - gap * (cols - 1)) / cols);
    const float tile_h = tile_height(ui);
    const report::SeatStatus* current = selected(model);
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (i % cols != 0) ImGui::SameLine();
        const auto& s = seats[i];
        ImGui::PushID(static_cast<int>(i));
        if (tile(ui, model, s, ImVec2(tile_w, tile_h), current == &s)) {
            selected_seat_ = s.seat;
            selected_device_ = s.device ? s.device->device_id : "";
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

bool SeatsView::tile(HostUi& ui, const HostModel& model, const report::SeatStatus& s, ImVec2 size, bool is_selected) {
    const float u = ui.u();
    const Palette& p = ui.palette;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("##tile", size);
    ui.control(tile_name(s, model.seats()));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImU32 back = s.device ? p.panel : p.background;
    ImU32 border = hovered ? p.primary : p.panel_border;
    float border_w = std::max(1.5f, p.border);
    if (s.locked) back = ui.colors.locked_back;
    if (s.help) {
        back = ui.colors.help_back;
        border = ui.colors.help;
        border_w = std::max(4.0f, p.border);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    const float rounding = u * 0.35f;
    dl->AddRectFilled(pos, end, back, rounding);
    dl->AddRect(pos, end, border, rounding, 0, border_w);
    if (is_selected) {
        // A second, inner outline: the help colour stays visible around a selected seat.
        const float inset = border_w + 2;
        dl->AddRect(ImVec2(pos.x + inset, pos.y + inset), ImVec2(end.x - inset, end.y - inset), p.selected_border,
                    rounding * 0.6f, 0, 3.0f);
    }

    const float pad = std::round(u * 0.55f);
    const float inner = size.x - pad * 2;
    const float row_gap = std::round(u * 0.28f);
    const ImU32 dim = p.text_dim;
    float x = pos.x + pad, y = pos.y + pad;
    dl->PushClipRect(pos, end, true);

    // Row 1: the seat, the help and lock marks, the connection.
    ImFont* hf = ui.fonts.heading;
    const std::string seat =
        s.seat > 0 ? ui.trf("host.seat.title", {{"n", std::to_string(s.seat)}}) : ui.tr("host.seat.no_seat");
    dl->AddText(hf, hf->FontSize, ImVec2(x, y), s.device ? p.text : dim, seat.c_str());
    float mark_x = x + hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, seat.c_str()).x + u * 0.5f;
    const float mark_cy = y + hf->FontSize * 0.55f;
    const float marks_end = end.x - pad - u * 1.0f;  // the connection dot's place
    if (s.help) {
        const float r = u * 0.62f;
        draw_help_icon(dl, ImVec2(mark_x + r, mark_cy), r, ui.colors.help, IM_COL32_WHITE, ui.fonts.bold);
        mark_x += r * 2 + u * 0.25f;
        // The word, where the tile has room for it; the icon and colours say it anyway.
        const std::string help = ui.tr("host.seat.help");
        const float hw = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, help.c_str()).x;
        if (mark_x + hw < marks_end - (s.locked ? u * 1.2f : 0)) {
            dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(mark_x, mark_cy - ui.fonts.bold->FontSize / 2),
                        ui.colors.help, help.c_str());
            mark_x += hw + u * 0.3f;
        }
    }
    if (s.locked) draw_lock_icon(dl, ImVec2(mark_x + u * 0.5f, mark_cy - u * 0.1f), u * 0.5f, ui.colors.locked);
    // The connection dot at the top right corner.
    const float dot_r = u * 0.34f;
    const ImVec2 dot(end.x - pad - dot_r, mark_cy);
    if (!s.device) {
    } else if (s.online) {
        dl->AddCircleFilled(dot, dot_r, ui.colors.online, 16);
    } else {
        dl->AddCircle(dot, dot_r, ui.colors.offline, 16, 2.0f);
    }
    y += hf->FontSize + row_gap;

    ImFont* bf = ui.fonts.bold;
    ImFont* f = ui.fonts.body;
    if (!s.device) {
        dl->AddText(f, f->FontSize, ImVec2(x, y), dim, fit_text(f, ui.tr("host.seat.no_kiosk"), inner).c_str());
        y += f->FontSize + row_gap;
        dl->AddText(f, f->FontSize, ImVec2(x, y), dim, fit_text(f, ui.tr("host.seat.no_kiosk_hint"), inner).c_str());
        dl->PopClipRect();
        return clicked;
    }

    // Row 2: the trainee.
    std::string name = s.trainee_name.empty() ? ui.tr("host.seat.nobody") : s.trainee_name;
    if (s.signed_out) name = ui.trf("host.seat.signed_out", {{"name", name}});
    dl->AddText(bf, bf->FontSize, ImVec2(x, y), s.trainee_name.empty() || s.signed_out ? dim : p.text,
                fit_text(bf, name, inner).c_str());
    y += bf->FontSize + row_gap;

    // Row 3: what they are doing.
    std::string doing;
    if (!s.attempt.empty()) {
        // The lesson's title says more than the course's in a tile's width; the details show both.
        doing = model.title(s.course, s.lesson, ui.lang);
    } else if (!s.learner.empty()) {
        doing = ui.tr("host.seat.no_lesson");
    } else {
        doing = connection_text(ui, s);
    }
    dl->AddText(f, f->FontSize, ImVec2(x, y), dim, fit_text(f, doing, inner).c_str());
    y += f->FontSize + row_gap;

    // Row 4: progress through the lesson.
    if (!s.attempt.empty()) {
        const std::string prog = progress_text(ui, s);
        const float tw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, prog.c_str()).x;
        const float bar_w = inner - tw - u * 0.5f;
        const float bar_h = std::round(u * 0.45f);
        const float by = y + (f->FontSize - bar_h) / 2;
        if (bar_w > u * 2) {
            dl->AddRectFilled(ImVec2(x, by), ImVec2(x + bar_w, by + bar_h), p.panel_border, bar_h / 2);
            if (s.length && s.position >= 0) {
                const float frac =
                    std::clamp(static_cast<float>(s.position + 1) / static_cast<float>(*s.length), 0.0f, 1.0f);
                dl->AddRectFilled(ImVec2(x, by), ImVec2(x + std::max(bar_h, bar_w * frac), by + bar_h), p.primary,
                                  bar_h / 2);
            }
        }
        dl->AddText(f, f->FontSize, ImVec2(x + inner - tw, y), p.text, prog.c_str());
    } else if (s.locked) {
        dl->AddText(bf, bf->FontSize, ImVec2(x, y), ui.colors.locked,
                    fit_text(bf, ui.tr("host.seat.locked"), inner).c_str());
    } else if (!s.learner.empty() || s.online) {
        dl->AddText(f, f->FontSize, ImVec2(x, y), dim, fit_text(f, connection_text(ui, s), inner).c_str());
    }
    y += f->FontSize + row_gap;

    // Row 5: the last score, and how long ago the seat did anything.
    float score_w = 0;
    if (s.last_score) {
        const std::string score = ui.trf("host.seat.last_score", {{"score", percent_text(s.last_score)}}) +
                                  (s.last_passed ? " \xE2\x9C\x93" : " \xE2\x9C\x97");
        dl->AddText(bf, bf->FontSize, ImVec2(x, y), s.last_passed ? p.correct : p.wrong, score.c_str());
        score_w = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, score.c_str()).x + u * 0.5f;
    }
    // The age gives way to the score when both do not fit (the seat's panel shows it too).
    const std::string age = s.last_activity_ms ? age_text(ui, *s.last_activity_ms) : std::string();
    const float aw = age.empty() ? 0 : f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, age.c_str()).x;
    if (!age.empty() && score_w + aw <= inner) dl->AddText(f, f->FontSize, ImVec2(x + inner - aw, y), dim, age.c_str());
    dl->PopClipRect();
    return clicked;
}

void SeatsView::details(HostUi& ui, HostModel& model, const report::SeatStatus* s) {
    const float u = ui.u();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.palette.panel);
    ImGui::PushStyleColor(ImGuiCol_Border, ui.palette.panel_border);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 1.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u * 0.8f, u * 0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, u * 0.35f);
    ImGui::BeginChild("##details", ImVec2(0, 0), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    if (!s) {
        host_text(ui, ui.tr("host.seat.select_hint"), ui.palette.text_dim);
        activity(ui, model);
        ImGui::EndChild();
        return;
    }
    const float actions_w = u * 13;
    const float left_w = std::max(u * 10, ImGui::GetContentRegionAvail().x - actions_w - u);
    ImGui::BeginChild("##about", ImVec2(left_w, 0), false, ImGuiWindowFlags_NavFlattened);
    std::string title =
        s->seat > 0 ? ui.trf("host.seat.title", {{"n", std::to_string(s->seat)}}) : ui.tr("host.seat.no_seat");
    if (!s->trainee_name.empty()) title += " \xE2\x80\x94 " + s->trainee_name;
    host_heading(ui, title);
    if (!s->device) {
        host_text(ui, ui.tr("host.seat.no_kiosk_long"), ui.palette.text_dim);
        ImGui::EndChild();
        ImGui::EndChild();
        return;
    }
    std::string line = s->device->name.empty() ? s->device->device_id : s->device->name;
    line += "  \xC2\xB7  " + connection_text(ui, *s);
    if (s->last_activity_ms)
        line += "  \xC2\xB7  " + ui.trf("host.seat.last_activity", {{"age", age_text(ui, *s->last_activity_ms)}});
    host_text(ui, line, ui.palette.text_dim);
    if (s->help)
        host_text(ui,
                  ui.trf("host.seat.help_detail",
                         {{"time", clock_text(ui, s->help_at_ms)},
                          {"screen", s->help_screen.empty() ? ui.tr("host.seat.no_screen") : s->help_screen}}),
                  ui.colors.help, ui.fonts.bold);
    if (s->locked)
        host_text(ui,
                  s->lock_message.empty() ? ui.tr("host.seat.locked")
                                          : ui.trf("host.seat.locked_with", {{"message", s->lock_message}}),
                  ui.colors.locked, ui.fonts.bold);
    const auto courses = assigned_courses(model, s->device->device_id);
    if (!courses.empty()) {
        std::string list;
        for (const auto& c : courses) list += (list.empty() ? "" : ", ") + model.title(c, "", ui.lang);
        host_text(ui, ui.trf("host.seat.assigned", {{"courses", list}}), ui.palette.text_dim);
    }
    if (!s->attempt.empty()) {
        // An attempt whose start has not reached the host has no course or lesson yet.
        if (!s->course.empty() || !s->lesson.empty())
            host_text(ui,
                      model.title(s->course, "", ui.lang) + " \xC2\xB7 " + model.title(s->course, s->lesson, ui.lang),
                      0, ui.fonts.bold);
        host_text(ui, ui.trf("host.seat.current_screen",
                             {{"screen", s->screen.empty() ? "?" : s->screen}, {"progress", progress_text(ui, *s)}}));
        answers_table(ui, model, *s);
    } else {
        if (s->last_score)
            host_text(ui, ui.trf("host.seat.last_finished",
                                 {{"lesson", model.title(s->last_course, s->last_lesson, ui.lang)},
                                  {"score", percent_text(s->last_score)},
                                  {"result", ui.tr(s->last_passed ? "host.result.passed" : "host.result.failed")}}));
        host_text(ui, ui.tr(s->learner.empty() ? "host.seat.nobody_long" : "host.seat.no_lesson_long"),
                  ui.palette.text_dim);
    }
    ImGui::EndChild();

    // The seat's controls, one under the other.
    ImGui::SameLine();
    ImGui::BeginChild("##seat_actions", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    const float w = ImGui::GetContentRegionAvail().x;
    const std::string device = s->device->device_id;
    const std::string seat_label = ui.trf("host.seat.title", {{"n", std::to_string(s->seat)}});
    if (s->help) {
        if (host_button(ui, "seat.help_ack", ui.tr("host.seat.help_ack"), Tone::Help, ImVec2(w, 0))) {
            const std::int64_t seq = s->help_seq;
            ui.post([&ui, &model, device, seq, seat_label] {
                model.acknowledge_help(device, seq);
                ui.say(ui.trf("host.said.help_ack", {{"seat", seat_label}}));
            });
        }
    }
    if (!s->locked) {
        if (host_button(ui, "seat.lock", ui.tr("host.seat.lock"), Tone::Normal, ImVec2(w, 0)))
            ui.post([&ui, &model, device, seat_label] {
                model.lock(device, "");
                ui.say(ui.trf("host.said.locked", {{"seat", seat_label}}));
            });
    } else if (host_button(ui, "seat.unlock", ui.tr("host.seat.unlock"), Tone::Selected, ImVec2(w, 0))) {
        ui.post([&ui, &model, device, seat_label] {
            model.unlock(device);
            ui.say(ui.trf("host.said.unlocked", {{"seat", seat_label}}));
        });
    }
    const std::string target = seat_label + (s->trainee_name.empty() ? "" : " \xE2\x80\x94 " + s->trainee_name);
    if (host_button(ui, "seat.message", ui.tr("host.seat.message"), Tone::Normal, ImVec2(w, 0)))
        ask("dialog.message", device, target);
    if (host_button(ui, "seat.assign", ui.tr("host.seat.assign"), Tone::Normal, ImVec2(w, 0)))
        ask("dialog.assign", device, target);
    if (host_button(ui, "seat.end", ui.tr("host.seat.end"), Tone::Danger, ImVec2(w, 0)))
        ask("dialog.end", device, target);
    ImGui::EndChild();
    ImGui::EndChild();
}

void SeatsView::activity(HostUi& ui, const HostModel& model) {
    // The newest events of the whole classroom, rebuilt only when the record changed.
    if (activity_version_ != model.version()) {
        activity_version_ = model.version();
        activity_.clear();
        activity_lessons_.clear();
        for (const store::Event& e : model.events()) {
            if (e.type != "screen_shown") activity_.push_back(&e);
            if (e.type == "attempt_started")
                activity_lessons_[e.attempt] = {text_of(e.payload, "course"), text_of(e.payload, "lesson")};
        }
        const std::size_t keep = std::min<std::size_t>(activity_.size(), 60);
        std::partial_sort(activity_.begin(), activity_.begin() + static_cast<std::ptrdiff_t>(keep), activity_.end(),
                          [](const store::Event* a, const store::Event* b) {
                              return std::tie(a->at_ms, a->device_id, a->seq) >
                                     std::tie(b->at_ms, b->device_id, b->seq);
                          });
        activity_.resize(keep);
    }
    if (activity_.empty()) return;
    std::map<std::string, int> seats;
    for (const auto& d : model.devices()) seats[d.device_id] = d.seat;
    std::map<std::string, std::string> names;
    for (const auto& r : model.roster()) names[r.id] = r.name;
    const auto& lessons = activity_lessons_;

    const float u = ui.u();
    ImGui::Spacing();
    host_text(ui, ui.tr("host.activity.title"), 0, ui.fonts.bold);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, ui.palette.background);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(u * 0.35f, u * 0.15f));
    if (ImGui::BeginTable("##activity", 4, flags, ImVec2(0, std::max(u * 4, ImGui::GetContentRegionAvail().y)))) {
        ImGui::TableSetupColumn("time", 0, 0.6f);
        ImGui::TableSetupColumn("seat", 0, 0.4f);
        ImGui::TableSetupColumn("who", 0, 1.6f);
        ImGui::TableSetupColumn("what", 0, 3.4f);
        for (const store::Event* e : activity_) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            host_text(ui, clock_text(ui, e->at_ms), ui.palette.text_dim);
            ImGui::TableNextColumn();
            const auto seat = seats.find(e->device_id);
            ImGui::TextUnformatted(seat != seats.end() && seat->second > 0 ? std::to_string(seat->second).c_str()
                                                                           : "\xE2\x80\x94");
            ImGui::TableNextColumn();
            const auto name = names.find(e->learner);
            const std::string who = name != names.end() ? name->second : e->learner;
            ImGui::TextUnformatted(fit_text(ui.fonts.body, who, ImGui::GetContentRegionAvail().x).c_str());
            ImGui::TableNextColumn();
            const nlohmann::json& p = e->payload;
            const auto flag = [&](const char* field) {
                const auto it = p.is_object() ? p.find(field) : p.end();
                return p.is_object() && it != p.end() && it->is_boolean() && it->get<bool>();
            };
            std::string what;
            ImU32 color = ui.palette.text;
            if (e->type == "attempt_started") {
                what = ui.trf("host.activity.started",
                              {{"lesson", model.title(text_of(p, "course"), text_of(p, "lesson"), ui.lang)}});
            } else if (e->type == "response") {
                const bool right = flag("correct");
                what = ui.trf(right ? key("host.activity.right") : key("host.activity.wrong"),
                              {{"screen", text_of(p, "screen")}});
                color = right ? ui.palette.correct : ui.palette.wrong;
            } else if (e->type == "attempt_finished") {
                const bool passed = flag("passed");
                const auto it = p.is_object() ? p.find("score") : p.end();
                const double score = p.is_object() && it != p.end() && it->is_number() ? it->get<double>() : 0;
                const auto l = lessons.find(e->attempt);
                what = ui.trf(
                    passed ? key("host.activity.passed") : key("host.activity.failed"),
                    {{"score", percent_text(score)},
                     {"lesson", l != lessons.end() ? model.title(l->second.first, l->second.second, ui.lang) : ""}});
                color = passed ? ui.palette.correct : ui.palette.wrong;
            } else if (e->type == "help_requested") {
                what = ui.tr("host.activity.help");
                color = ui.colors.help;
            } else {
                what = e->type;
                color = ui.palette.text_dim;
            }
            ImGui::PushStyleColor(ImGuiCol_Text, color);
            ImGui::TextUnformatted(fit_text(ui.fonts.body, what, ImGui::GetContentRegionAvail().x).c_str());
            ImGui::PopStyleColor();
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void SeatsView::answers_table(HostUi& ui, HostModel& /*model*/, const report::SeatStatus& s) {
    if (s.answers.empty()) {
        host_text(ui, ui.tr("host.answers.none"), ui.palette.text_dim);
        return;
    }
    const float u = ui.u();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, ui.palette.background);
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, ui.palette.button_hover);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(u * 0.35f, u * 0.2f));
    if (ImGui::BeginTable("##answers", 5, flags, ImVec2(0, std::max(u * 5, ImGui::GetContentRegionAvail().y)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("host.answers.screen").c_str(), 0, 1.2f);
        ImGui::TableSetupColumn(ui.tr("host.answers.answer").c_str(), 0, 2.4f);
        ImGui::TableSetupColumn(ui.tr("host.answers.result").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(ui.tr("host.answers.score").c_str(), 0, 0.6f);
        ImGui::TableSetupColumn(ui.tr("host.answers.try").c_str(), 0, 0.5f);
        ImGui::TableHeadersRow();
        for (const auto& a : s.answers) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.screen.c_str());
            ImGui::TableNextColumn();
            const std::string text = answer_text(ui, a.answer);
            ImGui::TextUnformatted(fit_text(ui.fonts.body, text, ImGui::GetContentRegionAvail().x).c_str());
            if (ImGui::IsItemHovered() && text.size() > 20) ImGui::SetTooltip("%s", text.c_str());
            ImGui::TableNextColumn();
            if (a.correct)
                host_text(ui, "\xE2\x9C\x93 " + ui.tr("host.answers.right"), ui.palette.correct);
            else if (a.score > 0)
                host_text(ui, "\xE2\x97\x90 " + ui.tr("host.answers.partly"), ui.palette.warning);
            else
                host_text(ui, "\xE2\x9C\x97 " + ui.tr("host.answers.wrong"), ui.palette.wrong);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(percent_text(a.score).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::to_string(a.try_number).c_str());
        }
        // Newest answers at the bottom, in view.
        if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) ImGui::SetScrollHereY(1.0f);
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

void SeatsView::draw_dialogs(HostUi& ui, HostModel& model) {
    const float u = ui.u();
    // Send a message (and lock, if asked) to one seat or all.
    if (begin_host_dialog(ui, "dialog.message", ui.tr("host.dialog.message_title"), 34)) {
        host_text(ui, ui.trf("host.dialog.to", {{"target", target_label_}}), 0, ui.fonts.bold);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1);
        const bool entered = ImGui::InputTextWithHint("##message", ui.tr("host.dialog.message_hint").c_str(), &message_,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
        ui.control("dialog.text");
        const bool can = !message_.empty();
        const std::string device = target_device_, text = message_, label = target_label_;
        if (host_button(ui, "dialog.ok", ui.tr("host.dialog.send"), Tone::Primary, {}, can) || (entered && can)) {
            ui.post([&ui, &model, device, text, label] {
                model.send_message(device, text);
                ui.say(ui.trf("host.said.message", {{"target", label}}));
            });
            close_dialog();
        }
        ImGui::SameLine();
        if (host_button(ui, "dialog.lock", ui.tr("host.dialog.send_lock"), Tone::Normal, {}, can)) {
            ui.post([&ui, &model, device, text, label] {
                model.lock(device, text);
                ui.say(ui.trf("host.said.locked_message", {{"target", label}}));
            });
            close_dialog();
        }
        ImGui::SameLine();
        if (host_button(ui, "dialog.cancel", ui.tr("host.dialog.cancel"))) close_dialog();
        end_host_dialog();
    }

    // Assign courses to every kiosk or to chosen seats.
    if (begin_host_dialog(ui, "dialog.assign", ui.tr("host.dialog.assign_title"), 40)) {
        host_text(ui, ui.tr("host.dialog.assign_courses"), 0, ui.fonts.bold);
        const auto ids = model.course_ids();
        if (ids.empty()) host_text(ui, ui.tr("host.dialog.no_courses"), ui.palette.text_dim);
        for (const std::string& id : ids) {
            bool on = assign_courses_.count(id) != 0;
            const std::string title = model.title(id, "", ui.lang);
            const std::string label = title == id ? id : title + "  (" + id + ")";
            if (ImGui::Checkbox((label + "###course." + id).c_str(), &on)) {
                if (on)
                    assign_courses_.insert(id);
                else
                    assign_courses_.erase(id);
            }
            ui.control("dialog.course." + id);
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##other", ui.tr("host.dialog.other_courses").c_str(), &assign_other_);
        ImGui::Spacing();
        host_text(ui, ui.tr("host.dialog.assign_to"), 0, ui.fonts.bold);
        if (ImGui::RadioButton((ui.tr("host.target.all") + "###to_all").c_str(), assign_all_)) assign_all_ = true;
        ImGui::SameLine();
        if (ImGui::RadioButton((ui.tr("host.dialog.chosen_seats") + "###to_some").c_str(), !assign_all_))
            assign_all_ = false;
        if (!assign_all_) {
            int n = 0;
            for (const auto& s : model.seats()) {
                if (!s.device) continue;
                bool on = assign_devices_.count(s.device->device_id) != 0;
                if (n++ % 5 != 0) ImGui::SameLine();
                if (ImGui::Checkbox((std::to_string(s.seat) + "###assign_seat." + s.device->device_id).c_str(), &on)) {
                    if (on)
                        assign_devices_.insert(s.device->device_id);
                    else
                        assign_devices_.erase(s.device->device_id);
                }
            }
            if (n == 0) host_text(ui, ui.tr("host.dialog.no_seats"), ui.palette.text_dim);
        }
        // Courses ticked plus any typed (commas or spaces between ids).
        std::vector<std::string> courses(assign_courses_.begin(), assign_courses_.end());
        std::string word;
        for (const char c : assign_other_ + " ") {
            if (c == ',' || c == ' ' || c == ';') {
                if (!word.empty() && std::find(courses.begin(), courses.end(), word) == courses.end())
                    courses.push_back(word);
                word.clear();
            } else {
                word += c;
            }
        }
        const std::vector<std::string> devices =
            assign_all_ ? std::vector<std::string>{}
                        : std::vector<std::string>(assign_devices_.begin(), assign_devices_.end());
        const bool can = !courses.empty() && (assign_all_ || !devices.empty());
        ImGui::Dummy(ImVec2(0, u * 0.3f));
        if (host_button(ui, "dialog.ok", ui.tr("host.dialog.assign"), Tone::Primary, {}, can)) {
            const std::string label = assign_all_ ? ui.tr("host.target.all") : ui.tr("host.dialog.chosen_seats");
            ui.post([&ui, &model, devices, courses, label] {
                model.assign(devices, courses);
                ui.say(ui.trf("host.said.assigned", {{"count", std::to_string(courses.size())}, {"target", label}}));
            });
            close_dialog();
        }
        ImGui::SameLine();
        if (host_button(ui, "dialog.cancel", ui.tr("host.dialog.cancel"))) close_dialog();
        end_host_dialog();
    }

    // End the session: trainees are signed out, their answers kept.
    if (begin_host_dialog(ui, "dialog.end", ui.tr("host.dialog.end_title"), 32)) {
        host_text(ui, ui.trf("host.dialog.end_question", {{"target", target_label_}}), 0, ui.fonts.bold);
        host_text(ui, ui.tr("host.dialog.end_note"), ui.palette.text_dim);
        ImGui::Dummy(ImVec2(0, u * 0.3f));
        const std::string device = target_device_, label = target_label_;
        if (host_button(ui, "dialog.ok", ui.tr("host.dialog.end"), Tone::Danger)) {
            ui.post([&ui, &model, device, label] {
                model.end_session(device);
                ui.say(ui.trf("host.said.ended", {{"target", label}}));
            });
            close_dialog();
        }
        ImGui::SameLine();
        if (host_button(ui, "dialog.cancel", ui.tr("host.dialog.cancel"))) close_dialog();
        end_host_dialog();
    }
}

nlohmann::json SeatsView::trace_seats(const HostModel& model) const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : model.seats()) {
        nlohmann::json j = {{"seat", s.seat},
                            {"device", s.device ? s.device->device_id : ""},
                            {"trainee", s.trainee_name},
                            {"online", s.online},
                            {"locked", s.locked},
                            {"help", s.help},
                            {"course", s.course},
                            {"lesson", s.lesson},
                            {"screen", s.screen},
                            {"answers", s.answers.size()}};
        if (s.last_score) j["last_score"] = *s.last_score;
        out.push_back(std::move(j));
    }
    return out;
}

std::string SeatsView::signature(const HostUi& ui, const HostModel& model) const {
    std::string sig;
    for (const auto& s : model.seats()) {
        sig += std::to_string(s.seat) + (s.device ? s.device->device_id : "") + s.learner + s.attempt + s.screen +
               std::to_string(s.position) + std::to_string(s.answers.size()) + (s.online ? "o" : "-") +
               (s.locked ? "l" : "-") + (s.help ? "h" : "-") + (s.signed_out ? "e" : "-") + s.lock_message +
               percent_text(s.last_score) + (s.last_activity_ms ? age_text(ui, *s.last_activity_ms) : "") +
               (s.online || !s.device ? "" : clock_text(ui, s.last_seen_ms)) + "|";
    }
    return sig;
}

}  // namespace cbt::ui
