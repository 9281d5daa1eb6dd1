// The append-only event journal: every trainee action as an immutable event keyed by
// (device_id, seq), seq strictly increasing per device. Progress and scores derive from it.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace cbt::store {

// An event as the caller describes it, before it has a key.
struct NewEvent {
    std::string type;       // see event_types in course/attempt_events.hpp
    std::string learner;    // learner id, or empty
    std::string attempt;    // attempt id, or empty
    std::int64_t at_ms = 0; // wall-clock time of the action
    nlohmann::json payload = nlohmann::json::object();
};

// A stored event.
struct Event {
    std::string device_id;
    std::int64_t seq = 0;
    std::string type;
    std::string learner;
    std::string attempt;
    std::int64_t at_ms = 0;
    nlohmann::json payload;

    bool operator==(const Event&) const = default;
};

// The journal schema, version by version; apply with Database::migrate.
std::span<const Migration> journal_migrations();

// Reads and appends events. One Journal per connection; the device id is the one this
// connection appends as.
class Journal {
public:
    // Migrates the schema if needed.
    Journal(Database& db, std::string device_id);

    const std::string& device_id() const { return device_id_; }

    // Appends one event in its own transaction; durable when this returns.
    Event append(const NewEvent& event);
    // Appends several events in one transaction: all or none.
    std::vector<Event> append_all(std::span<const NewEvent> events);

    // Highest seq this journal holds for a device (0 when none).
    std::int64_t last_seq(std::string_view device_id) const;
    // Highest seq s such that every seq 1..s of the device is held (0 when none).
    std::int64_t contiguous_seq(std::string_view device_id) const;

    // Stores events recorded elsewhere; ones already held are ignored, so repeats are harmless.
    // Returns how many were new. All in one transaction.
    std::size_t ingest(std::span<const Event> events);

    // Events of a device with seq > after, in seq order, at most `limit`.
    std::vector<Event> after(std::string_view device_id, std::int64_t after, std::size_t limit) const;
    // Every event of an attempt, in the order it was recorded.
    std::vector<Event> for_attempt(std::string_view attempt) const;
    // Every event of a learner, across devices, ordered by time then key.
    std::vector<Event> for_learner(std::string_view learner) const;
    // Every event held, by device then seq (exports and reports of a whole classroom).
    std::vector<Event> all() const;
    // Number of events held for all devices.
    std::int64_t count() const;

private:
    Database& db_;
    std::string device_id_;
};

}  // namespace cbt::store
