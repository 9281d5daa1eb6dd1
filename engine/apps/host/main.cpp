// cbt-host: the instructor's host. Runs the classroom's sync server with the dashboard window
// (or alone with --headless) and the administrative commands: devices, approve, refuse, backup.
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <fstream>

#include "apps/common/arguments.hpp"
#include "apps/common/program.hpp"
#include "report/export.hpp"
#include "base/clock.hpp"
#include "store/backup.hpp"
#include "sync/discovery.hpp"
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
  find it without --host; --no-beacon turns that off.
  cbt-host devices [--data DIR]            list the kiosks that asked to join, with their state
  cbt-host approve DEVICE [--seat N] [--data DIR]   approve a kiosk (seat: the lowest free one)
  cbt-host refuse DEVICE [--data DIR]      refuse a kiosk
  cbt-host install FILE.cbtpack [--data DIR]   add a course (or a new version) for the kiosks
  cbt-host courses [--data DIR]            the courses the kiosks are given, with versions
  cbt-host backup --out FILE [--data DIR]  a consistent copy of classroom.db, also while serving
  cbt-host export --format csv|xapi [--out FILE] [--data DIR]
      csv: one row per finished attempt (trainee, seat, course, lesson, score, passed, times);
      xapi: xAPI 1.0.3 statements as JSON, each id derived from its event, so exporting twice
      never duplicates in a record store. Without --out, to standard output.

DATA defaults to $XDG_DATA_HOME/cbt/host. Restore a backup by stopping the host and copying the
file to DATA/classroom.db (see docs/sync-protocol.md).
)";

int serve(const apps::Arguments& args, sync::HostStore& store) {
    if (auto code = args.option("pairing-code")) {
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

int run(std::vector<std::string> words) {
    std::string command = "serve";
    if (!words.empty() && words[0].rfind("--", 0) != 0) {
        command = words[0];
        words.erase(words.begin());
    }
    const apps::Arguments args =
        apps::parse_arguments(words, {"data", "port", "bind", "pairing-code", "seat", "out", "lang", "courses", "assets", "format", "beacon-address"},
                              {"headless", "windowed", "help", "version", "no-beacon"});
    if (args.has("help")) {
        std::cout << usage;
        return 0;
    }
    if (args.has("version")) {
        std::cout << "cbt-host " << CBT_VERSION << "\n";
        return 0;
    }
    const fs::path data = args.option("data").value_or(apps::default_data_dir("host").string());
    // Only serving makes a classroom; the other commands work on one that exists, so a mistyped
    // --data does not leave an empty classroom behind.
    if (command != "serve" && !fs::exists(data / "classroom.db"))
        throw std::runtime_error("there is no classroom in " + data.string() + " (no classroom.db); check --data");
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
    if (command == "backup") {
        const auto out = args.option("out");
        if (!out) throw apps::UsageError("backup needs --out FILE");
        store::backup_to(store.db(), *out);
        std::cout << "backup written to " << *out << "\n";
        return 0;
    }
    if (command == "export") {
        const std::string format = args.option("format").value_or("");
        if (format != "csv" && format != "xapi") throw apps::UsageError("export needs --format csv or --format xapi");
        report::ClassRecord record;
        record.events = store.journal().all();
        for (const auto& r : store.roster()) record.people[r.id] = {r.id, r.name, r.service, r.id_number};
        for (const auto& d : store.devices())
            if (d.seat > 0) record.seats[d.device_id] = d.seat;
        const std::string text =
            format == "csv" ? report::attempts_csv(record)
                            : report::xapi_statements(record, "http://suitcase-cbt.local/classrooms/" + store.classroom_id())
                                      .dump(2) + "\n";
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
