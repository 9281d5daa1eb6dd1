// The seat's data directory and its settings. The roster is one JSON document in the settings
// table: it is small, replaced whole when the host sends a new one, and written atomically.
#include "session/seat.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "base/random_id.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "store/settings.hpp"

namespace cbt::session {
using nlohmann::json;

namespace {

constexpr const char* default_instructor_pin = "0000";

// Where this database lives: the machine (its machine-id and built-in network cards) and the
// file itself (device and inode). A copy of the data folder — another disk, another machine, a
// cloned image booted on other hardware — gets a different answer.
std::string home_of(const std::filesystem::path& db_file) {
    std::string home;
    if (const char* forced = std::getenv("CBT_MACHINE_FINGERPRINT")) {
        home += forced;   // provisioning and tests name the machine themselves
    } else {
        std::ifstream machine("/etc/machine-id");
        std::string id;
        std::getline(machine, id);
        home += id;
        std::vector<std::string> macs;
        std::error_code ec;
        for (const auto& nic : std::filesystem::directory_iterator("/sys/class/net", ec)) {
            // Built-in cards only: a USB adapter plugged in later must not change the answer.
            const auto device = std::filesystem::canonical(nic.path() / "device", ec);
            if (ec || device.string().find("/usb") != std::string::npos) {
                ec.clear();
                continue;
            }
            std::ifstream address(nic.path() / "address");
            std::string mac;
            std::getline(address, mac);
            macs.push_back(mac);
        }
        std::sort(macs.begin(), macs.end());
        for (const auto& m : macs) home += "|" + m;
    }
    struct stat st {};
    if (::stat(db_file.c_str(), &st) == 0) home += "|" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    return base::sha256_hex(home);
}

// The device id, made once; made again when the database turns out to be a copy, so that the
// copy's new events can never collide with the original's. Its old events stay, as another
// device's, and its link to the host starts afresh (the copy must be paired like a new seat).
std::string ensure_device_id(store::Database& db, const std::filesystem::path& db_file) {
    db.migrate(store::journal_migrations());
    const std::string home = home_of(db_file);
    const auto id = store::read_setting(db, "device_id");
    const auto recorded = store::read_setting(db, "device_home");
    if (id && (!recorded || *recorded == home)) {
        if (!recorded) store::write_setting(db, "device_home", home);
        return *id;
    }
    const std::string fresh = base::random_hex(16);
    store::Transaction tx(db);
    if (id) {
        store::write_setting(db, "previous_device_id", *id);
        store::Statement forget = db.prepare("DELETE FROM settings WHERE key LIKE 'sync.%'");
        forget.run();
    }
    store::write_setting(db, "device_id", fresh);
    store::write_setting(db, "device_home", home);
    tx.commit();
    return fresh;
}

store::Database open_database(const std::filesystem::path& data_dir) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec)
        throw std::runtime_error("cannot create the data folder " + data_dir.string() + ": " + ec.message() +
                                 ". Check that the disk is mounted and writable, or choose another folder with --data.");
    return store::Database::open(data_dir / "kiosk.db");
}

json trainee_json(const Trainee& t) {
    return {{"id", t.id}, {"name", t.name}, {"service", t.service}, {"pin_hash", t.pin_hash}, {"language", t.language}};
}

Trainee trainee_from(const json& j) {
    Trainee t;
    t.id = j.value("id", "");
    t.name = j.value("name", "");
    t.service = j.value("service", "");
    t.pin_hash = j.value("pin_hash", "");
    t.language = j.value("language", "");
    return t;
}

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    cells.push_back(cell);
    for (auto& c : cells) {
        const auto first = c.find_first_not_of(" \t");
        const auto last = c.find_last_not_of(" \t");
        c = first == std::string::npos ? std::string() : c.substr(first, last - first + 1);
    }
    return cells;
}

}  // namespace

std::string hash_pin(const std::string& pin) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to protect the PIN");
    return out;
}

bool pin_matches(const std::string& pin_hash, const std::string& pin) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    return crypto_pwhash_str_verify(pin_hash.c_str(), pin.data(), pin.size()) == 0;
}

Seat::Seat(const std::filesystem::path& data_dir)
    : data_dir_(data_dir), db_(open_database(data_dir)), journal_(db_, ensure_device_id(db_, data_dir / "kiosk.db")),
      device_id_(journal_.device_id()) {}

int Seat::seat_number() {
    const auto v = store::read_setting(db_, "seat_number");
    try {
        return v ? std::stoi(*v) : 0;
    } catch (const std::exception&) {
        return 0;
    }
}

void Seat::set_seat_number(int number) { store::write_setting(db_, "seat_number", std::to_string(number)); }

std::string Seat::default_language() { return store::read_setting(db_, "default_language").value_or("ru"); }

void Seat::set_default_language(const std::string& lang) { store::write_setting(db_, "default_language", lang); }

bool Seat::instructor_pin_matches(const std::string& pin) {
    const auto hash = store::read_setting(db_, "instructor_pin_hash");
    return hash ? pin_matches(*hash, pin) : pin == default_instructor_pin;
}

bool Seat::instructor_pin_is_default() { return !store::read_setting(db_, "instructor_pin_hash").has_value(); }

void Seat::set_instructor_pin(const std::string& pin) {
    if (pin.size() < 4) throw std::invalid_argument("the instructor PIN needs at least 4 characters");
    store::write_setting(db_, "instructor_pin_hash", hash_pin(pin));
}

