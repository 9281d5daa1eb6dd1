// Seat statuses: events are grouped by device once (by pointer, no copies), then each seat reads
// its device's events newest first. Every payload field is read tolerantly: a kiosk of another
// version, or a course the host has never seen, must not take the seat map down.
#include "report/seat_status.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "course/attempt.hpp"
#include "report/fields.hpp"

namespace cbt::report {
namespace ev = course::event_type;
using detail::flag_field;
using detail::number_field;
using detail::text_field;

namespace {

using DeviceEvents = std::vector<const store::Event*>;

// A command's payload field as an integer, when it holds a number.
std::optional<std::int64_t> int_field(const nlohmann::json& payload, const char* name) {
    if (!payload.is_object()) return std::nullopt;
    const auto it = payload.find(name);
    if (it == payload.end() || !it->is_number()) return std::nullopt;
    return it->get<std::int64_t>();
}

bool applies(const SeatCommand& c, const std::string& device_id) {
    return c.device_id.empty() || c.device_id == device_id;
}

// True when `command` (an ack or an end) covers the event: by the seq it names for this device,
// else by comparing times.
bool covers(const SeatCommand& command, const char* seq_field, const std::string& device_id, const store::Event& e) {
    const nlohmann::json& p = command.payload;
    if (seq_field && p.is_object()) {
        if (std::string(seq_field) == "through") {
            const auto it = p.find("through");
            if (it != p.end() && it->is_object()) {
                const auto d = it->find(device_id);
                if (d != it->end() && d->is_number()) return e.seq <= d->get<std::int64_t>();
            }
        } else if (const auto seq = int_field(p, seq_field)) {
            // An ack for one device names that device's seq; for all devices a seq means nothing.
            if (!command.device_id.empty()) return e.seq <= *seq;
        }
    }
    return e.at_ms <= command.at_ms;
}

void read_attempt(SeatStatus& s, const DeviceEvents& mine, const std::map<std::string, const store::Event*>& starts,
                  const SeatMapOptions& options) {
    const auto start = starts.find(s.attempt);
    if (start != starts.end()) {
        s.course = text_field(start->second->payload, "course");
        s.lesson = text_field(start->second->payload, "lesson");
    }
    for (const store::Event* e : mine) {
        if (e->attempt != s.attempt) continue;
        if (e->type == ev::screen_shown) {
            ++s.screens_shown;
            s.screen = text_field(e->payload, "screen");
            const double position = number_field(e->payload, "position", -1);
            s.position = position >= 0 && position < 1e6 ? static_cast<int>(position) : -1;
        } else if (e->type == ev::response) {
            AnswerRow row;
            row.seq = e->seq;
            row.screen = text_field(e->payload, "screen");
            row.kind = text_field(e->payload, "kind");
            row.answer = detail::json_field(e->payload, "answer");
            row.correct = flag_field(e->payload, "correct", false);
            row.settled = flag_field(e->payload, "settled", row.correct);
            row.score = std::clamp(number_field(e->payload, "score", row.correct ? 1.0 : 0.0), 0.0, 1.0);
            const double try_number = number_field(e->payload, "try", 1);
            row.try_number = try_number >= 1 && try_number < 1e6 ? static_cast<int>(try_number) : 1;
            row.at_ms = e->at_ms;
            s.answers.push_back(std::move(row));
        }
    }
    if (!s.course.empty() || !s.lesson.empty()) {
        const auto length = options.lesson_lengths.find(s.course + "/" + s.lesson);
        if (length != options.lesson_lengths.end() && length->second > 0) s.length = length->second;
    }
}

SeatStatus status_of(const SeatDevice& device, const DeviceEvents& mine,
                     const std::map<std::string, const store::Event*>& starts,
                     const std::set<std::string>& finished_anywhere, const std::vector<SeatCommand>& commands,
                     const std::map<std::string, Person>& people, const SeatMapOptions& options) {
    SeatStatus s;
    s.seat = device.seat;
    s.device = device;
    s.last_seen_ms = device.last_seen_ms;
    s.online = device.last_seen_ms > 0 && options.now_ms - device.last_seen_ms <= options.online_within_ms;

    // Commands: newest first by id.
    const SeatCommand* lock = nullptr;
    const SeatCommand* end = nullptr;
    std::vector<const SeatCommand*> acks;
    for (const SeatCommand& c : commands) {
        if (!applies(c, device.device_id)) continue;
        if ((c.kind == "lock" || c.kind == "unlock") && (!lock || c.id > lock->id)) lock = &c;
        if (c.kind == "end" && (!end || c.id > end->id)) end = &c;
        if (c.kind == "help_ack") acks.push_back(&c);
    }
    if (lock && lock->kind == "lock") {
        s.locked = true;
        s.lock_message = text_field(lock->payload, "message");
    }
    if (mine.empty()) return s;

    const store::Event& newest = *mine.back();
    s.last_activity_ms = newest.at_ms;
    for (auto it = mine.rbegin(); it != mine.rend(); ++it)
        if (!(*it)->learner.empty()) {
            s.learner = (*it)->learner;
            break;
        }
    if (!s.learner.empty()) {
        const auto p = people.find(s.learner);
        s.trainee_name = p != people.end() && !p->second.name.empty() ? p->second.name : s.learner;
    }
    s.signed_out = end && covers(*end, "through", device.device_id, newest);

    for (auto it = mine.rbegin(); it != mine.rend(); ++it)
        if (!(*it)->attempt.empty()) {
            if (!finished_anywhere.count((*it)->attempt)) s.attempt = (*it)->attempt;
            break;
        }
    if (!s.attempt.empty()) read_attempt(s, mine, starts, options);

    for (auto it = mine.rbegin(); it != mine.rend(); ++it) {
        const store::Event& e = **it;
        if (e.type == ev::attempt_finished && e.learner == s.learner) {
            s.last_score = std::clamp(number_field(e.payload, "score", 0.0), 0.0, 1.0);
            s.last_passed = flag_field(e.payload, "passed", false);
            if (const auto start = starts.find(e.attempt); start != starts.end()) {
                s.last_course = text_field(start->second->payload, "course");
                s.last_lesson = text_field(start->second->payload, "lesson");
            }
            break;
        }
    }
    for (auto it = mine.rbegin(); it != mine.rend(); ++it) {
        const store::Event& e = **it;
        if (e.type != ev::help_requested) continue;
        const bool acknowledged = std::any_of(
            acks.begin(), acks.end(), [&](const SeatCommand* a) { return covers(*a, "seq", device.device_id, e); });
        s.help = !acknowledged;
        s.help_seq = e.seq;
        s.help_at_ms = e.at_ms;
        s.help_screen = text_field(e.payload, "screen");
        break;
    }
    return s;
}

}  // namespace

std::vector<SeatStatus> seat_map(const std::vector<SeatDevice>& devices, const std::vector<store::Event>& events,
                                 const std::vector<SeatCommand>& commands, const std::map<std::string, Person>& people,
                                 const SeatMapOptions& options) {
    std::map<std::string, DeviceEvents> by_device;
    for (const SeatDevice& d : devices) by_device.emplace(d.device_id, DeviceEvents{});
    std::map<std::string, const store::Event*> starts;
    std::set<std::string> finished;
    std::set<std::pair<std::string_view, std::int64_t>> seen;
    for (const store::Event& e : events) {
        if (!seen.emplace(e.device_id, e.seq).second) continue;
        if (e.type == ev::attempt_started && !e.attempt.empty()) starts.emplace(e.attempt, &e);
        if (e.type == ev::attempt_finished && !e.attempt.empty()) finished.insert(e.attempt);
        const auto it = by_device.find(e.device_id);
        if (it != by_device.end()) it->second.push_back(&e);
    }
    for (auto& [id, list] : by_device)
        std::sort(list.begin(), list.end(),
                  [](const store::Event* a, const store::Event* b) { return a->seq < b->seq; });

    std::vector<SeatStatus> out;
    int highest = std::max(0, options.seats);
    for (const SeatDevice& d : devices) {
        highest = std::max(highest, d.seat);
        out.push_back(status_of(d, by_device[d.device_id], starts, finished, commands, people, options));
    }
    for (int seat = 1; seat <= highest; ++seat) {
        const bool taken =
            std::any_of(devices.begin(), devices.end(), [&](const SeatDevice& d) { return d.seat == seat; });
        if (taken) continue;
        SeatStatus empty;
        empty.seat = seat;
        out.push_back(std::move(empty));
    }
    // Seats in order; seatless devices (0) after every numbered seat; a shared seat by device id.
    std::sort(out.begin(), out.end(), [](const SeatStatus& a, const SeatStatus& b) {
        const int sa = a.seat > 0 ? a.seat : 1 << 30, sb = b.seat > 0 ? b.seat : 1 << 30;
        const std::string da = a.device ? a.device->device_id : "", db = b.device ? b.device->device_id : "";
        return std::tie(sa, da) < std::tie(sb, db);
    });
    return out;
}

int lowest_free_seat(const std::vector<SeatDevice>& devices) {
    std::set<int> used;
    for (const SeatDevice& d : devices) used.insert(d.seat);
    int seat = 1;
    while (used.count(seat)) ++seat;
    return seat;
}

}  // namespace cbt::report
