// The host's classroom record, DATA/classroom.db: every device's events (the journal), the
// paired devices, the roster and the commands for the kiosks. One file, so one backup holds
// the whole classroom.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "store/journal.hpp"
#include "course/package.hpp"
#include "sync/crypto.hpp"

namespace cbt::sync {

enum class DeviceStatus { Pending, Approved, Refused };
const char* status_name(DeviceStatus status);

// A kiosk that has asked to join the classroom.
struct Device {
    std::string device_id;
    std::string public_key;      // its key-exchange public key, hex
    std::string name;            // as the kiosk calls itself (host name)
    int seat = 0;                // 0 until the instructor gives one
    DeviceStatus status = DeviceStatus::Pending;
    std::int64_t last_counter = 0;   // highest request counter accepted: older ones are replays
    std::int64_t first_seen_ms = 0;
    std::int64_t last_seen_ms = 0;
};

// A trainee on the instructor's roster.
struct RosterEntry {
    std::string id, name, service, id_number, pin_hash;
};

// An instruction for one kiosk or for all ("" device): lock, unlock, message, assign, ...
struct Command {
    std::int64_t id = 0;
    std::string device_id;
    std::string kind;
    nlohmann::json payload;
    std::int64_t at_ms = 0;
};

class HostStore {
public:
    // Opens or creates DATA/classroom.db; a new classroom gets its id and key pair once.
    explicit HostStore(const std::filesystem::path& data_dir);

    store::Database& db() { return db_; }
    store::Journal& journal() { return journal_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }
    const std::string& classroom_id() const { return classroom_id_; }
    const KeyPair& keys() const { return keys_; }

    // Kiosks that present a proof made with this code are approved without the instructor.
    void set_pairing_code(const std::optional<std::string>& code);
    std::optional<std::string> pairing_code();

    std::optional<Device> device(const std::string& device_id);
    std::vector<Device> devices();
    // Records a request to join (or refreshes one); keeps an existing device's status and seat.
    Device request_join(const std::string& device_id, const std::string& public_key, const std::string& name,
                        std::int64_t now_ms);
    // Approves (giving a seat; 0 = the lowest free one) or refuses a device.
    void decide(const std::string& device_id, DeviceStatus status, int seat = 0);
    // Accepts a request counter if it is higher than any before and records the time; false for
    // a replay. Committed before the request is handled, so a replay after a crash is refused too.
    bool accept_counter(const std::string& device_id, std::int64_t counter, std::int64_t now_ms);

    std::vector<RosterEntry> roster();
    void put_trainee(const RosterEntry& entry);
    // Adds a trainee a kiosk knows and the host does not; the instructor's entries are never
    // overwritten. True when added.
    bool add_trainee_if_new(const RosterEntry& entry);
    // Changes with every roster edit, so kiosks fetch the roster only when it changed.
    std::int64_t roster_version();

    // Course packages: DATA/packs/<sha256>.cbtpack (what kiosks download, by content) and the
    // installed library DATA/courses (what the host itself reads).
    std::filesystem::path packs_dir() const { return data_dir_ / "packs"; }
    std::filesystem::path library_dir() const { return data_dir_ / "courses"; }
    // Verifies a .cbtpack, keeps a copy by its SHA-256 and installs it as the course's current
    // version, which kiosks then fetch. Throws course::PackageError for a bad pack.
    course::InstalledCourse install_package(const std::filesystem::path& pack);
    // The current version of each installed course whose pack the host holds.
    std::vector<course::InstalledCourse> offered_courses();

    std::int64_t add_command(const std::string& device_id, const std::string& kind, const nlohmann::json& payload,
                             std::int64_t now_ms);
    // Commands for a device (its own and those for all) after a cursor, oldest first.
    std::vector<Command> commands_after(const std::string& device_id, std::int64_t cursor, std::size_t limit = 200);

private:
    std::filesystem::path data_dir_;
    store::Database db_;
    store::Journal journal_;
    std::string classroom_id_;
    KeyPair keys_;
};

}  // namespace cbt::sync
