// SQL behind the host's classroom record. The host's tables are versioned by a settings entry of
// their own ("schema.host"), next to the journal's user_version, so each can grow on its own.
#include "sync/host_store.hpp"

#include <stdexcept>

#include <sqlite3.h>

#include "base/random_id.hpp"
#include "store/settings.hpp"

namespace cbt::sync {
using nlohmann::json;

namespace {

const char* const host_migrations[] = {
    R"(CREATE TABLE devices (
         device_id TEXT PRIMARY KEY,
         public_key TEXT NOT NULL,
         name TEXT NOT NULL DEFAULT '',
         seat INTEGER NOT NULL DEFAULT 0,
         status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
         last_counter INTEGER NOT NULL DEFAULT 0,
         first_seen_ms INTEGER NOT NULL,
         last_seen_ms INTEGER NOT NULL);
       CREATE TABLE roster (
         id TEXT PRIMARY KEY,
         name TEXT NOT NULL,
         service TEXT NOT NULL DEFAULT '',
         id_number TEXT NOT NULL DEFAULT '',
         pin_hash TEXT NOT NULL DEFAULT '');
       CREATE TABLE commands (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         device_id TEXT NOT NULL DEFAULT '',
         kind TEXT NOT NULL,
         payload TEXT NOT NULL,
         at_ms INTEGER NOT NULL);)",
};

store::Database open_classroom(const std::filesystem::path& data_dir) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec)
        throw std::runtime_error("cannot create the data folder " + data_dir.string() + ": " + ec.message() +
                                 ". Check that the disk is mounted and writable, or choose another folder with --data.");
    return store::Database::open(data_dir / "classroom.db");
}

std::string prepare_schema(store::Database& db) {
    db.migrate(store::journal_migrations());
    const int have = std::stoi(store::read_setting(db, "schema.host").value_or("0"));
    const int known = static_cast<int>(std::size(host_migrations));
    if (have > known)
        throw std::runtime_error("classroom.db was written by a newer cbt-host (host schema " + std::to_string(have) +
                                 "); install that version, or open a backup made by this one");
    for (int v = have; v < known; ++v) {
        store::Transaction tx(db);
        db.exec(host_migrations[v]);
        store::write_setting(db, "schema.host", std::to_string(v + 1));
        tx.commit();
    }
    if (auto id = store::read_setting(db, "classroom_id")) return *id;
    const std::string id = "classroom-" + base::random_hex(8);
    const KeyPair keys = KeyPair::generate();
    store::Transaction tx(db);
    store::write_setting(db, "classroom_id", id);
    store::write_setting(db, "host_public", keys.public_hex);
    store::write_setting(db, "host_secret", keys.secret_hex);
    store::write_setting(db, "roster_version", "1");
    tx.commit();
    return id;
}

DeviceStatus status_from(const std::string& s) {
    if (s == "approved") return DeviceStatus::Approved;
    if (s == "refused") return DeviceStatus::Refused;
    return DeviceStatus::Pending;
}

Device read_device(store::Statement& st) {
    Device d;
    d.device_id = st.column_text(0);
    d.public_key = st.column_text(1);
    d.name = st.column_text(2);
    d.seat = static_cast<int>(st.column_int64(3));
    d.status = status_from(st.column_text(4));
    d.last_counter = st.column_int64(5);
    d.first_seen_ms = st.column_int64(6);
    d.last_seen_ms = st.column_int64(7);
    return d;
}

constexpr const char* device_columns =
    "device_id, public_key, name, seat, status, last_counter, first_seen_ms, last_seen_ms";

}  // namespace

const char* status_name(DeviceStatus status) {
    switch (status) {
        case DeviceStatus::Pending: return "pending";
        case DeviceStatus::Approved: return "approved";
        case DeviceStatus::Refused: return "refused";
    }
    return "pending";
}

HostStore::HostStore(const std::filesystem::path& data_dir)
    : data_dir_(data_dir), db_(open_classroom(data_dir)), journal_(db_, "host"), classroom_id_(prepare_schema(db_)) {
    keys_.public_hex = store::read_setting(db_, "host_public").value_or("");
    keys_.secret_hex = store::read_setting(db_, "host_secret").value_or("");
}

void HostStore::set_pairing_code(const std::optional<std::string>& code) {
    if (code) {
        store::write_setting(db_, "pairing_code", *code);
    } else {
        store::Statement st = db_.prepare("DELETE FROM settings WHERE key = 'pairing_code'");
        st.run();
    }
}

std::optional<std::string> HostStore::pairing_code() { return store::read_setting(db_, "pairing_code"); }

std::optional<Device> HostStore::device(const std::string& device_id) {
    store::Statement st = db_.prepare(std::string("SELECT ") + device_columns + " FROM devices WHERE device_id = ?");
    st.bind(1, device_id);
    if (!st.step()) return std::nullopt;
    return read_device(st);
}

std::vector<Device> HostStore::devices() {
    store::Statement st = db_.prepare(std::string("SELECT ") + device_columns + " FROM devices ORDER BY seat, device_id");
    std::vector<Device> out;
    while (st.step()) out.push_back(read_device(st));
    return out;
}

