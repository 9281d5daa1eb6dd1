// The kiosk's side of the sync protocol: pairing with the host, then sending the journal's
// events after the host's acknowledged seq and taking roster, commands and trainees' history
// back. Its state lives in the kiosk's settings, so a restart carries on where it stopped.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "store/journal.hpp"

namespace cbt::sync {

enum class PairStatus { Pending, Approved, Refused, Failed };

struct PairResult {
    PairStatus status = PairStatus::Failed;
    std::string short_code;   // show it: the instructor compares it with the host's screen
    int seat = 0;
    std::string message;      // why it failed, for the person at the kiosk
};

// A course the host offers: its current version, named by the SHA-256 of its package.
struct OfferedCourse {
    std::string id, version, sha256;
    std::int64_t bytes = 0;
};

// What one exchange with the host did.
struct SyncOutcome {
    bool ok = false;
    int http_status = 0;                 // 0 when the host could not be reached
    std::string error_code;              // the host's machine-readable reason, if refused
    std::string message;                 // for the person at the kiosk
    std::int64_t acked_seq = 0;          // the host holds every event of this kiosk up to here
    std::int64_t last_seq = 0;           // the kiosk's newest event
    std::size_t sent = 0;
    int seat = 0;
    std::optional<nlohmann::json> roster;   // the instructor's roster, when it changed
    std::vector<nlohmann::json> commands;   // new commands, oldest first
    std::size_t history_added = 0;          // events of other seats stored for a trainee
    std::vector<OfferedCourse> courses;     // the host's current courses
    std::vector<std::string> installed;     // course ids installed after this exchange (SyncWorker)
};

class KioskLink {
public:
    // Opens its own connection to the kiosk's database (kiosk.db); `device_id` is the kiosk's.
    KioskLink(const std::filesystem::path& kiosk_db, std::string device_id, std::string host_url);

    const std::string& host_url() const { return host_url_; }
    // Forgets the classroom this seat belonged to (host, key, acknowledged seq), keeping its own
    // keys; the next pairing may then be with another host.
    void forget_host();
    // True once the host has approved this kiosk (kept across restarts).
    bool paired();
    // The classroom this seat belongs to ("" before its first pairing).
    std::string classroom_id() { return setting("classroom_id"); }
    // Asks to join the classroom, or asks again whether the instructor has decided. With the
    // classroom's pairing code the host approves at once. `wanted_seat` (0: none) is the number
    // this machine was set up as; the host gives it when no other seat has it.
    PairResult pair(const std::optional<std::string>& pairing_code, const std::string& device_name,
                    int wanted_seat = 0);
    // One exchange: up to a batch of unacknowledged events up, roster/commands/history down.
    // `history_for` asks for a trainee's events recorded at other seats.
    SyncOutcome sync_once(const std::optional<std::string>& history_for = std::nullopt);
    // Downloads a course package into `packs_dir` (resuming a partial download), checks it is
    // exactly the package named, and returns its path; nullopt with `error` set otherwise.
    std::optional<std::filesystem::path> fetch_package(const OfferedCourse& course, const std::filesystem::path& packs_dir,
                                                       std::string& error);
    // Trainees this seat knows ([{id, name, service, pin_hash}]), offered to the host's roster
    // with every exchange; the host adds those it does not have.
    void offer_trainees(nlohmann::json trainees) { trainees_ = std::move(trainees); }
    // Syncs until the host holds every event or `timeout_ms` passes, retrying with backoff.
    SyncOutcome sync_all(std::int64_t timeout_ms);

private:
    std::optional<nlohmann::json> exchange(nlohmann::json msg, SyncOutcome& out);
    std::string setting(const std::string& key, const std::string& fallback = "");
    void put(const std::string& key, const std::string& value);

    store::Database db_;
    store::Journal journal_;
    std::string device_id_;
    std::string host_url_;
    nlohmann::json trainees_;
};

// Fetches and installs every offered course version the library lacks; returns the ids
// installed. A failure leaves the old version teaching and is said in `errors`.
std::vector<std::string> install_offered(KioskLink& link, const std::vector<OfferedCourse>& offered,
                                         const std::filesystem::path& library_dir,
                                         const std::filesystem::path& packs_dir, std::vector<std::string>& errors);

}  // namespace cbt::sync
