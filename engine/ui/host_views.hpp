// The dashboard's pages: the seat map with session control, pairing, the roster and reports;
// and the banner above them that tells how the backup to the USB stick ended.
// Each keeps only what the instructor is in the middle of (a selection, a half-typed form);
// everything that matters lives in classroom.db and reaches the views through HostModel.
// Dialogs are drawn by draw_dialogs at the window's top level, where ImGui's popups live.
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "report/item_analysis.hpp"
#include "report/transcript.hpp"
#include "sync/host_backup.hpp"
#include "ui/host_model.hpp"
#include "ui/host_ui.hpp"

namespace cbt::ui {

// [SECTION] Seats: the seat map, the selected seat's screen and answers, and session control.
class SeatsView {
public:
    // The toolbar for all seats, the tiles and the selected seat's panel.
    void draw(HostUi& ui, HostModel& model);
    // The message, assign and end-session dialogs, when open.
    void draw_dialogs(HostUi& ui, HostModel& model);
    // The selected tile ("" = none), for the trace: "seat.<n>".
    std::string selected_name() const;
    // Fields of the trace describing the seats as drawn.
    nlohmann::json trace_seats(const HostModel& model) const;
    // A short text of everything a tile shows, to redraw only when a tile would change.
    std::string signature(const HostUi& ui, const HostModel& model) const;

private:
    void toolbar(HostUi& ui, HostModel& model);
    void grid(HostUi& ui, HostModel& model, float height);
    bool tile(HostUi& ui, const HostModel& model, const report::SeatStatus& s, ImVec2 size, bool selected);
    void details(HostUi& ui, HostModel& model, const report::SeatStatus* s);
    void answers_table(HostUi& ui, HostModel& model, const report::SeatStatus& s);
    // The classroom's newest events, while no seat is selected.
    void activity(HostUi& ui, const HostModel& model);
    const report::SeatStatus* selected(const HostModel& model) const;
    void ask(const char* dialog, const std::string& device_id, const std::string& target_label);

    int selected_seat_ = 0;
    std::string selected_device_;
    // The dialog's target: a device id, or "" for every kiosk.
    std::string target_device_;
    std::string target_label_;
    std::string message_;
    std::set<std::string> assign_courses_;
    std::string assign_other_;
    bool assign_all_ = true;
    std::set<std::string> assign_devices_;
    std::uint64_t activity_version_ = ~std::uint64_t{0};
    std::vector<const store::Event*> activity_;  // points into HostModel::events(), newest first
    std::map<std::string, std::pair<std::string, std::string>> activity_lessons_;  // attempt -> course, lesson
};

// [SECTION] Pairing: kiosks waiting for approval, with the six-digit code; every paired kiosk.
class PairingView {
public:
    // The kiosks waiting, then the table of every kiosk.
    void draw(HostUi& ui, HostModel& model);

private:
    void waiting(HostUi& ui, HostModel& model, const sync::Device& d);
    std::map<std::string, int> seat_input_;  // by device id
};

// [SECTION] Roster: trainees, the form to add or edit one, CSV import and export.
class RosterView {
public:
    // The trainees' table beside the form and the CSV controls.
    void draw(HostUi& ui, HostModel& model);

private:
    void form(HostUi& ui, HostModel& model);
    void csv(HostUi& ui, HostModel& model);
    void edit(const sync::RosterEntry& entry);

    std::string find_;
    sync::RosterEntry editing_;  // id "" = a new trainee
    std::string pin_;
    std::string csv_path_;
};

// [SECTION] Reports: transcripts (with printable pages), class summary, item analysis, exports.
class ReportsView {
public:
    // The report pages' buttons and the page chosen.
    void draw(HostUi& ui, HostModel& model);

private:
    enum class Page { Transcripts, Summary, Items, Export };
    // Rebuilds the reports when the record changed, at most every rebuild_interval_ms (`later`
    // is set when a change waits).
    void update(HostModel& model, std::int64_t now_ms, bool& later);
    void transcripts(HostUi& ui, HostModel& model);
    void summary(HostUi& ui, HostModel& model);
    void items(HostUi& ui, HostModel& model);
    void exports(HostUi& ui, HostModel& model);
    void saved(HostUi& ui, const std::filesystem::path& file);

    Page page_ = Page::Transcripts;
    static constexpr std::int64_t rebuild_interval_ms = 3000;
    std::uint64_t built_version_ = ~std::uint64_t{0};
    std::int64_t built_at_ms_ = 0;
    report::ClassRecord record_;
    std::vector<report::Transcript> transcripts_;
    std::vector<report::LessonSummary> summary_;
    std::vector<report::ItemStats> items_;
    std::string selected_learner_;
    std::string last_file_;
};

// [SECTION] Backup banner: how the last backup to the USB stick ended (DATA/last-backup.json,
// written by `cbt-host backup --to`, often by the service the stick starts), across every page
// until dismissed. Only backups that end while the dashboard runs are shown.
class BackupBanner {
public:
    // Shows records of backups that ended after `since_ms` (the dashboard's start).
    BackupBanner(std::filesystem::path data_dir, std::int64_t since_ms)
        : data_dir_(std::move(data_dir)), shown_after_ms_(since_ms) {}
    // Reads DATA/last-backup.json when its time stamp or size changed; true when the banner changed.
    bool poll();
    // The banner, full width, when a record is shown; its button or Esc (with no dialog open)
    // dismisses it.
    void draw(HostUi& ui);
    // The record shown, for the trace: {"ok", "at_ms", "text"}, or null.
    nlohmann::json trace(const HostUi& ui) const;
    // Changes when the banner would.
    std::string signature() const;
    // The banner's sentence for a record, in the dashboard's language.
    static std::string text(const HostUi& ui, const sync::BackupRecord& record);

private:
    void dismiss();

    std::filesystem::path data_dir_;
    std::int64_t shown_after_ms_;  // older records are not shown: from before the start, or dismissed
    std::optional<sync::BackupRecord> shown_;
    std::string seen_stamp_;  // the file's mtime, size and inode when last read
};

}  // namespace cbt::ui
