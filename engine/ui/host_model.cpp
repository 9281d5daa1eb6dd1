// The dashboard's model. Events are read per device after the highest seq held without a gap,
// so a refresh costs one small grouped query when nothing arrived; batches that arrive out of
// order (the server stores them so) are picked up once their gap fills or on the next read.
#include "ui/host_model.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "base/random_id.hpp"
#include "base/text.hpp"
#include "course/lesson_runtime.hpp"
#include "report/csv.hpp"
#include "session/seat.hpp"

namespace cbt::ui {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t fetch_limit = 100'000;  // events per device per refresh; the rest come next time

bool valid_pin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<fs::path> course_folders(const std::vector<fs::path>& dirs) {
    std::vector<fs::path> out;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (fs::exists(dir / "course.lua", ec)) {
            out.push_back(dir);
            continue;
        }
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.is_directory(ec) && fs::exists(entry.path() / "course.lua", ec)) found.push_back(entry.path());
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace

HostModel::HostModel(const fs::path& data_dir, const base::Clock& clock, std::vector<fs::path> course_dirs)
    : clock_(clock), store_(data_dir), course_dirs_(std::move(course_dirs)) {}

void HostModel::load_courses() {
    courses_loaded_ = true;
    // The host's installed library first: those are the versions the kiosks are given.
    std::vector<fs::path> dirs = {store_.library_dir()};
    dirs.insert(dirs.end(), course_dirs_.begin(), course_dirs_.end());
    for (const fs::path& folder : course_folders(dirs)) {
        try {
            course::Course c = course::load_course(folder);
            if (std::any_of(courses_.begin(), courses_.end(), [&](const course::Course& o) { return o.id == c.id; }))
                continue;
            titles_[c.id] = c.title;
            for (const course::LessonEntry& entry : c.lessons) {
                titles_[c.id + "/" + entry.id] = entry.title;
                try {
                    course::LessonRuntime probe(c, entry.id, 0, c.default_language());
                    if (!probe.lesson().title.empty()) titles_[c.id + "/" + entry.id] = probe.lesson().title;
                    lesson_lengths_[c.id + "/" + entry.id] = static_cast<int>(probe.length());
                } catch (const std::exception&) {
                    // A broken lesson shows by its id and with the count of screens shown.
                }
            }
            courses_.push_back(std::move(c));
        } catch (const std::exception&) {
            // Not a course the host can read; kiosks report their own problems with it.
        }
    }
    ++version_;
    rebuild_seats();
}

bool HostModel::refresh() {
    bool changed = false;
    std::vector<sync::Device> devices = store_.devices();
    // A kiosk's last request time changes every few seconds; it moves the seat map (rebuilt
    // below anyway) but not the record, so reports are not recomputed for it.
    const auto same_device = [](const sync::Device& a, const sync::Device& b) {
        return a.device_id == b.device_id && a.seat == b.seat && a.status == b.status && a.name == b.name &&
               a.public_key == b.public_key;
    };
    if (!std::equal(devices.begin(), devices.end(), devices_.begin(), devices_.end(), same_device)) changed = true;
    devices_ = std::move(devices);
    if (const std::int64_t v = store_.roster_version(); v != roster_version_) {
        roster_version_ = v;
        roster_ = store_.roster();
        changed = true;
    }
    changed = read_commands() || changed;
    changed = read_events() || changed;
    if (changed) ++version_;
    rebuild_seats();
    return changed;
}

bool HostModel::read_commands() {
    const std::int64_t after = commands_.empty() ? 0 : commands_.back().id;
    store::Statement st =
        store_.db().prepare("SELECT id, device_id, kind, payload, at_ms FROM commands WHERE id > ? ORDER BY id");
    st.bind(1, after);
    bool any = false;
    while (st.step()) {
        report::SeatCommand c;
        c.id = st.column_int64(0);
        c.device_id = st.column_text(1);
        c.kind = st.column_text(2);
        c.payload = json::parse(st.column_text(3), nullptr, false);  // discarded (bad) payloads read as null-like
        if (c.payload.is_discarded()) c.payload = nullptr;
        c.at_ms = st.column_int64(4);
        commands_.push_back(std::move(c));
        any = true;
    }
    return any;
}

bool HostModel::read_events() {
    // The journal's table (docs/journal.md): one grouped pass over its primary key.
    store::Statement st = store_.db().prepare("SELECT device_id, MAX(seq), COUNT(*) FROM events GROUP BY device_id");
    std::vector<std::string> stale;
    while (st.step()) {
        const std::string device = st.column_text(0);
        const std::pair<std::int64_t, std::int64_t> totals{st.column_int64(1), st.column_int64(2)};
        auto it = seen_totals_.find(device);
        if (it != seen_totals_.end() && it->second == totals) continue;
        seen_totals_[device] = totals;
        stale.push_back(device);
    }
    bool any = false;
    for (const std::string& device : stale) {
        std::set<std::int64_t>& held = held_[device];
        std::int64_t& contiguous = contiguous_[device];
        for (;;) {
            std::vector<store::Event> batch;
            try {
                batch = store_.journal().after(device, contiguous, fetch_limit);
            } catch (const nlohmann::json::exception&) {
                // A payload that is not JSON cannot come through the server; if the file was
                // edited by hand, the device's newer events wait rather than stop the dashboard.
                break;
            }
            const std::size_t got = batch.size();
            for (store::Event& e : batch) {
                if (!held.insert(e.seq).second) continue;
                events_.push_back(std::move(e));
                any = true;
            }
            const std::int64_t before = contiguous;
            while (held.count(contiguous + 1)) ++contiguous;
            if (got < fetch_limit || contiguous == before) break;
        }
    }
    return any;
}

std::int64_t HostModel::held_seq(const std::string& device_id) const {
    const auto it = held_.find(device_id);
    return it == held_.end() || it->second.empty() ? 0 : *it->second.rbegin();
}

void HostModel::rebuild_seats() {
    std::vector<report::SeatDevice> approved;
    for (const sync::Device& d : devices_)
        if (d.status == sync::DeviceStatus::Approved) approved.push_back({d.device_id, d.name, d.seat, d.last_seen_ms});
    std::map<std::string, report::Person> people;
    for (const sync::RosterEntry& r : roster_) people[r.id] = {r.id, r.name, r.service, r.id_number};
    report::SeatMapOptions o;
    o.now_ms = clock_.wall_ms();
    o.lesson_lengths = lesson_lengths_;
    seats_ = report::seat_map(approved, events_, commands_, people, o);
}

std::vector<sync::Device> HostModel::pending() const {
    std::vector<sync::Device> out;
    for (const sync::Device& d : devices_)
        if (d.status == sync::DeviceStatus::Pending) out.push_back(d);
    std::sort(out.begin(), out.end(), [](const sync::Device& a, const sync::Device& b) {
        return std::tie(a.first_seen_ms, a.device_id) < std::tie(b.first_seen_ms, b.device_id);
    });
    return out;
}

std::string HostModel::code_for(const sync::Device& device) const {
    return sync::short_code(store_.keys().public_hex, device.public_key);
}

int HostModel::suggested_seat() const {
    std::vector<report::SeatDevice> approved;
    for (const sync::Device& d : devices_)
        if (d.status == sync::DeviceStatus::Approved) approved.push_back({d.device_id, d.name, d.seat, 0});
    return report::lowest_free_seat(approved);
}

const sync::Device* HostModel::device_at(int seat) const {
    for (const sync::Device& d : devices_)
        if (d.status == sync::DeviceStatus::Approved && d.seat == seat) return &d;
    return nullptr;
}

ApproveResult HostModel::approve(const std::string& device_id, int seat) {
    if (!store_.device(device_id)) return ApproveResult::NoSuchDevice;
    if (seat <= 0) seat = suggested_seat();
    if (const sync::Device* holder = device_at(seat); holder && holder->device_id != device_id)
        return ApproveResult::SeatTaken;
    store_.decide(device_id, sync::DeviceStatus::Approved, seat);
    refresh();
    return ApproveResult::Done;
}

void HostModel::refuse(const std::string& device_id) {
    store_.decide(device_id, sync::DeviceStatus::Refused);
    refresh();
}

void HostModel::lock(const std::string& device_id, const std::string& message) {
    store_.add_command(device_id, "lock", {{"message", message}}, clock_.wall_ms());
    refresh();
}

void HostModel::unlock(const std::string& device_id) {
    store_.add_command(device_id, "unlock", json::object(), clock_.wall_ms());
    refresh();
}

void HostModel::send_message(const std::string& device_id, const std::string& text) {
    store_.add_command(device_id, "message", {{"text", text}}, clock_.wall_ms());
    refresh();
}

void HostModel::assign(const std::vector<std::string>& device_ids, const std::vector<std::string>& courses) {
    const json payload = {{"courses", courses}};
    if (device_ids.empty()) {
        store_.add_command("", "assign", payload, clock_.wall_ms());
    } else {
        store::Transaction tx(store_.db());
        for (const std::string& id : device_ids) store_.add_command(id, "assign", payload, clock_.wall_ms());
        tx.commit();
    }
    refresh();
}

void HostModel::acknowledge_help(const std::string& device_id, std::int64_t help_seq) {
    store_.add_command(device_id, "help_ack", {{"seq", help_seq}}, clock_.wall_ms());
    refresh();
}

void HostModel::end_session(const std::string& device_id) {
    json through = json::object();
    for (const sync::Device& d : devices_)
        if (d.status == sync::DeviceStatus::Approved && (device_id.empty() || d.device_id == device_id))
            through[d.device_id] = held_seq(d.device_id);
    if (!device_id.empty() && !through.contains(device_id)) through[device_id] = held_seq(device_id);
    store_.add_command(device_id, "end", {{"through", through}}, clock_.wall_ms());
    refresh();
}

std::string HostModel::save_trainee(sync::RosterEntry entry, const std::optional<std::string>& new_pin) {
    entry.name = trim(entry.name);
    entry.service = trim(entry.service);
    entry.id_number = trim(entry.id_number);
    if (entry.name.empty()) throw std::invalid_argument("a trainee needs a name");
    if (new_pin && !new_pin->empty() && !valid_pin(*new_pin)) throw std::invalid_argument("a PIN is 4 to 8 digits");
    if (entry.id.empty()) entry.id = "t-" + base::random_hex(6);
    if (new_pin) entry.pin_hash = new_pin->empty() ? std::string() : session::hash_pin(*new_pin);
    store_.put_trainee(entry);
    refresh();
    return entry.id;
}

RosterImport HostModel::import_roster(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::vector<std::string>> rows;
    try {
        rows = report::parse_csv(text.str());
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
    if (rows.empty()) throw std::runtime_error(file.string() + " is empty");
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
        std::string name = lower(trim(rows[0][i]));
        if (name == "id") name = "id_number";  // the kiosk's roster files call it so
        column.emplace(name, i);
    }
    if (!column.count("name")) throw std::runtime_error(file.string() + " has no \"name\" column in its first line");
    const auto cell = [&](const std::vector<std::string>& row, const char* name) {
        const auto it = column.find(name);
        return it != column.end() && it->second < row.size() ? trim(row[it->second]) : std::string();
    };

    RosterImport result;
    std::vector<sync::RosterEntry> roster = store_.roster();
    for (std::size_t line = 1; line < rows.size(); ++line) {
        const auto& row = rows[line];
        const std::string name = cell(row, "name");
        const std::string pin = cell(row, "pin");
        if (name.empty() && std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim(c).empty(); }))
            continue;  // a blank line
        if (name.empty() || (!pin.empty() && !valid_pin(pin))) {
            result.skipped_lines.push_back(static_cast<int>(line + 1));
            continue;
        }
        const std::string id_number = cell(row, "id_number");
        auto match = roster.end();
        if (!id_number.empty())
            match = std::find_if(roster.begin(), roster.end(), [&](auto& r) { return r.id_number == id_number; });
        if (match == roster.end())
            match = std::find_if(roster.begin(), roster.end(), [&](auto& r) {
                return base::fold_for_comparison(r.name) == base::fold_for_comparison(name);
            });
        sync::RosterEntry entry = match != roster.end() ? *match : sync::RosterEntry{};
        entry.name = name;
        if (column.count("service")) entry.service = cell(row, "service");
        if (!id_number.empty()) entry.id_number = id_number;
        if (entry.id.empty()) entry.id = "t-" + base::random_hex(6);
        if (!pin.empty()) entry.pin_hash = session::hash_pin(pin);
        store_.put_trainee(entry);
        if (match != roster.end()) {
            *match = entry;
            ++result.updated;
        } else {
            roster.push_back(entry);
            ++result.added;
        }
    }
    refresh();
    return result;
}

