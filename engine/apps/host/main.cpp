// cbt-host: the instructor's host. Runs the classroom's sync server with the dashboard window
// (or alone with --headless) and the administrative commands: devices, approve, refuse, backup,
// restore. A serving host holds DATA/host.lock, so a restore cannot swap its database under it.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include <fstream>

#include "apps/common/arguments.hpp"
#include "apps/common/program.hpp"
#include "base/clock.hpp"
#include "store/backup.hpp"
#include "sync/discovery.hpp"
#include "sync/host_backup.hpp"
#include "sync/host_server.hpp"
#include "sync/host_store.hpp"
#include "ui/host_window.hpp"

namespace {
using namespace cbt;
namespace fs = std::filesystem;

constexpr const char* usage = R"(Usage: cbt-host [command] [options]

The instructor's host: the classroom's record (DATA/classroom.db) and the server the kiosks
sync with.

  cbt-host [--data DIR] [--port 8870] [--bind ADDRESS] [--pairing-code CODE] [--windowed]
           [--lang en|ru] [--courses DIR] [--assets DIR]
      serve the kiosks and open the instructor's dashboard (filling the screen; --windowed for
      a 1280x800 window) until it is closed. With a pairing code, kiosks started with the same
      --pairing-code are approved without the instructor. --port 0 picks a free port; the port
      is printed either way. --courses names the course folders the dashboard offers to assign.
  cbt-host --headless [--data DIR] [--port 8870] [--bind ADDRESS] [--pairing-code CODE]
      the same server without a window, until stopped (Ctrl+C or SIGTERM).
  Either way the host announces itself every 2 s by a UDP beacon on port 8871 (to
  --beacon-address; default 255.255.255.255, or 127.0.0.1 when bound to loopback) so kiosks
  find it without --host; --no-beacon turns that off. CBT_PAIRING_CODE in the environment
  stands in for --pairing-code (the boot session passes it so, out of sight of ps).
  cbt-host devices [--data DIR]            list the kiosks that asked to join, with their state
  cbt-host approve DEVICE [--seat N] [--data DIR]   approve a kiosk (seat: the lowest free one)
  cbt-host refuse DEVICE [--data DIR]      refuse a kiosk
  cbt-host install FILE.cbtpack [--data DIR]   add a course (or a new version) for the kiosks
  cbt-host courses [--data DIR]            the courses the kiosks are given, with versions
  cbt-host backup --to DIR [--data DIR]
      the end-of-day backup, also while serving: a new folder DIR/<host>-<YYYYMMDD-HHMMSS> (DIR:
      a USB stick, say) with classroom.db, the course packages the kiosks are given, results.csv,
      statements.json (xAPI) and manifest.json (counts, and a checksum of every file). How it
      ended, success or failure, goes to DATA/last-backup.json, which the dashboard shows.
  cbt-host backup --out FILE [--data DIR]  only a consistent copy of classroom.db, also while serving
  cbt-host restore BACKUP [--data DIR] [--force]
      put a backup (such a folder, or a classroom.db file) in DATA, on this host or a replacement,
      after checking it; then start the host. Stop the host first. Refuses a DATA whose classroom
      holds answers unless --force, which keeps that one as DATA/classroom.db.before-restore-<time>.
  cbt-host export --format csv|xapi [--out FILE] [--data DIR]
      csv: one row per finished attempt (trainee, seat, course, lesson, score, passed, times);
      xapi: xAPI 1.0.3 statements as JSON, each id derived from its event, so exporting twice
      never duplicates in a record store. Without --out, to standard output.

DATA defaults to $XDG_DATA_HOME/cbt/host. A serving host holds DATA/host.lock: a second host or a
restore on the same DATA is refused while it runs (see docs/sync-protocol.md, Backup and restore).
)";

