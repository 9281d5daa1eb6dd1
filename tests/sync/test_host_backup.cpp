// The host's backup folders and restores: what a folder holds, and the refusals of a restore —
// a file that does not match the manifest, a damaged or foreign database, a classroom with answers
// in DATA (kept aside with --force), and a host serving DATA; and DATA/last-backup.json, the record
// of how the last backup ended that the dashboard shows.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "../course/sample_course.hpp"
#include "base/clock.hpp"
#include "base/sha256.hpp"
#include "course/attempt.hpp"
#include "course/package.hpp"
#include "store/settings.hpp"
#include "sync/host_backup.hpp"
#include "test_dir.hpp"

using namespace cbt;
using namespace cbt::sync;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Flips one byte of a file in place (write_file comes from sample_course.hpp).
void flip_byte(const fs::path& path, std::size_t at) {
    std::string bytes = read_file(path);
    REQUIRE(at < bytes.size());
    bytes[at] = static_cast<char>(bytes[at] ^ 0x5A);
    write_file(path, bytes);
}

// A host with one approved kiosk that played the tour twice, and the first course installed.
struct Host {
    TestDir dir;
    base::ManualClock clock{1'790'000'000'000};
    fs::path data = dir.path / "host";
    fs::path stick = dir.path / "stick";

    Host() {
        fs::create_directories(stick);
        HostStore store(data);
        store.request_join("kiosk-a", std::string(64, 'a'), "seat-pc-1", clock.wall_ms());
        store.decide("kiosk-a", DeviceStatus::Approved);
        store.put_trainee({"t-1", "Trainee One", "customs", "", ""});
        store.add_command("", "message", {{"text", "hello"}}, clock.wall_ms());
        play(store, 2);
        const fs::path pack = dir.path / "first-course.cbtpack";
        course::pack_course(fs::path(CBT_SOURCE_DIR) / "docs/examples/first-course", pack);
        store.install_package(pack);
    }