void HostModel::export_roster(const fs::path& file) {
    std::string csv = report::csv_record({"name", "service", "id_number", "pin"});
    for (const sync::RosterEntry& r : store_.roster()) csv += report::csv_record({r.name, r.service, r.id_number, ""});
    const fs::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << csv;
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + file.string());
    }
    fs::rename(tmp, file);
}

report::ClassRecord HostModel::class_record() const {
    report::ClassRecord r;
    r.events = events_;
    for (const sync::RosterEntry& e : roster_) r.people[e.id] = {e.id, e.name, e.service, e.id_number};
    for (const sync::Device& d : devices_)
        if (d.seat > 0) r.seats[d.device_id] = d.seat;
    r.titles = titles_;
    return r;
}

std::vector<std::string> HostModel::course_ids() const {
    std::vector<std::string> out;
    for (const course::Course& c : courses_) out.push_back(c.id);
    std::set<std::string> seen(out.begin(), out.end());
    std::set<std::string> more;
    for (const store::Event& e : events_) {
        if (e.type != "attempt_started" || !e.payload.is_object()) continue;
        const auto it = e.payload.find("course");
        if (it != e.payload.end() && it->is_string() && !seen.count(it->get<std::string>()))
            more.insert(it->get<std::string>());
    }
    out.insert(out.end(), more.begin(), more.end());
    return out;
}

std::string HostModel::title(const std::string& course, const std::string& lesson, const std::string& lang) const {
    const std::string key = lesson.empty() ? course : course + "/" + lesson;
    const auto it = titles_.find(key);
    if (it == titles_.end()) return lesson.empty() ? course : lesson;
    std::string fallback = "en";
    for (const course::Course& c : courses_)
        if (c.id == course) fallback = c.default_language();
    const std::string t = it->second.in(lang, fallback);
    return t.empty() ? (lesson.empty() ? course : lesson) : t;
}

fs::path HostModel::exports_dir() const {
    return store_.data_dir() / "exports";
}

fs::path HostModel::write_export(const std::string& name, const std::string& content) const {
    const fs::path dir = exports_dir();
    fs::create_directories(dir);
    const fs::path file = dir / name;
    const fs::path tmp = dir / (name + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + file.string());
    }
    fs::rename(tmp, file);
    return file;
}

}  // namespace cbt::ui
