// One summary per attempt, built from the events of every device in a class record. Events may
// come in any order and more than once (sync retries): each (device_id, seq) counts once.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/people.hpp"
#include "store/journal.hpp"

namespace cbt::report {

// What one attempt at a lesson came to.
struct AttemptSummary {
    std::string id;
    std::string learner;
    std::string device_id;    // the device the attempt was started on
    std::optional<int> seat;  // that device's seat, when the seat plan knows it
    std::string course;
    std::string course_version;
    std::string lesson;
    std::string lang;
    std::int64_t started_at_ms = 0;
    std::int64_t last_at_ms = 0;                 // time of the attempt's newest event
    std::optional<std::int64_t> finished_at_ms;  // unset while the attempt is open
    std::optional<double> score;                 // 0..1, set once finished
    bool passed = false;
    bool timed_out = false;
    int responses = 0;  // answers given, every try counted
    int help_requests = 0;

    bool finished() const { return finished_at_ms.has_value(); }
    bool operator==(const AttemptSummary&) const = default;
};

// The events with each (device_id, seq) kept once (the first seen), ordered by device then seq.
std::vector<store::Event> distinct_events(const std::vector<store::Event>& events);

// Events grouped by attempt id, each group in the order it happened: seq order within a device,
// and an attempt continued at another seat has that device's events after the first device's
// (devices ordered by the time of their first event in the attempt). Events without an attempt
// are left out. Input must already be distinct.
std::map<std::string, std::vector<store::Event>> events_by_attempt(const std::vector<store::Event>& distinct);

// Every attempt whose attempt_started is held, open ones included, sorted by start time (then
// id). An attempt whose start has not arrived yet is left out until it does: without it the
// course and lesson are unknown.
std::vector<AttemptSummary> attempts(const ClassRecord& record);

// Time on task of one attempt: from its start to its end, or to its newest event while open.
// Wall-clock based, so a pause (a power cut, a resume later) counts; never negative.
std::int64_t attempt_duration_ms(const AttemptSummary& attempt);

}  // namespace cbt::report
