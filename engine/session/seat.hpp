// One seat's own data: its device identity, seat settings, local roster and event journal, all
// in DATA/kiosk.db. Everything is created on first open and never changes identity afterwards.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "store/journal.hpp"

namespace cbt::session {

// A trainee as the seat knows them. The id is what the journal records; the name is shown.
struct Trainee {
    std::string id;
    std::string name;
    std::string service;    // customs, border guard, ... (may be empty)
    std::string pin_hash;   // libsodium crypto_pwhash_str of the PIN; empty when no PIN is set
    std::string language;   // UI language the trainee chose last ("" = the seat's default)
};

// Hashes a PIN for storage (Argon2id through libsodium).
std::string hash_pin(const std::string& pin);
// True when the PIN matches a hash made by hash_pin.
bool pin_matches(const std::string& pin_hash, const std::string& pin);

class Seat {
public:
    // Opens (creating if needed) DATA/kiosk.db; a new seat gets a random device id once.
    explicit Seat(const std::filesystem::path& data_dir);

    const std::filesystem::path& data_dir() const { return data_dir_; }
    const std::string& device_id() const { return device_id_; }
    store::Database& db() { return db_; }
    store::Journal& journal() { return journal_; }

    // Seat number shown on screen (0 = not given yet).
    int seat_number();
    void set_seat_number(int number);
    // Language of the sign-in screen and of trainees who never chose one.
    std::string default_language();
    void set_default_language(const std::string& lang);

    // The instructor PIN that leaves kiosk mode. Until one is set the PIN is "0000" and
    // instructor_pin_is_default() says so, so the sign-in screen can warn the instructor.
    bool instructor_pin_matches(const std::string& pin);
    bool instructor_pin_is_default();
    void set_instructor_pin(const std::string& pin);

    // The local roster, sorted by name.
    std::vector<Trainee> roster();
    std::optional<Trainee> find_trainee(const std::string& id_or_name);
    // Adds or replaces (by id) a trainee. A trainee without an id gets one made from the name, the
    // same on every seat.
    Trainee put_trainee(Trainee trainee);
    // Takes the instructor's roster from the host ([{id, name, service, pin_hash}, ...]): its
    // trainees replace local ones with the same id; local trainees it does not name are kept
    // (they may have work not yet sent), and each trainee's chosen language stays.
    void apply_host_roster(const nlohmann::json& roster);
    // Reads a CSV roster: a header line naming columns from name,pin,service,id,language, then
    // one trainee per line; "pin" is the plain PIN and is stored hashed. Returns how many were
    // added or updated. Throws std::runtime_error naming the line of a malformed row.
    int import_roster_csv(const std::filesystem::path& file);

    // Who is signed in and the attempt they have open, kept so that a restarted kiosk goes back
    // to the same trainee and screen.
    std::optional<std::string> current_trainee();
    std::optional<std::string> current_attempt();
    void set_current(const std::optional<std::string>& trainee, const std::optional<std::string>& attempt);

private:
    std::filesystem::path data_dir_;
    store::Database db_;
    store::Journal journal_;
    std::string device_id_;
};

}  // namespace cbt::session