int serve(const apps::Arguments& args, sync::HostStore& store) {
    if (auto code = apps::option_or_environment(args, "pairing-code", "CBT_PAIRING_CODE")) {
        if (code->size() < 4) throw apps::UsageError("--pairing-code needs at least 4 characters");
        store.set_pairing_code(*code);
    }
    // Signals are taken by sigwait below, not by a handler, so the server stops cleanly.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    base::SystemClock clock;
    sync::HostServer server(store, clock);
    const std::string address = args.option("bind").value_or("0.0.0.0");
    server.start(address, apps::parse_whole_number(args.option("port").value_or("8870"), "port"));
    std::cout << "cbt-host: classroom " << store.classroom_id() << " listening on " << address << ":" << server.port()
              << std::endl;
    // Kiosks started without --host find this host by its beacon.
    std::unique_ptr<sync::Beacon> beacon;
    if (!args.has("no-beacon")) {
        try {
            // A host bound to loopback is reachable only from this machine: its beacon stays there too.
            const std::string to = args.option("beacon-address")
                                       .value_or(address.rfind("127.", 0) == 0 ? "127.0.0.1" : "255.255.255.255");
            beacon = std::make_unique<sync::Beacon>(store.classroom_id(), server.port(), to);
        } catch (const std::exception& e) {
            std::cerr << "cbt-host: warning: no beacon (" << e.what() << "); give kiosks --host\n";
        }
    }
    if (!args.has("headless")) {
        // The window takes Ctrl+C and SIGTERM as a close (SDL turns them into a quit event); the
        // server's thread keeps them blocked, as it was started with them blocked.
        pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
        ui::HostWindowOptions w;
        w.maximised = !args.has("windowed");
        w.assets_dir = args.option("assets").value_or(apps::share_dir("assets", CBT_DEFAULT_ASSETS_DIR).string());
        w.course_dirs = {args.option("courses").value_or(apps::share_dir("courses", CBT_DEFAULT_COURSES_DIR).string())};
        w.bind_address = address;
        w.port = server.port();
        if (auto lang = args.option("lang")) {
            if (*lang != "en" && *lang != "ru") throw apps::UsageError("--lang takes en or ru");
            w.language = *lang;
        }
        int status = 1;
        try {
            status = ui::run_host_window(store.data_dir(), w);
        } catch (...) {
            server.stop();
            throw;
        }
        server.stop();
        std::cout << "cbt-host: stopped" << std::endl;
        return status;
    }
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
    std::cout << "cbt-host: stopped" << std::endl;
    return 0;
}

std::string machine_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "cbt-host";
    return name;
}

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string describe(const sync::ClassroomCounts& c) {
    return plural(c.devices, "device", "devices") + ", " + plural(c.events, "event", "events") + " and " +
           plural(c.finished_attempts, "finished attempt", "finished attempts");
}

std::string describe(const std::vector<course::InstalledCourse>& courses) {
    std::string out = plural(static_cast<std::int64_t>(courses.size()), "course package", "course packages");
    for (std::size_t i = 0; i < courses.size(); ++i)
        out += (i == 0 ? " (" : ", ") + courses[i].id + " " + courses[i].version + (i + 1 == courses.size() ? ")" : "");
    return out;
}

int restore(const apps::Arguments& args, const fs::path& data) {
    if (args.positional.size() != 1) throw apps::UsageError("name the backup folder (or classroom.db file) to restore");
    base::SystemClock clock;
    const sync::RestoreSummary r =
        sync::restore_backup(args.positional[0], data, {.force = args.has("force"), .clock = &clock});
    std::cout << "Restored classroom " << r.classroom_id << " into " << data.string() << ": " << describe(r.counts);
    if (r.from_folder)
        std::cout << ", with " << describe(r.courses) << ".";
    else
        std::cout << ". A classroom.db file brings no course packages: those already installed here stay, others "
                     "are added with cbt-host install.";
    if (r.kept_aside) std::cout << " The classroom.db that was there is kept as " << r.kept_aside->string() << ".";
    std::cout << "\nNext: start the host on this DATA (cbt-host --data " << data.string()
              << "); the kiosks send whatever the backup lacks at their next exchange, and a kiosk that paired "
                 "after the backup was made pairs again.\n";
    return 0;
}

// Tells the dashboard how the backup ended (DATA/last-backup.json). The backup's own outcome
// decides the exit status, so a record that cannot be written is only a warning.
void record_backup(const fs::path& data, const sync::BackupRecord& record) {
    try {
        sync::write_backup_record(data, record);
    } catch (const std::exception& e) {
        std::cerr << "cbt-host: warning: the dashboard will not show how this backup ended: " << e.what() << "\n";
    }
}

int backup(const apps::Arguments& args, const fs::path& data) {
    const auto out = args.option("out");
    const auto to = args.option("to");
    if (out.has_value() == to.has_value())
        throw apps::UsageError("backup needs --to DIR (a dated folder) or --out FILE");
    if (out) {
        sync::HostStore store(data);
        store::backup_to(store.db(), *out);
        std::cout << "backup written to " << *out << "\n";
        return 0;
    }
    // Run by itself when the classroom's USB stick is plugged in: however it ends, the dashboard
    // is told through DATA/last-backup.json.
    base::SystemClock clock;
    std::optional<sync::HostStore> store;
    try {
        store.emplace(data);
        const sync::BackupSummary b = sync::backup_to_folder(*store, *to, {CBT_VERSION, machine_name(), &clock});
        std::error_code ec;
        fs::path folder = fs::absolute(b.folder, ec);  // for a reader with another working folder
        if (ec) folder = b.folder;
        record_backup(data, {.at_ms = clock.wall_ms(), .ok = true, .folder = folder, .counts = b.counts, .error = {}});
        std::cout << "Backup written to " << b.folder.string() << ": " << describe(b.counts) << ", with "
                  << describe(b.courses) << ".\nRestore it on a replacement host with: cbt-host restore "
                  << b.folder.string() << "\n";
        return 0;
    } catch (const std::exception& e) {
        sync::ClassroomCounts counts;  // what was to be backed up, when the classroom can be read
        try {
            if (store) counts = sync::count_classroom(store->db());
        } catch (const std::exception&) {
        }
        counts.finished_attempts = 0;  // recorded for a success only
        record_backup(data, {.at_ms = clock.wall_ms(), .ok = false, .folder = {}, .counts = counts, .error = e.what()});
        throw;
    }
}

