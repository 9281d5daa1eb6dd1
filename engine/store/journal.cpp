// Journal storage. The table is WITHOUT ROWID on its natural key, and triggers refuse updates
// and deletes, so "append-only" holds even against a careless query.
#include "store/journal.hpp"

#include <sqlite3.h>

namespace cbt::store {
namespace {

constexpr Migration migrations[] = {
    {1, R"sql(
CREATE TABLE settings(
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE events(
    device_id TEXT    NOT NULL,
    seq       INTEGER NOT NULL CHECK (seq > 0),
    type      TEXT    NOT NULL,
    learner   TEXT    NOT NULL DEFAULT '',
    attempt   TEXT    NOT NULL DEFAULT '',
    at_ms     INTEGER NOT NULL,
    payload   TEXT    NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;

CREATE INDEX events_by_attempt ON events(attempt) WHERE attempt <> '';
CREATE INDEX events_by_learner ON events(learner) WHERE learner <> '';

CREATE TRIGGER events_never_change BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END;
CREATE TRIGGER events_never_vanish BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END;
)sql"},
};

constexpr std::string_view event_columns = "device_id, seq, type, learner, attempt, at_ms, payload";

Event read_event(const Statement& st) {
    Event e;
    e.device_id = st.column_text(0);
    e.seq = st.column_int64(1);
    e.type = st.column_text(2);
    e.learner = st.column_text(3);
    e.attempt = st.column_text(4);
    e.at_ms = st.column_int64(5);
    e.payload = nlohmann::json::parse(st.column_text(6));
    return e;
}

std::vector<Event> read_all(Statement& st) {
    std::vector<Event> out;
    while (st.step()) out.push_back(read_event(st));
    return out;
}

void bind_event(Statement& st, const Event& e) {
    st.bind(1, e.device_id).bind(2, e.seq).bind(3, e.type).bind(4, e.learner).bind(5, e.attempt).bind(6, e.at_ms)
        .bind(7, e.payload.dump());
}

}  // namespace

std::span<const Migration> journal_migrations() { return migrations; }

Journal::Journal(Database& db, std::string device_id) : db_(db), device_id_(std::move(device_id)) {
    db_.migrate(journal_migrations());
}

Event Journal::append(const NewEvent& event) { return append_all(std::span(&event, 1)).front(); }

std::vector<Event> Journal::append_all(std::span<const NewEvent> events) {
    std::vector<Event> stored;
    stored.reserve(events.size());
    Transaction tx(db_);
    std::int64_t seq = last_seq(device_id_);
    Statement insert = db_.prepare("INSERT INTO events(" + std::string(event_columns) + ") VALUES (?,?,?,?,?,?,?)");
    for (const NewEvent& e : events) {
        Event full{device_id_, ++seq, e.type, e.learner, e.attempt, e.at_ms, e.payload};
        bind_event(insert, full);
        insert.run();
        insert.reset();
        stored.push_back(std::move(full));
    }
    tx.commit();
    return stored;
}

std::int64_t Journal::last_seq(std::string_view device_id) const {
    Statement st = db_.prepare("SELECT coalesce(max(seq), 0) FROM events WHERE device_id = ?");
    st.bind(1, device_id);
    st.step();
    return st.column_int64(0);
}

std::int64_t Journal::contiguous_seq(std::string_view device_id) const {
    // With seqs starting at 1 and unique, the run 1..s is complete exactly when s events have seq <= s;
    // the first gap is found by comparing each seq with its rank.
    Statement st = db_.prepare(
        "SELECT coalesce(max(seq), 0) FROM ("
        "  SELECT seq, row_number() OVER (ORDER BY seq) AS rank FROM events WHERE device_id = ?"
        ") WHERE seq = rank");
    st.bind(1, device_id);
    st.step();
    return st.column_int64(0);
}

std::size_t Journal::ingest(std::span<const Event> events) {
    Transaction tx(db_);
    Statement insert =
        db_.prepare("INSERT OR IGNORE INTO events(" + std::string(event_columns) + ") VALUES (?,?,?,?,?,?,?)");
    std::size_t added = 0;
    for (const Event& e : events) {
        bind_event(insert, e);
        insert.run();
        added += static_cast<std::size_t>(sqlite3_changes(db_.handle()));
        insert.reset();
    }
    tx.commit();
    return added;
}

std::vector<Event> Journal::after(std::string_view device_id, std::int64_t after, std::size_t limit) const {
    Statement st = db_.prepare("SELECT " + std::string(event_columns) +
                               " FROM events WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    st.bind(1, device_id).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
    return read_all(st);
}

std::vector<Event> Journal::all() const {
    Statement st = db_.prepare("SELECT " + std::string(event_columns) + " FROM events ORDER BY device_id, seq");
    return read_all(st);
}

std::vector<Event> Journal::for_attempt(std::string_view attempt) const {
    Statement st = db_.prepare("SELECT " + std::string(event_columns) +
                               " FROM events WHERE attempt = ? ORDER BY device_id, seq");
    st.bind(1, attempt);
    return read_all(st);
}

std::vector<Event> Journal::for_learner(std::string_view learner) const {
    Statement st = db_.prepare("SELECT " + std::string(event_columns) +
                               " FROM events WHERE learner = ? ORDER BY at_ms, device_id, seq");
    st.bind(1, learner);
    return read_all(st);
}

std::int64_t Journal::count() const {
    Statement st = db_.prepare("SELECT count(*) FROM events");
    st.step();
    return st.column_int64(0);
}

}  // namespace cbt::store
