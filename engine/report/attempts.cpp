// Attempt summaries: deduplicate by key, group by attempt, order each group, then read the
// start, the end and the counts off it.
#include "report/attempts.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "course/attempt.hpp"
#include "report/fields.hpp"

namespace cbt::report {
namespace ev = course::event_type;
using detail::flag_field;
using detail::number_field;
using detail::text_field;

std::vector<store::Event> distinct_events(const std::vector<store::Event>& events) {
    std::set<std::pair<std::string_view, std::int64_t>> seen;
    std::vector<store::Event> out;
    out.reserve(events.size());
    for (const store::Event& e : events)
        if (seen.emplace(e.device_id, e.seq).second) out.push_back(e);
    std::stable_sort(out.begin(), out.end(), [](const store::Event& a, const store::Event& b) {
        return std::tie(a.device_id, a.seq) < std::tie(b.device_id, b.seq);
    });
    return out;
}

std::map<std::string, std::vector<store::Event>> events_by_attempt(const std::vector<store::Event>& distinct) {
    std::map<std::string, std::vector<store::Event>> groups;
    for (const store::Event& e : distinct)
        if (!e.attempt.empty()) groups[e.attempt].push_back(e);
    for (auto& [id, events] : groups) {
        // Wall clocks of two kiosks disagree, so time only orders whole devices; inside one
        // device seq is the truth even if its clock was set back mid-attempt.
        std::map<std::string, std::int64_t> first_at;
        for (const store::Event& e : events) {
            const auto [it, fresh] = first_at.emplace(e.device_id, e.at_ms);
            if (!fresh) it->second = std::min(it->second, e.at_ms);
        }
        std::sort(events.begin(), events.end(), [&](const store::Event& a, const store::Event& b) {
            const std::int64_t ta = first_at.at(a.device_id), tb = first_at.at(b.device_id);
            return std::tie(ta, a.device_id, a.seq) < std::tie(tb, b.device_id, b.seq);
        });
    }
    return groups;
}

std::vector<AttemptSummary> attempts(const ClassRecord& record) {
    std::vector<AttemptSummary> out;
    for (const auto& [id, events] : events_by_attempt(distinct_events(record.events))) {
        const auto start = std::find_if(events.begin(), events.end(),
                                        [](const store::Event& e) { return e.type == ev::attempt_started; });
        if (start == events.end()) continue;
        AttemptSummary a;
        a.id = id;
        a.learner = start->learner;
        a.device_id = start->device_id;
        if (const auto seat = record.seats.find(a.device_id); seat != record.seats.end()) a.seat = seat->second;
        a.course = text_field(start->payload, "course");
        a.course_version = text_field(start->payload, "course_version");
        a.lesson = text_field(start->payload, "lesson");
        a.lang = text_field(start->payload, "lang");
        a.started_at_ms = start->at_ms;
        a.last_at_ms = start->at_ms;
        for (const store::Event& e : events) {
            a.last_at_ms = std::max(a.last_at_ms, e.at_ms);
            if (e.type == ev::response) {
                ++a.responses;
            } else if (e.type == ev::help_requested) {
                ++a.help_requests;
            } else if (e.type == ev::attempt_finished && !a.finished()) {
                a.finished_at_ms = e.at_ms;
                a.score = number_field(e.payload, "score", 0.0);
                a.passed = flag_field(e.payload, "passed", false);
                a.timed_out = flag_field(e.payload, "timed_out", false);
            }
        }
        out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const AttemptSummary& a, const AttemptSummary& b) {
        return std::tie(a.started_at_ms, a.id) < std::tie(b.started_at_ms, b.id);
    });
    return out;
}

std::int64_t attempt_duration_ms(const AttemptSummary& attempt) {
    const std::int64_t end = attempt.finished_at_ms.value_or(attempt.last_at_ms);
    return std::max<std::int64_t>(0, end - attempt.started_at_ms);
}

}  // namespace cbt::report