    // Plays `times` tours at kiosk-a and hands its events to the host, as a sync would.
    void play(HostStore& store, int times) {
        store::Database kiosk_db = store::Database::open(dir.path / "kiosk-a.db");
        store::Journal kiosk(kiosk_db, "kiosk-a");
        for (int i = 0; i < times; ++i) {
            auto a = course::Attempt::start(sample_course(), {"tour", "t-1", "en", 7}, kiosk, clock);
            while (!a->finished()) {
                clock.advance_ms(1000);
                auto& rt = a->runtime();
                if (course::is_question(rt.current().kind))
                    while (!rt.settled()) a->answer(rt.auto_response(true));
                a->advance();
            }
        }
        store.journal().ingest(kiosk.after("kiosk-a", 0, 100'000));
    }

    BackupSummary backup() {
        HostStore store(data);
        return backup_to_folder(store, stick, {"9.9.9", "instructor pc/1", &clock});
    }

    std::int64_t events_in(const fs::path& data_dir) {
        HostStore store(data_dir);
        return store.journal().count();
    }
};

}  // namespace

TEST_CASE("a backup folder holds the classroom, its course packages, the exports and a manifest of checksums") {
    Host h;
    const BackupSummary b = h.backup();
    CHECK(b.folder.parent_path() == h.stick);
    CHECK(b.folder.filename().string().starts_with("instructor-pc-1-"));  // the host name made safe
    CHECK(b.counts.devices == 1);
    CHECK(b.counts.finished_attempts == 2);
    CHECK(b.counts.events == h.events_in(h.data));
    REQUIRE(b.courses.size() == 1);
    CHECK(b.courses[0].id == "first-course");

    const json m = json::parse(read_file(b.folder / "manifest.json"));
    CHECK(m["kind"] == "cbt-host-backup");
    CHECK(m["program"] == "cbt-host 9.9.9");
    CHECK(m["counts"]["events"] == b.counts.events);
    CHECK(m["files"].size() == 4);  // classroom.db, results.csv, statements.json, one pack
    for (const json& f : m["files"])
        CHECK(base::sha256_hex(read_file(b.folder / f["path"].get<std::string>())) == f["sha256"]);
    CHECK(fs::exists(b.folder / "packs" / (b.courses[0].pack_sha256 + ".cbtpack")));
    {
        HostStore store(h.data);
        CHECK(read_file(b.folder / "results.csv") == export_classroom(store, ExportFormat::Csv));
    }

    // A second backup in the same second gets a name of its own; nothing is overwritten.
    const BackupSummary again = h.backup();
    CHECK(again.folder != b.folder);
    CHECK(again.folder.filename().string() == b.folder.filename().string() + "-2");
    CHECK(fs::exists(b.folder / "manifest.json"));
    for (const auto& entry : fs::directory_iterator(h.stick)) CHECK_FALSE(entry.path().string().ends_with(".partial"));
}

TEST_CASE("a missing backup destination is refused rather than created") {
    Host h;
    HostStore store(h.data);
    CHECK_THROWS_WITH_AS(backup_to_folder(store, h.dir.path / "no-stick", {"1", "pc", &h.clock}),
                         doctest::Contains("plug in the USB stick"), BackupError);
    CHECK_FALSE(fs::exists(h.dir.path / "no-stick"));
}

TEST_CASE("a restore refuses a backup whose files do not match its manifest, and changes nothing") {
    Host h;
    const BackupSummary b = h.backup();
    const fs::path target = h.dir.path / "replacement";
    flip_byte(b.folder / "classroom.db", 5000);
    CHECK_THROWS_WITH_AS(restore_backup(b.folder, target, {false, &h.clock}),
                         doctest::Contains("classroom.db does not match the checksum"), BackupError);
    CHECK_FALSE(fs::exists(target / "classroom.db"));
    CHECK_FALSE(fs::exists(target / "courses"));

    // A folder without its manifest (an interrupted backup) is not taken either.
    const BackupSummary other = h.backup();
    fs::remove(other.folder / "manifest.json");
    CHECK_THROWS_WITH_AS(restore_backup(other.folder, target, {false, &h.clock}), doctest::Contains("no manifest.json"),
                         BackupError);
    CHECK_FALSE(fs::exists(target / "classroom.db"));
}

TEST_CASE("a restore refuses a damaged database and one that is not a host's classroom") {
    Host h;
    const BackupSummary b = h.backup();
    const fs::path target = h.dir.path / "replacement";

    // A bare .db file has no manifest: SQLite's own checks must find the damage. Page 2 onwards
    // holds the tables' b-trees; zeroing one breaks it.
    const fs::path damaged = h.dir.path / "damaged.db";
    fs::copy_file(b.folder / "classroom.db", damaged);
    {
        std::string bytes = read_file(damaged);
        REQUIRE(bytes.size() >= 3 * 4096);
        std::fill(bytes.begin() + 4096, bytes.begin() + 3 * 4096, '\x7f');
        write_file(damaged, bytes);
    }
    CHECK_THROWS_WITH_AS(restore_backup(damaged, target, {false, &h.clock}), doctest::Contains("Nothing was changed"),
                         BackupError);
    CHECK_FALSE(fs::exists(target / "classroom.db"));

    write_file(h.dir.path / "notes.db", "these are not the droids");
    CHECK_THROWS_AS(restore_backup(h.dir.path / "notes.db", target, {false, &h.clock}), BackupError);

    // A kiosk's journal is a sound database, but not a classroom.
    CHECK_THROWS_WITH_AS(restore_backup(h.dir.path / "kiosk-a.db", target, {false, &h.clock}),
                         doctest::Contains("not a classroom database"), BackupError);
    CHECK_FALSE(fs::exists(target / "classroom.db"));
    // The refused restores leave no working files behind.
    for (const auto& entry : fs::directory_iterator(target)) CHECK(entry.path().filename() == "host.lock");
}

TEST_CASE("a restore over a classroom with answers needs --force, which keeps the old classroom aside") {
    Host h;
    const BackupSummary b = h.backup();
    {
        HostStore store(h.data);
        h.play(store, 1);  // answers given after the backup
    }
    const std::int64_t before = h.events_in(h.data);
    REQUIRE(before > b.counts.events);
    const std::string old_bytes = read_file(h.data / "classroom.db");

    CHECK_THROWS_WITH_AS(restore_backup(b.folder, h.data, {false, &h.clock}), doctest::Contains("--force"),
                         BackupError);
    CHECK(read_file(h.data / "classroom.db") == old_bytes);

    const RestoreSummary r = restore_backup(b.folder, h.data, {true, &h.clock});
    CHECK(r.from_folder);
    CHECK(r.counts.events == b.counts.events);
    REQUIRE(r.kept_aside);
    CHECK(r.kept_aside->filename().string().starts_with("classroom.db.before-restore-"));
    CHECK(h.events_in(h.data) == b.counts.events);
    CHECK_FALSE(fs::exists(h.data / "classroom.db-wal"));
    {
        // The old classroom, whole, under its new name.
        store::Database old = store::Database::open(*r.kept_aside);
        store::Journal journal(old, "host");
        CHECK(journal.count() == before);
    }
    HostStore restored(h.data);
    CHECK(restored.offered_courses().size() == 1);
    // Commands and the roster continue past anything the failed host may have given the kiosks.
    CHECK(restored.add_command("", "unlock", json::object(), h.clock.wall_ms()) > restore_counter_margin);
    CHECK(restored.roster_version() > restore_counter_margin);
}

TEST_CASE("a restore into an empty folder installs the courses, and is refused while a host serves the folder") {
    Host h;
    const BackupSummary b = h.backup();
    const fs::path target = h.dir.path / "replacement";
    {
        auto serving = HostLock::try_take(target);
        REQUIRE(serving);
        CHECK_FALSE(HostLock::try_take(target));
        CHECK_THROWS_WITH_AS(restore_backup(b.folder, target, {false, &h.clock}),
                             doctest::Contains("stop the host first"), BackupError);
        CHECK_FALSE(fs::exists(target / "classroom.db"));
    }
    const RestoreSummary r = restore_backup(b.folder, target, {false, &h.clock});
    CHECK_FALSE(r.kept_aside);
    REQUIRE(r.courses.size() == 1);
    CHECK(fs::exists(target / "courses" / "first-course" / "course.lua"));
    CHECK(fs::exists(target / "packs" / (r.courses[0].pack_sha256 + ".cbtpack")));
    HostStore restored(target);
    CHECK(restored.classroom_id() == b.classroom_id);
    CHECK(restored.journal().count() == b.counts.events);
    CHECK(restored.device("kiosk-a")->status == DeviceStatus::Approved);
}

TEST_CASE("the last backup's record: a success with the backup's folder and counts, readable by every user") {
    Host h;
    const BackupSummary b = h.backup();
    // As root under a strict umask, as the service the USB stick starts may run.
    const mode_t old_umask = ::umask(077);
    write_backup_record(h.data,
                        {.at_ms = 1'790'000'123'456, .ok = true, .folder = b.folder, .counts = b.counts, .error = {}});
    ::umask(old_umask);

    const fs::path file = h.data / backup_record_name;
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0644);
    const json j = json::parse(read_file(file));
    CHECK(j["format"] == 1);
    CHECK(j["at_ms"] == 1'790'000'123'456);
    CHECK(j["ok"] == true);
    CHECK(j["folder"] == b.folder.string());
    CHECK(j["devices"] == 1);
    CHECK(j["events"] == b.counts.events);
    CHECK(j["finished_attempts"] == 2);
    CHECK_FALSE(j.contains("error"));

