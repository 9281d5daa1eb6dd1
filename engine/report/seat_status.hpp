// The instructor's seat map as data: for each seat, who sits there, what they are doing, and
// whether the kiosk is online, locked or calling for help. Pure: built from the paired devices,
// the host's commands and the events, with the time passed in, so it can be tested and rebuilt.
//
// Rules (the dashboard and its guide, docs/host.md, rely on them):
// - Trainee: the learner of the device's newest event (highest seq) that names one.
// - Open attempt: the attempt of the device's newest event that has one, unless that attempt's
//   attempt_finished is held; course and lesson come from its attempt_started (any device's,
//   since a trainee may continue at another seat).
// - Progress: `position` and `screen` of the attempt's newest screen_shown on this device.
// - Last score: the trainee's newest finished attempt on this device.
// - Online: the device made an authenticated request within `online_within_ms` (host clock).
// - Locked: the newest "lock" or "unlock" command for the device or for all (by command id)
//   is a lock. Command ids, not times, order commands: the host's clock can be set back.
// - Help: the device's newest help_requested event is not acknowledged. A "help_ack" command
//   for the device or for all acknowledges every help_requested event up to its payload's
//   `seq`; an ack without `seq` (written by another tool) acknowledges those recorded at or
//   before its time, comparing the kiosk's clock with the host's as best one can.
// - Signed out: an "end" command for the device or for all came after the newest event, read
//   the same way (payload `through`: {device id: seq}, else by time).
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "report/people.hpp"
#include "store/journal.hpp"

namespace cbt::report {

// A paired kiosk as the seat map needs it (the host's device table, approved ones).
struct SeatDevice {
    std::string device_id;
    std::string name;               // the kiosk's own name for itself (its host name)
    int seat = 0;                   // 0 when no seat was given
    std::int64_t last_seen_ms = 0;  // host clock: its last authenticated request; 0 = never
};

// A command the host queued for the kiosks ("" device = every kiosk).
struct SeatCommand {
    std::int64_t id = 0;  // increasing in the order the instructor gave them
    std::string device_id;
    std::string kind;  // lock, unlock, message, assign, help_ack, end
    nlohmann::json payload;
    std::int64_t at_ms = 0;  // host clock
};

// One answer given in the open attempt.
struct AnswerRow {
    std::int64_t seq = 0;
    std::string screen;
    std::string kind;       // single, multiple, truefalse, ...
    nlohmann::json answer;  // as journaled (see docs/authoring.md)
    bool correct = false;
    bool settled = false;
    double score = 0;  // 0..1 before weight
    int try_number = 1;
    std::int64_t at_ms = 0;
};

// Everything one seat tile shows.
struct SeatStatus {
    int seat = 0;
    std::optional<SeatDevice> device;  // unset: no kiosk sits at this seat yet

    std::string learner;       // learner id, "" when the kiosk has no events
    std::string trainee_name;  // roster name, else the learner id
    bool signed_out = false;   // the instructor ended the session after the newest event

    std::string attempt;  // open attempt id, "" when none is open
    std::string course;
    std::string lesson;
    std::string screen;              // the screen on show
    int position = -1;               // place on the lesson's straight path, 0-based
    std::optional<int> length;       // the lesson's screens, when the caller knew it
    int screens_shown = 0;           // screen_shown events of the attempt on this device
    std::vector<AnswerRow> answers;  // the open attempt's responses here, in order

    std::optional<double> last_score;  // newest finished attempt of this trainee here
    bool last_passed = false;
    std::string last_course;
    std::string last_lesson;

    bool online = false;
    std::int64_t last_seen_ms = 0;  // host clock, 0 = never
    bool locked = false;
    std::string lock_message;
    bool help = false;          // a help request waits for the instructor
    std::int64_t help_seq = 0;  // the newest help_requested event's seq (ack up to it)
    std::int64_t help_at_ms = 0;
    std::string help_screen;
    std::optional<std::int64_t> last_activity_ms;  // newest event's time (the kiosk's clock)
};

// What the seat map needs besides the record.
struct SeatMapOptions {
    std::int64_t now_ms = 0;  // host clock
    std::int64_t online_within_ms = 10'000;
    int seats = 10;                             // tiles shown at least (seats 1..seats)
    std::map<std::string, int> lesson_lengths;  // "course/lesson" -> screens on its straight path
};

// One status per seat 1..max(options.seats, highest device seat), in seat order; a device
// without a seat (0) or sharing a seat with another gets a tile of its own after or beside it.
// Events of devices not in `devices` are ignored here (reports still count them); events may
// repeat and come in any order.
std::vector<SeatStatus> seat_map(const std::vector<SeatDevice>& devices, const std::vector<store::Event>& events,
                                 const std::vector<SeatCommand>& commands, const std::map<std::string, Person>& people,
                                 const SeatMapOptions& options);

// The lowest seat number (from 1) that no device in the list holds.
int lowest_free_seat(const std::vector<SeatDevice>& devices);

}  // namespace cbt::report
