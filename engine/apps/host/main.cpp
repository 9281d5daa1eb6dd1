// cbt-host: the instructor's host. Runs the classroom's sync server (--headless) and the
// administrative commands: devices, approve, refuse, backup.
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "apps/common/arguments.hpp"
#include "base/clock.hpp"
#include "store/backup.hpp"
#include "sync/host_server.hpp"
#include "sync/host_store.hpp"

namespace {
using namespace cbt;
namespace fs = std::filesystem;

constexpr const char* usage = R"(Usage: cbt-host [command] [options]

The instructor's host: the classroom's record (DATA/classroom.db) and the server the kiosks
sync with.

  cbt-host --headless [--data DIR] [--port 8870] [--bind ADDRESS] [--pairing-code CODE]
      serve the kiosks without a window until stopped (Ctrl+C or SIGTERM). With a pairing
      code, kiosks started with the same --pairing-code are approved without the instructor.
      --port 0 picks a free port; the port is printed either way.
  cbt-host devices [--data DIR]            list the kiosks that asked to join, with their state
  cbt-host approve DEVICE [--seat N] [--data DIR]   approve a kiosk (seat: the lowest free one)
  cbt-host refuse DEVICE [--data DIR]      refuse a kiosk
  cbt-host backup --out FILE [--data DIR]  a consistent copy of classroom.db, also while serving

DATA defaults to $XDG_DATA_HOME/cbt/host. Restore a backup by stopping the host and copying the
file to DATA/classroom.db (see docs/sync-protocol.md).
)";

fs::path default_data_dir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "cbt" / "host";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/cbt/host";
    return fs::path("cbt-host-data");
}

int parse_int(const std::string& text, const char* option) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(text, &used);
        if (used == text.size() && v >= 0) return v;
    } catch (const std::exception&) {
    }
    throw apps::UsageError(std::string("--") + option + " takes a whole number");
}

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
    server.start(address, parse_int(args.option("port").value_or("8870"), "port"));
    std::cout << "cbt-host: classroom " << store.classroom_id() << " listening on " << address << ":" << server.port()
              << std::endl;
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
        apps::parse_arguments(words, {"data", "port", "bind", "pairing-code", "seat", "out"}, {"headless", "help", "version"});
    if (args.has("help")) {
        std::cout << usage;
        return 0;
    }
    if (args.has("version")) {
        std::cout << "cbt-host " << CBT_VERSION << "\n";
        return 0;
    }
    sync::HostStore store(args.option("data").value_or(default_data_dir().string()));
    if (command == "serve") {
        if (!args.has("headless"))
            throw apps::UsageError("the dashboard window is not part of this build yet; run with --headless");
        return serve(args, store);
    }
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
                     args.option("seat") ? parse_int(*args.option("seat"), "seat") : 0);
        std::cout << args.positional[0] << ": " << command << "d\n";
        return 0;
    }
    if (command == "backup") {
        const auto out = args.option("out");
        if (!out) throw apps::UsageError("backup needs --out FILE");
        store::backup_to(store.db(), *out);
        std::cout << "backup written to " << *out << "\n";
        return 0;
    }
    throw apps::UsageError("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const cbt::apps::UsageError& e) {
        std::cerr << "cbt-host: " << e.what() << "\n(see cbt-host --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "cbt-host: error: " << e.what() << "\n";
        return 1;
    }
}
