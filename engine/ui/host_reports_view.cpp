// Reports: per-trainee transcripts (with a printable transcript and certificate), the class
// summary, item analysis and the attempts CSV, all from engine/report over the record as it
// stands. They are rebuilt only when the record changed, and only while this page is open.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/csv.hpp"
#include "report/export.hpp"
#include "report/html.hpp"
#include "ui/host_views.hpp"

namespace cbt::ui {
namespace {

constexpr ImGuiTableFlags table_flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                        ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                        ImGuiTableFlags_SizingStretchProp;

void begin_table_style(HostUi& ui) {
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, ui.palette.background);
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, ui.palette.button_hover);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ui.u() * 0.4f, ui.u() * 0.2f));
}

void end_table_style() {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

// A table cell cut to its column with an ellipsis; the whole text shows when hovered.
void cell(HostUi& ui, const std::string& s) {
    ImGui::TableNextColumn();
    const std::string shown = fit_text(ui.fonts.body, s, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(shown.c_str());
    if (shown != s && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.c_str());
}

// An option value as read: free-form answers are counted by their JSON text, which reads
// better without brackets and quotes.
std::string option_text(const std::string& value) {
    const nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
    if (j.is_discarded() || !(j.is_array() || j.is_object())) return value;
    std::string out;
    if (j.is_array()) {
        for (const auto& v : j) out += (out.empty() ? "" : " ") + (v.is_string() ? v.get<std::string>() : v.dump());
        return "[" + out + "]";
    }
    for (const auto& [k, v] : j.items())
        out += (out.empty() ? "" : " ") + k + "\xE2\x86\x92" + (v.is_string() ? v.get<std::string>() : v.dump());
    return "[" + out + "]";
}

// A file name made of a timestamp and a readable part; characters a file system might refuse go.
std::string file_name(const std::string& kind, const std::string& who, std::int64_t now_ms, const char* ext) {
    std::string stamp = date_time_text(now_ms);
    for (char& c : stamp)
        if (c == ' ' || c == ':') c = '-';
    std::string clean;
    for (const char c : who) {
        const unsigned char b = static_cast<unsigned char>(c);
        clean += (b < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
                  c == '>' || c == '|' || c == ' ')
                     ? '_'
                     : c;
    }
    return kind + (clean.empty() ? "" : "-" + clean) + "-" + stamp + ext;
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace

void ReportsView::update(HostModel& model, std::int64_t now_ms, bool& later) {
    // While kiosks sync every few seconds the record changes all the time; the reports follow
    // it at most every few seconds rather than copying every event again on each change.
    if (built_version_ == model.version()) return;
    if (built_version_ != ~std::uint64_t{0} && now_ms - built_at_ms_ < rebuild_interval_ms) {
        later = true;
        return;
    }
    built_version_ = model.version();
    built_at_ms_ = now_ms;
    record_ = model.class_record();
    transcripts_ = report::transcripts(record_);
    summary_ = report::class_summary(record_);
    items_ = report::item_analysis(record_);
}

void ReportsView::saved(HostUi& ui, const std::filesystem::path& file) {
    last_file_ = file.string();
    ui.say(ui.trf("host.said.saved_file", {{"path", last_file_}}));
}

void ReportsView::draw(HostUi& ui, HostModel& model) {
    update(model, ui.now_ms, ui.redraw_later);
    const struct {
        Page page;
        const char* id;
        const char* label;
    } pages[] = {
        {Page::Transcripts, "reports.transcripts", key("host.reports.transcripts")},
        {Page::Summary, "reports.summary", key("host.reports.summary")},
        {Page::Items, "reports.items", key("host.reports.items")},
        {Page::Export, "reports.export", key("host.reports.export")},
    };
    for (const auto& p : pages) {
        if (p.page != Page::Transcripts) ImGui::SameLine();
        if (host_button(ui, p.id, ui.tr(p.label), page_ == p.page ? Tone::Selected : Tone::Normal)) page_ = p.page;
    }
    ImGui::Spacing();
    switch (page_) {
        case Page::Transcripts:
            transcripts(ui, model);
            break;
        case Page::Summary:
            summary(ui, model);
            break;
        case Page::Items:
            items(ui, model);
            break;
        case Page::Export:
            exports(ui, model);
            break;
    }
}

void ReportsView::transcripts(HostUi& ui, HostModel& model) {
    const float u = ui.u();
    if (transcripts_.empty()) {
        host_text(ui, ui.tr("host.reports.no_trainees"), ui.palette.text_dim);
        return;
    }
    if (selected_learner_.empty()) selected_learner_ = transcripts_.front().person.id;
    ImGui::BeginChild("##people", ImVec2(u * 15, 0), true, ImGuiWindowFlags_NavFlattened);
    for (const auto& t : transcripts_) {
        const std::string name = t.person.name.empty() ? t.person.id : t.person.name;
        if (ImGui::Selectable((name + "###learner." + t.person.id).c_str(), t.person.id == selected_learner_))
            selected_learner_ = t.person.id;
        ui.control("reports.learner." + t.person.id);
    }
    ImGui::EndChild();
    ImGui::SameLine();
    const auto it = std::find_if(transcripts_.begin(), transcripts_.end(),
                                 [&](const report::Transcript& t) { return t.person.id == selected_learner_; });
    ImGui::BeginChild("##transcript", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    if (it == transcripts_.end()) {
        ImGui::EndChild();
        return;
    }
    const report::Transcript& t = *it;
    host_heading(ui, t.person.name.empty() ? t.person.id : t.person.name);
    std::string about;
    if (!t.person.service.empty()) about += t.person.service;
    if (!t.person.id_number.empty()) about += (about.empty() ? "" : "  \xC2\xB7  ") + t.person.id_number;
    about += (about.empty() ? "" : "  \xC2\xB7  ") +
             ui.trf("host.reports.time_on_task", {{"time", duration_text(ui, t.time_on_task_ms)}});
    host_text(ui, about, ui.palette.text_dim);

    report::HtmlOptions o;
    o.lang = ui.lang;
    o.classroom = model.classroom_id();
    o.generated_at_ms = model.now_ms();
    o.utc_offset_minutes = local_utc_offset_minutes(o.generated_at_ms);
    o.titles = model.titles();
    const bool any_passed = std::any_of(t.lessons.begin(), t.lessons.end(), [](auto& l) { return l.passed; });
    if (host_button(ui, "reports.save_transcript", ui.tr("host.reports.save_transcript")))
        ui.post([&ui, &model, this, t, o] {
            saved(ui, model.write_export(file_name("transcript", t.person.name.empty() ? t.person.id : t.person.name,
                                                   o.generated_at_ms, ".html"),
                                         report::transcript_html(t, o)));
        });
    ImGui::SameLine();
    if (host_button(ui, "reports.save_certificate", ui.tr("host.reports.save_certificate"), Tone::Normal, {},
                    any_passed))
        ui.post([&ui, &model, this, t, o] {
            saved(ui, model.write_export(file_name("certificate", t.person.name.empty() ? t.person.id : t.person.name,
                                                   o.generated_at_ms, ".html"),
                                         report::certificate_html(t, o)));
        });

    begin_table_style(ui);
    const float half = std::max(u * 6, (ImGui::GetContentRegionAvail().y - u) / 2);
    if (ImGui::BeginTable("##lessons", 6, table_flags, ImVec2(0, half))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("host.reports.lesson").c_str(), 0, 3.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.attempts").c_str(), 0, 0.8f);
        ImGui::TableSetupColumn(ui.tr("host.reports.best").c_str(), 0, 0.8f);
        ImGui::TableSetupColumn(ui.tr("host.reports.last").c_str(), 0, 0.8f);
        ImGui::TableSetupColumn(ui.tr("host.reports.result").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.time").c_str(), 0, 1.1f);
        ImGui::TableHeadersRow();
        for (const auto& l : t.lessons) {
            ImGui::TableNextRow();
            cell(ui, model.title(l.course, l.lesson, ui.lang) + " \xC2\xB7 " + model.title(l.course, "", ui.lang));
            cell(ui, std::to_string(l.attempts));
            cell(ui, percent_text(l.best_score));
            cell(ui, percent_text(l.last_score));
            ImGui::TableNextColumn();
            if (l.passed)
                host_text(ui, ui.tr("host.result.passed"), ui.palette.correct);
            else if (l.finished)
                host_text(ui, ui.tr("host.result.failed"), ui.palette.wrong);
            else
                host_text(ui, ui.tr("host.result.open"), ui.palette.text_dim);
            cell(ui, duration_text(ui, l.time_ms));
        }
        ImGui::EndTable();
    }
    if (ImGui::BeginTable("##attempts", 6, table_flags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("host.reports.started").c_str(), 0, 1.3f);
        ImGui::TableSetupColumn(ui.tr("host.reports.lesson").c_str(), 0, 2.4f);
        ImGui::TableSetupColumn(ui.tr("host.reports.seat").c_str(), 0, 0.5f);
        ImGui::TableSetupColumn(ui.tr("host.reports.score").c_str(), 0, 0.7f);
        ImGui::TableSetupColumn(ui.tr("host.reports.result").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.time").c_str(), 0, 1.1f);
        ImGui::TableHeadersRow();
        for (auto a = t.attempts.rbegin(); a != t.attempts.rend(); ++a) {
            ImGui::TableNextRow();
            cell(ui, date_time_text(a->started_at_ms));
            cell(ui, model.title(a->course, a->lesson, ui.lang));
            cell(ui, a->seat ? std::to_string(*a->seat) : "\xE2\x80\x94");
            cell(ui, percent_text(a->score));
            ImGui::TableNextColumn();
            if (!a->finished())
                host_text(ui, ui.tr("host.result.open"), ui.palette.text_dim);
            else if (a->passed)
                host_text(ui, ui.tr("host.result.passed"), ui.palette.correct);
            else
                host_text(ui, ui.tr("host.result.failed"), ui.palette.wrong);
            cell(ui, duration_text(ui, report::attempt_duration_ms(*a)));
        }
        ImGui::EndTable();
    }
    end_table_style();
    ImGui::EndChild();
}

void ReportsView::summary(HostUi& ui, HostModel& model) {
    if (host_button(ui, "reports.save_summary", ui.tr("host.reports.save_csv"), Tone::Normal, {}, !summary_.empty())) {
        std::string csv =
            report::csv_record({"course", "lesson", "started", "finished", "passed", "attempts", "finished_attempts",
                                "mean_best_score", "mean_attempt_score", "median_time_s"});
        for (const auto& s : summary_)
            csv += report::csv_record({s.course, s.lesson, std::to_string(s.started), std::to_string(s.finished),
                                       std::to_string(s.passed), std::to_string(s.attempts),
                                       std::to_string(s.finished_attempts),
                                       s.mean_score ? fixed(*s.mean_score * 100, 1) : "",
                                       s.mean_attempt_score ? fixed(*s.mean_attempt_score * 100, 1) : "",
                                       s.median_time_ms ? fixed(*s.median_time_ms / 1000.0, 0) : ""});
        ui.post([&ui, &model, this, csv] {
            saved(ui, model.write_export(file_name("class-summary", "", model.now_ms(), ".csv"), csv));
        });
    }
    if (summary_.empty()) {
        host_text(ui, ui.tr("host.reports.nothing_yet"), ui.palette.text_dim);
        return;
    }
    begin_table_style(ui);
    if (ImGui::BeginTable("##summary", 7, table_flags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("host.reports.lesson").c_str(), 0, 3.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.trainees_started").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.trainees_finished").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.trainees_passed").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.attempts").c_str(), 0, 0.9f);
        ImGui::TableSetupColumn(ui.tr("host.reports.mean_score").c_str(), 0, 1.1f);
        ImGui::TableSetupColumn(ui.tr("host.reports.median_time").c_str(), 0, 1.2f);
        ImGui::TableHeadersRow();
        for (const auto& s : summary_) {
            ImGui::TableNextRow();
            cell(ui, model.title(s.course, s.lesson, ui.lang) + " \xC2\xB7 " + model.title(s.course, "", ui.lang));
            cell(ui, std::to_string(s.started));
            cell(ui, std::to_string(s.finished));
            cell(ui, std::to_string(s.passed));
            cell(ui, std::to_string(s.attempts));
            cell(ui, percent_text(s.mean_score));
            cell(ui, s.median_time_ms ? duration_text(ui, *s.median_time_ms) : "\xE2\x80\x94");
        }
        ImGui::EndTable();
    }
    end_table_style();
}

void ReportsView::items(HostUi& ui, HostModel& model) {
    if (host_button(ui, "reports.save_items", ui.tr("host.reports.save_csv"), Tone::Normal, {}, !items_.empty())) {
        std::string csv = report::csv_record({"course", "lesson", "screen", "kind", "responses", "correct", "facility",
                                              "first_try_facility", "discrimination", "options"});
        for (const auto& i : items_) {
            std::string options;
            for (const auto& o : i.options)
                options += (options.empty() ? "" : "; ") + o.value + "=" + std::to_string(o.count);
            csv += report::csv_record({i.course, i.lesson, i.screen, i.kind, std::to_string(i.responses),
                                       std::to_string(i.correct), fixed(i.facility, 2), fixed(i.first_try_facility, 2),
                                       i.discrimination ? fixed(*i.discrimination, 2) : "", options});
        }
        ui.post([&ui, &model, this, csv] {
            saved(ui, model.write_export(file_name("item-analysis", "", model.now_ms(), ".csv"), csv));
        });
    }
    ImGui::SameLine();
    host_text(ui, ui.tr("host.reports.items_hint"), ui.palette.text_dim);
    if (items_.empty()) {
        host_text(ui, ui.tr("host.reports.nothing_yet"), ui.palette.text_dim);
        return;
    }
    begin_table_style(ui);
    if (ImGui::BeginTable("##items", 7, table_flags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("host.reports.lesson").c_str(), 0, 1.8f);
        ImGui::TableSetupColumn(ui.tr("host.reports.question").c_str(), 0, 1.3f);
        ImGui::TableSetupColumn(ui.tr("host.reports.answered").c_str(), 0, 0.8f);
        ImGui::TableSetupColumn(ui.tr("host.reports.facility").c_str(), 0, 0.8f);
        ImGui::TableSetupColumn(ui.tr("host.reports.first_try").c_str(), 0, 0.8f);
        ImGui::TableSetupColumn(ui.tr("host.reports.discrimination").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(ui.tr("host.reports.options").c_str(), 0, 2.6f);
        ImGui::TableHeadersRow();
        for (const auto& i : items_) {
            ImGui::TableNextRow();
            cell(ui, model.title(i.course, i.lesson, ui.lang));
            cell(ui, i.screen + " (" + i.kind + ")");
            cell(ui, std::to_string(i.responses));
            ImGui::TableNextColumn();
            // Very easy or very hard questions, and ones that do not separate, stand out.
            const ImU32 fc = i.facility < 0.3 || i.facility > 0.9 ? ui.palette.warning : ui.palette.text;
            host_text(ui, fixed(i.facility, 2), fc);
            cell(ui, fixed(i.first_try_facility, 2));
            ImGui::TableNextColumn();
            if (i.discrimination)
                host_text(ui, fixed(*i.discrimination, 2),
                          *i.discrimination < 0.2 ? ui.palette.wrong : ui.palette.text);
            else
                host_text(ui, "\xE2\x80\x94", ui.palette.text_dim);
            std::string options;
            for (const auto& o : i.options)
                options += (options.empty() ? "" : ",  ") + option_text(o.value) + ": " + std::to_string(o.count);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fit_text(ui.fonts.body, options, ImGui::GetContentRegionAvail().x).c_str());
            if (ImGui::IsItemHovered() && !options.empty()) ImGui::SetTooltip("%s", options.c_str());
        }
        ImGui::EndTable();
    }
    end_table_style();
}

void ReportsView::exports(HostUi& ui, HostModel& model) {
    host_text(ui, ui.trf("host.reports.export_hint", {{"dir", model.exports_dir().string()}}));
    ImGui::Spacing();
    if (host_button(ui, "reports.save_attempts", ui.tr("host.reports.save_attempts"), Tone::Primary)) {
        ui.post([&ui, &model, this] {
            report::CsvOptions o;
            o.byte_order_mark = true;  // spreadsheet programs then read Cyrillic names right
            saved(ui, model.write_export(file_name("attempts", "", model.now_ms(), ".csv"),
                                         report::attempts_csv(record_, o)));
        });
    }
    if (!last_file_.empty()) {
        ImGui::Spacing();
        host_text(ui, ui.tr("host.reports.last_saved"), ui.palette.text_dim);
        // Selectable text, so the path can be copied.
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##last_file", last_file_.data(), last_file_.size() + 1, ImGuiInputTextFlags_ReadOnly);
    }
}

}  // namespace cbt::ui