    const auto r = read_backup_record(h.data);
    REQUIRE(r);
    CHECK(r->ok);
    CHECK(r->at_ms == 1'790'000'123'456);
    CHECK(r->folder == b.folder);
    CHECK(r->counts.devices == 1);
    CHECK(r->counts.events == b.counts.events);
    CHECK(r->counts.finished_attempts == 2);
    CHECK(r->error.empty());
    // Nothing but the record itself is left in DATA (the temporary file was renamed).
    for (const auto& entry : fs::directory_iterator(h.data))
        CHECK_FALSE(entry.path().filename().string().starts_with(".last-backup"));
}

TEST_CASE("the last backup's record: a failure with its message replaces a success") {
    Host h;
    const BackupSummary b = h.backup();
    write_backup_record(h.data, {.at_ms = 1000, .ok = true, .folder = b.folder, .counts = b.counts, .error = {}});
    std::string message;
    {
        HostStore store(h.data);
        try {
            backup_to_folder(store, h.dir.path / "no-stick", {"1", "pc", &h.clock});
        } catch (const BackupError& e) {
            message = e.what();
        }
    }
    REQUIRE_FALSE(message.empty());
    write_backup_record(h.data, {.at_ms = 2000, .ok = false, .folder = {}, .counts = {1, 40, 0}, .error = message});

    const json j = json::parse(read_file(h.data / backup_record_name));
    CHECK(j["ok"] == false);
    CHECK(j["error"] == message);
    CHECK(j["devices"] == 1);
    CHECK(j["events"] == 40);
    CHECK_FALSE(j.contains("folder"));
    CHECK_FALSE(j.contains("finished_attempts"));
    const auto r = read_backup_record(h.data);
    REQUIRE(r);
    CHECK_FALSE(r->ok);
    CHECK(r->at_ms == 2000);
    CHECK(r->error == message);
    CHECK(r->folder.empty());
    CHECK(r->counts.events == 40);

    // DATA must exist: the record never makes a folder of its own.
    CHECK_THROWS_AS(write_backup_record(h.dir.path / "no-data",
                                        {.at_ms = 1, .ok = false, .folder = {}, .counts = {}, .error = "x"}),
                    BackupError);
    CHECK_FALSE(fs::exists(h.dir.path / "no-data"));
}

TEST_CASE("a missing or malformed last backup record reads as none") {
    TestDir dir;
    CHECK_FALSE(read_backup_record(dir.path));
    CHECK_FALSE(read_backup_record(dir.path / "no-such-folder"));
    for (const std::string text :
         {"", "{", "not json", "[]", "{\"format\": 1}", "{\"format\": 2, \"at_ms\": 5, \"ok\": true}",
          "{\"format\": 1, \"at_ms\": \"5\", \"ok\": true}", "{\"format\": 1, \"at_ms\": 5, \"ok\": \"yes\"}",
          "{\"format\": 1, \"ok\": true}"}) {
        CAPTURE(text);
        write_file(dir.path / backup_record_name, text);
        CHECK_FALSE(read_backup_record(dir.path));
    }
    // Fields of the wrong type are left out rather than refused.
    write_file(dir.path / backup_record_name,
               "{\"format\": 1, \"at_ms\": 5, \"ok\": false, \"error\": 3, \"events\": \"x\"}");
    const auto r = read_backup_record(dir.path);
    REQUIRE(r);
    CHECK(r->at_ms == 5);
    CHECK(r->error.empty());
    CHECK(r->counts.events == 0);
}