std::vector<Trainee> Seat::roster() {
    std::vector<Trainee> out;
    const auto text = store::read_setting(db_, "roster");
    if (!text) return out;
    const json list = json::parse(*text, nullptr, false);
    if (!list.is_array()) return out;
    for (const json& j : list)
        if (j.is_object()) out.push_back(trainee_from(j));
    std::sort(out.begin(), out.end(), [](const Trainee& a, const Trainee& b) {
        return base::fold_for_comparison(a.name) < base::fold_for_comparison(b.name);
    });
    return out;
}

std::optional<Trainee> Seat::find_trainee(const std::string& id_or_name) {
    const auto all = roster();
    for (const auto& t : all)
        if (t.id == id_or_name) return t;
    const std::string folded = base::fold_for_comparison(id_or_name);
    for (const auto& t : all)
        if (base::fold_for_comparison(t.name) == folded) return t;
    return std::nullopt;
}

Trainee Seat::put_trainee(Trainee trainee) {
    // Without an id a trainee is named by their name, so the same roster file (or the same name
    // typed at a headless run) gives the same id on every seat and their work follows them.
    if (trainee.id.empty()) trainee.id = "t-" + base::sha256_hex(base::fold_for_comparison(trainee.name)).substr(0, 12);
    store::Transaction tx(db_);
    json list = json::array();
    bool replaced = false;
    for (const Trainee& t : roster()) {
        if (t.id == trainee.id) {
            list.push_back(trainee_json(trainee));
            replaced = true;
        } else {
            list.push_back(trainee_json(t));
        }
    }
    if (!replaced) list.push_back(trainee_json(trainee));
    store::write_setting(db_, "roster", list.dump());
    tx.commit();
    return trainee;
}

void Seat::apply_host_roster(const json& roster) {
    if (!roster.is_array()) return;
    std::map<std::string, Trainee> by_id;
    for (Trainee& t : this->roster()) by_id[t.id] = std::move(t);
    for (const json& j : roster) {
        if (!j.is_object() || !j.contains("id") || !j["id"].is_string() || j["id"].get<std::string>().empty()) continue;
        Trainee t = trainee_from(j);
        if (auto it = by_id.find(t.id); it != by_id.end()) t.language = it->second.language;
        by_id[t.id] = std::move(t);
    }
    json list = json::array();
    for (const auto& [id, t] : by_id) list.push_back(trainee_json(t));
    store::write_setting(db_, "roster", list.dump());
}

int Seat::import_roster_csv(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read the roster file " + file.string());
    std::string line;
    if (!std::getline(in, line)) throw std::runtime_error(file.string() + " is empty; it needs a header line such as: name,pin");
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);   // spreadsheets often save a BOM
    const auto header = split_csv_line(line);
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = base::fold_for_comparison(header[i]);
        if (name != "name" && name != "pin" && name != "service" && name != "id" && name != "language")
            throw std::runtime_error(file.string() + ":1: unknown column '" + header[i] +
                                     "'; the columns are name, pin, service, id, language");
        column[name] = i;
    }
    if (!column.contains("name")) throw std::runtime_error(file.string() + ":1: the header has no 'name' column");
    auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
        const auto it = column.find(name);
        return it != column.end() && it->second < row.size() ? row[it->second] : std::string();
    };

    std::vector<Trainee> incoming;
    for (int line_no = 2; std::getline(in, line); ++line_no) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!base::is_valid_utf8(line))
            throw std::runtime_error(file.string() + ":" + std::to_string(line_no) +
                                     ": the line is not UTF-8; save the file as CSV UTF-8");
        const auto row = split_csv_line(line);
        if (row.size() != header.size())
            throw std::runtime_error(file.string() + ":" + std::to_string(line_no) + ": expected " +
                                     std::to_string(header.size()) + " values, found " + std::to_string(row.size()));
        Trainee t;
        t.name = cell(row, "name");
        if (t.name.empty()) throw std::runtime_error(file.string() + ":" + std::to_string(line_no) + ": the name is empty");
        t.id = cell(row, "id");
        t.service = cell(row, "service");
        t.language = cell(row, "language");
        if (const std::string pin = cell(row, "pin"); !pin.empty()) t.pin_hash = hash_pin(pin);
        incoming.push_back(std::move(t));
    }
    // Rows name existing trainees by id, or else by name, so importing the same file twice
    // updates rather than duplicates.
    for (Trainee& t : incoming) {
        if (auto existing = t.id.empty() ? find_trainee(t.name) : find_trainee(t.id)) {
            t.id = existing->id;
            if (t.language.empty()) t.language = existing->language;
        }
        put_trainee(t);
    }
    return static_cast<int>(incoming.size());
}

std::optional<std::string> Seat::current_trainee() { return store::read_setting(db_, "current_trainee"); }

std::optional<std::string> Seat::current_attempt() { return store::read_setting(db_, "current_attempt"); }

void Seat::set_current(const std::optional<std::string>& trainee, const std::optional<std::string>& attempt) {
    store::Transaction tx(db_);
    auto put = [&](const char* key, const std::optional<std::string>& value) {
        if (value) {
            store::write_setting(db_, key, *value);
        } else {
            store::Statement st = db_.prepare("DELETE FROM settings WHERE key = ?");
            st.bind(1, std::string_view(key));
            st.run();
        }
    };
    put("current_trainee", trainee);
    put("current_attempt", attempt);
    tx.commit();
}

}  // namespace cbt::session