int run(std::vector<std::string> words) {
    std::string command = "serve";
    if (!words.empty() && words[0].rfind("--", 0) != 0) {
        command = words[0];
        words.erase(words.begin());
    }
    const apps::Arguments args =
        apps::parse_arguments(words,
                              {"data", "port", "bind", "pairing-code", "seat", "out", "to", "lang", "courses", "assets",
                               "format", "beacon-address"},
                              {"headless", "windowed", "help", "version", "no-beacon", "force"});
    if (args.has("help")) {
        std::cout << usage;
        return 0;
    }
    if (args.has("version")) {
        std::cout << "cbt-host " << CBT_VERSION << "\n";
        return 0;
    }
    const fs::path data = args.option("data").value_or(apps::default_data_dir("host").string());
    // A restore works on a DATA without a classroom (a replacement host) and takes the lock itself.
    if (command == "restore") return restore(args, data);
    std::optional<sync::HostLock> serving;
    if (command == "serve") {
        serving = sync::HostLock::try_take(data);
        if (!serving)
            throw std::runtime_error("another cbt-host is already serving " + data.string() +
                                     " (or a restore into it is running); stop it first, or choose another folder "
                                     "with --data");
    }
    // Only serving makes a classroom; the other commands work on one that exists, so a mistyped
    // --data does not leave an empty classroom behind.
    if (command != "serve" && !fs::exists(data / "classroom.db"))
        throw std::runtime_error("there is no classroom in " + data.string() + " (no classroom.db); check --data");
    if (command == "backup") return backup(args, data);
    sync::HostStore store(data);
    if (command == "serve") return serve(args, store);
    if (command == "devices") {
        for (const auto& d : store.devices())
            std::cout << d.device_id << "  " << sync::status_name(d.status) << "  seat " << d.seat << "  "
                      << (d.name.empty() ? "-" : d.name) << "  code "
                      << sync::short_code(store.keys().public_hex, d.public_key) << "\n";
        return 0;
    }
    if (command == "approve" || command == "refuse") {
        if (args.positional.size() != 1) throw apps::UsageError("name the device id (see cbt-host devices)");
        if (!store.device(args.positional[0])) throw std::runtime_error("no device " + args.positional[0] + " has asked to join");
        store.decide(args.positional[0], command == "approve" ? sync::DeviceStatus::Approved : sync::DeviceStatus::Refused,
                     args.option("seat") ? apps::parse_whole_number(*args.option("seat"), "seat") : 0);
        std::cout << args.positional[0] << ": " << command << "d\n";
        return 0;
    }
    if (command == "install") {
        if (args.positional.size() != 1) throw apps::UsageError("name the .cbtpack file to install");
        const course::InstalledCourse c = store.install_package(args.positional[0]);
        std::cout << c.id << " " << c.version << (c.changed ? " installed" : " was already installed")
                  << "; kiosks fetch it with their next exchange\n";
        return 0;
    }
    if (command == "courses") {
        for (const auto& c : store.offered_courses())
            std::cout << c.id << "  " << c.version << "  " << c.pack_sha256.substr(0, 12) << "\n";
        return 0;
    }
    if (command == "export") {
        const std::string format = args.option("format").value_or("");
        if (format != "csv" && format != "xapi") throw apps::UsageError("export needs --format csv or --format xapi");
        const std::string text =
            sync::export_classroom(store, format == "csv" ? sync::ExportFormat::Csv : sync::ExportFormat::Xapi);
        if (const auto out = args.option("out")) {
            const std::string partial = *out + ".partial";
            {
                std::ofstream file(partial, std::ios::binary);
                file << text;
                if (!file.flush()) throw std::runtime_error("cannot write " + partial + " (is the disk full?)");
            }
            std::filesystem::rename(partial, *out);
            std::cerr << "cbt-host: exported to " << *out << "\n";
        } else {
            std::cout << text;
        }
        return 0;
    }
    throw apps::UsageError("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) { return cbt::apps::run_program("cbt-host", argc, argv, run); }