Device HostStore::request_join(const std::string& device_id, const std::string& public_key, const std::string& name,
                               std::int64_t now_ms) {
    store::Transaction tx(db_);
    if (auto existing = device(device_id)) {
        // A known device asking again with another key is a copy or an impostor: it starts over
        // as pending and the instructor decides.
        if (existing->public_key != public_key) {
            store::Statement st = db_.prepare(
                "UPDATE devices SET public_key = ?, name = ?, status = 'pending', last_counter = 0, last_seen_ms = ? "
                "WHERE device_id = ?");
            st.bind(1, public_key).bind(2, name).bind(3, now_ms).bind(4, device_id);
            st.run();
        } else {
            store::Statement st = db_.prepare("UPDATE devices SET last_seen_ms = ? WHERE device_id = ?");
            st.bind(1, now_ms).bind(2, device_id);
            st.run();
        }
    } else {
        store::Statement st = db_.prepare(
            "INSERT INTO devices(device_id, public_key, name, status, first_seen_ms, last_seen_ms) "
            "VALUES (?, ?, ?, 'pending', ?, ?)");
        st.bind(1, device_id).bind(2, public_key).bind(3, name).bind(4, now_ms).bind(5, now_ms);
        st.run();
    }
    tx.commit();
    return *device(device_id);
}

void HostStore::decide(const std::string& device_id, DeviceStatus status, int seat) {
    store::Transaction tx(db_);
    if (status == DeviceStatus::Approved && seat == 0) {
        const auto current = device(device_id);
        seat = current ? current->seat : 0;
        if (seat == 0) {
            store::Statement used = db_.prepare("SELECT seat FROM devices WHERE seat > 0 AND device_id <> ? ORDER BY seat");
            used.bind(1, device_id);
            seat = 1;
            while (used.step())
                if (used.column_int64(0) == seat) ++seat;
        }
    }
    store::Statement st = db_.prepare("UPDATE devices SET status = ?, seat = ? WHERE device_id = ?");
    st.bind(1, std::string_view(status_name(status))).bind(2, std::int64_t{seat}).bind(3, device_id);
    st.run();
    tx.commit();
}

bool HostStore::accept_counter(const std::string& device_id, std::int64_t counter, std::int64_t now_ms) {
    store::Statement st = db_.prepare(
        "UPDATE devices SET last_counter = ?, last_seen_ms = ? WHERE device_id = ? AND last_counter < ?");
    st.bind(1, counter).bind(2, now_ms).bind(3, device_id).bind(4, counter);
    st.run();
    return sqlite3_changes(db_.handle()) == 1;
}

std::vector<RosterEntry> HostStore::roster() {
    store::Statement st = db_.prepare("SELECT id, name, service, id_number, pin_hash FROM roster ORDER BY name");
    std::vector<RosterEntry> out;
    while (st.step())
        out.push_back({st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3), st.column_text(4)});
    return out;
}

void HostStore::put_trainee(const RosterEntry& e) {
    store::Transaction tx(db_);
    store::Statement st = db_.prepare(
        "INSERT INTO roster(id, name, service, id_number, pin_hash) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, service = excluded.service, "
        "id_number = excluded.id_number, pin_hash = excluded.pin_hash");
    st.bind(1, e.id).bind(2, e.name).bind(3, e.service).bind(4, e.id_number).bind(5, e.pin_hash);
    st.run();
    store::write_setting(db_, "roster_version", std::to_string(roster_version() + 1));
    tx.commit();
}

bool HostStore::add_trainee_if_new(const RosterEntry& e) {
    store::Transaction tx(db_);
    store::Statement st = db_.prepare(
        "INSERT OR IGNORE INTO roster(id, name, service, id_number, pin_hash) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, e.id).bind(2, e.name).bind(3, e.service).bind(4, e.id_number).bind(5, e.pin_hash);
    st.run();
    const bool added = sqlite3_changes(db_.handle()) == 1;
    if (added) store::write_setting(db_, "roster_version", std::to_string(roster_version() + 1));
    tx.commit();
    return added;
}

std::int64_t HostStore::roster_version() { return std::stoll(store::read_setting(db_, "roster_version").value_or("1")); }

course::InstalledCourse HostStore::install_package(const std::filesystem::path& pack) {
    const course::PackInfo info = course::verify_pack(pack);
    std::filesystem::create_directories(packs_dir());
    const std::filesystem::path kept = packs_dir() / (info.pack_sha256 + ".cbtpack");
    if (!std::filesystem::exists(kept)) {
        const std::filesystem::path partial = kept.string() + ".partial";
        std::filesystem::copy_file(pack, partial, std::filesystem::copy_options::overwrite_existing);
        std::filesystem::rename(partial, kept);
    }
    return course::install_pack(kept, library_dir());
}

std::vector<course::InstalledCourse> HostStore::offered_courses() {
    std::vector<course::InstalledCourse> out;
    std::error_code ec;
    if (!std::filesystem::is_directory(library_dir(), ec)) return out;
    for (auto& c : course::list_library(library_dir()))
        if (c.current && std::filesystem::exists(packs_dir() / (c.pack_sha256 + ".cbtpack"), ec)) out.push_back(std::move(c));
    return out;
}

std::int64_t HostStore::add_command(const std::string& device_id, const std::string& kind, const json& payload,
                                    std::int64_t now_ms) {
    store::Statement st = db_.prepare("INSERT INTO commands(device_id, kind, payload, at_ms) VALUES (?, ?, ?, ?)");
    st.bind(1, device_id).bind(2, kind).bind(3, payload.dump()).bind(4, now_ms);
    st.run();
    return sqlite3_last_insert_rowid(db_.handle());
}

std::vector<Command> HostStore::commands_after(const std::string& device_id, std::int64_t cursor, std::size_t limit) {
    store::Statement st = db_.prepare(
        "SELECT id, device_id, kind, payload, at_ms FROM commands WHERE id > ? AND (device_id = '' OR device_id = ?) "
        "ORDER BY id LIMIT ?");
    st.bind(1, cursor).bind(2, device_id).bind(3, static_cast<std::int64_t>(limit));
    std::vector<Command> out;
    while (st.step())
        out.push_back({st.column_int64(0), st.column_text(1), st.column_text(2), json::parse(st.column_text(3)),
                       st.column_int64(4)});
    return out;
}

}  // namespace cbt::sync
