// What the instructor's dashboard knows and does, without drawing: it reads classroom.db through
// a connection of its own (the server has the other), picking up only what changed, and writes
// the instructor's commands, pairing decisions and roster edits. Errors throw (store::StoreError).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "course/course.hpp"
#include "report/people.hpp"
#include "report/seat_status.hpp"
#include "sync/host_store.hpp"

namespace cbt::ui {

// What a roster import did.
struct RosterImport {
    int added = 0;
    int updated = 0;
    std::vector<int> skipped_lines;  // 1-based lines left out (no name, or a PIN that is not 4-8 digits)
};

// Why an approval was not made.
enum class ApproveResult { Done, SeatTaken, NoSuchDevice };

class HostModel {
public:
    // Opens DATA/classroom.db. `course_dirs` are folders of course folders (or course folders)
    // whose titles, lessons and lengths the dashboard shows; none need exist.
    HostModel(const std::filesystem::path& data_dir, const base::Clock& clock,
              std::vector<std::filesystem::path> course_dirs = {});

    // Loads the host's installed courses (DATA/courses), then the course folders; the first of
    // an id wins. Runs each lesson's code once (for its title and length), so the window calls
    // it after its first frame is on screen. A broken course is left out.
    void load_courses();
    // True once load_courses has run.
    bool courses_loaded() const { return courses_loaded_; }

    // Reads what changed in classroom.db since the last call and rebuilds the seat map for the
    // current time. Returns true when the record itself changed (not just the time).
    bool refresh();
    // Grows on every change of events, devices, commands or roster: reports cache on it.
    std::uint64_t version() const { return version_; }

    // The dashboard's own connection to classroom.db (settings such as its language).
    sync::HostStore& store() { return store_; }
    // The classroom's id, named in printable pages.
    const std::string& classroom_id() const { return store_.classroom_id(); }
    // The code that approves kiosks without the instructor, when the host was started with one.
    std::optional<std::string> pairing_code() { return store_.pairing_code(); }
    // Wall-clock time, from the clock given.
    std::int64_t now_ms() const { return clock_.wall_ms(); }

    // [SECTION] Seats and devices
    // One status per seat tile, as of the last refresh (see report::seat_map).
    const std::vector<report::SeatStatus>& seats() const { return seats_; }
    // Every kiosk that asked to join, in seat order.
    const std::vector<sync::Device>& devices() const { return devices_; }
    // Kiosks waiting for the instructor, oldest request first.
    std::vector<sync::Device> pending() const;
    // The six digits to compare with the kiosk's screen.
    std::string code_for(const sync::Device& device) const;
    // The seat an approval offers: the lowest one no approved kiosk holds.
    int suggested_seat() const;
    // The approved device at a seat, if any.
    const sync::Device* device_at(int seat) const;
    // Approves a kiosk at a seat (refused when another approved kiosk holds it), or refuses it.
    ApproveResult approve(const std::string& device_id, int seat);
    // Refuses a kiosk, or withdraws its approval; its seat becomes free.
    void refuse(const std::string& device_id);

    // [SECTION] Session control. A device id of "" addresses every kiosk.
    // Locks the kiosk's screen, showing `message` (may be empty) under the lock notice.
    void lock(const std::string& device_id, const std::string& message);
    // Takes the lock away.
    void unlock(const std::string& device_id);
    // Shows a message to the trainee.
    void send_message(const std::string& device_id, const std::string& text);
    // Gives the listed kiosks (none listed: every kiosk) these courses to offer.
    void assign(const std::vector<std::string>& device_ids, const std::vector<std::string>& courses);
    // Tells the kiosk its help request (and every earlier one) has been seen.
    void acknowledge_help(const std::string& device_id, std::int64_t help_seq);
    // Signs the trainee out; payload `through` names each kiosk's newest event the host holds,
    // so the seat map can tell the sign-out from activity that follows it.
    void end_session(const std::string& device_id);
    // Every command given, oldest first.
    const std::vector<report::SeatCommand>& commands() const { return commands_; }

    // [SECTION] Roster
    // The roster, by name.
    const std::vector<sync::RosterEntry>& roster() const { return roster_; }
    // Saves a trainee (a new one gets an id, returned). `new_pin`: unset keeps the PIN, "" clears
    // it, digits set it (hashed). Throws std::invalid_argument for an empty name or a PIN that is
    // not 4-8 digits.
    std::string save_trainee(sync::RosterEntry entry, const std::optional<std::string>& new_pin);
    // Reads a CSV with a header naming columns name, service, id_number, pin (any order; only name
    // is required). A row matches an existing trainee by ID number, else by name; an empty PIN
    // keeps the one held. Throws std::runtime_error for an unreadable file or a missing name column.
    RosterImport import_roster(const std::filesystem::path& file);
    // Writes the roster as CSV (name, service, id_number, pin; PINs are never written out).
    void export_roster(const std::filesystem::path& file);

    // [SECTION] Records and courses
    // Every event held, each (device, seq) once, in no particular order.
    const std::vector<store::Event>& events() const { return events_; }
    // The record reports read: events, roster, seat plan and course titles.
    report::ClassRecord class_record() const;
    // Courses found in the course folders, in folder order.
    const std::vector<course::Course>& courses() const { return courses_; }
    // Course ids to offer for assignment: the loaded courses, then others seen in attempts.
    std::vector<std::string> course_ids() const;
    // Titles keyed "course" and "course/lesson" (as report::ClassRecord::titles).
    const std::map<std::string, course::LocalText>& titles() const { return titles_; }
    // A title in a language, or the id when the course is unknown here.
    std::string title(const std::string& course, const std::string& lesson, const std::string& lang) const;

    // Where exports and printable pages are written: DATA/exports (created on demand).
    std::filesystem::path exports_dir() const;
    // Writes `content` to exports_dir()/name atomically (temporary file, then rename); returns the path.
    std::filesystem::path write_export(const std::string& name, const std::string& content) const;

private:
    bool read_events();
    bool read_commands();
    void rebuild_seats();
    std::int64_t held_seq(const std::string& device_id) const;

    const base::Clock& clock_;
    sync::HostStore store_;
    std::vector<std::filesystem::path> course_dirs_;
    bool courses_loaded_ = false;
    std::vector<course::Course> courses_;
    std::map<std::string, course::LocalText> titles_;
    std::map<std::string, int> lesson_lengths_;

    std::vector<sync::Device> devices_;
    std::vector<sync::RosterEntry> roster_;
    std::int64_t roster_version_ = -1;
    std::vector<report::SeatCommand> commands_;
    std::vector<store::Event> events_;
    std::map<std::string, std::set<std::int64_t>> held_;                        // device -> seqs held in events_
    std::map<std::string, std::int64_t> contiguous_;                            // device -> every seq 1..n held
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> seen_totals_;  // device -> (max seq, count)
    std::vector<report::SeatStatus> seats_;
    std::uint64_t version_ = 0;
};

}  // namespace cbt::ui
