// The windowed kiosk's link to the host, on a thread of its own: it pairs, then syncs every
// couple of seconds (at once when poked) and hands what came back to the window's thread,
// which applies it between frames. The trainee never waits for the network.
#pragma once
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sync/discovery.hpp"
#include "sync/kiosk_link.hpp"

namespace cbt::sync {

struct WorkerOptions {
    std::filesystem::path kiosk_db;
    std::string device_id;
    std::string host_url;         // "" (--host auto): found by the host's beacon, and again if it moves
    std::optional<std::string> classroom;   // with host_url "": only this classroom's beacon
    int beacon_port = sync::beacon_port;
    std::optional<std::string> pairing_code;
    std::string device_name;
    int wanted_seat = 0;   // the seat number this machine was set up as (0: the host chooses)
    std::filesystem::path library_dir;   // where offered courses are installed ("" = none)
    std::filesystem::path packs_dir;
    int interval_ms = 1000;   // a lock or an assignment reaches the trainee within about a second
};

// What the window shows about the link.
struct LinkStatus {
    bool paired = false;
    std::string pending_code;    // while waiting for approval: the six digits to compare
    std::string last_error;      // empty when the last exchange worked
    bool searching = false;      // listening for the host's beacon (--host auto)
    std::int64_t acked_seq = 0;
    std::int64_t last_seq = 0;
};

class SyncWorker {
public:
    // Starts the thread; `wake` is called (from the worker's thread) when there is something to take.
    SyncWorker(WorkerOptions options, std::function<void()> wake);
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    // Syncs as soon as possible (after an answer, a sign-in).
    void poke();
    // Asks the host for a trainee's events from other seats with the next exchange.
    void want_history(const std::string& learner);
    // Outcomes of the exchanges since the last call, oldest first.
    std::vector<SyncOutcome> take();
    LinkStatus status();

private:
    void run();
    std::optional<std::string> find_host();

    WorkerOptions options_;
    std::function<void()> wake_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stop_ = false;
    bool poked_ = false;
    std::optional<std::string> history_for_;
    std::vector<SyncOutcome> outcomes_;
    LinkStatus status_;
    std::thread thread_;
};

}  // namespace cbt::sync
