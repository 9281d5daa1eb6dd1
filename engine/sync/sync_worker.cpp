// The worker's loop: pair until approved, then exchange on a timer or when poked, backing off
// while the host cannot be reached.
#include "sync/sync_worker.hpp"

#include <chrono>

namespace cbt::sync {

SyncWorker::SyncWorker(WorkerOptions options, std::function<void()> wake)
    : options_(std::move(options)), wake_(std::move(wake)), thread_([this] { run(); }) {}

SyncWorker::~SyncWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SyncWorker::poke() {
    {
        std::lock_guard lock(mutex_);
        poked_ = true;
    }
    cv_.notify_all();
}

void SyncWorker::want_history(const std::string& learner) {
    {
        std::lock_guard lock(mutex_);
        history_for_ = learner;
        poked_ = true;
    }
    cv_.notify_all();
}

std::vector<SyncOutcome> SyncWorker::take() {
    std::lock_guard lock(mutex_);
    return std::exchange(outcomes_, {});
}

LinkStatus SyncWorker::status() {
    std::lock_guard lock(mutex_);
    return status_;
}

// Listens briefly for the host's beacon; the worker's loop calls it again until one comes, so a
// seat switched on before its host finds it whenever the host appears.
std::optional<std::string> SyncWorker::find_host() {
    std::optional<std::string> classroom = options_.classroom;
    if (!classroom) {
        const std::string paired_with = KioskLink(options_.kiosk_db, options_.device_id, "").classroom_id();
        if (!paired_with.empty()) classroom = paired_with;
    }
    const auto found = listen_for_host(1000, classroom, options_.beacon_port);
    if (!found) return std::nullopt;
    return found->url();
}

void SyncWorker::run() {
    std::optional<KioskLink> link;
    int wait_ms = 0;
    int unreachable = 0;   // exchanges in a row that found nobody at the host's address
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stop_ || poked_; });
            if (stop_) return;
            poked_ = false;
        }
        try {
            if (!link) {
                std::string url = options_.host_url;
                if (url.empty()) {
                    const auto found = find_host();
                    {
                        std::lock_guard lock(mutex_);
                        status_.searching = !found;
                        if (!found) status_.last_error = "no host has announced itself on the classroom network yet";
                    }
                    if (!found) {
                        wait_ms = 0;   // listening took its own time
                        continue;
                    }
                    url = *found;
                }
                link.emplace(options_.kiosk_db, options_.device_id, url);
                unreachable = 0;
            }
            if (!link->paired()) {
                const PairResult r = link->pair(options_.pairing_code, options_.device_name, options_.wanted_seat);
                std::lock_guard lock(mutex_);
                status_.paired = r.status == PairStatus::Approved;
                status_.pending_code = r.status == PairStatus::Pending ? r.short_code : "";
                status_.last_error = r.status == PairStatus::Failed ? r.message : "";
                wait_ms = status_.paired ? 0 : 3000;
                // A host found by its beacon that fails before pairing is looked for again too.
                unreachable = r.status == PairStatus::Failed ? unreachable + 1 : 0;
                if (options_.host_url.empty() && unreachable >= 2) link.reset();
                continue;
            }
            std::optional<std::string> history;
            {
                std::lock_guard lock(mutex_);
                history = std::exchange(history_for_, std::nullopt);
            }
            SyncOutcome outcome = link->sync_once(history);
            if (outcome.ok && !options_.library_dir.empty() && !outcome.courses.empty()) {
                std::vector<std::string> errors;
                outcome.installed = install_offered(*link, outcome.courses, options_.library_dir, options_.packs_dir, errors);
                if (!errors.empty()) outcome.message = errors.front();
            }
            const bool more = outcome.ok && outcome.acked_seq < outcome.last_seq;
            unreachable = outcome.http_status == 0 ? unreachable + 1 : 0;
            // A host found by its beacon that stops answering may be a replacement elsewhere.
            const bool search_again = options_.host_url.empty() && unreachable >= 2;
            {
                std::lock_guard lock(mutex_);
                if (!outcome.ok && history) history_for_ = history;   // ask again next time
                status_.paired = link->paired();
                status_.last_error = outcome.ok ? "" : outcome.message;
                status_.acked_seq = outcome.acked_seq;
                status_.last_seq = outcome.last_seq;
                const bool news = outcome.ok && (outcome.roster || !outcome.commands.empty() ||
                                                 outcome.history_added > 0 || outcome.seat > 0 ||
                                                 !outcome.installed.empty());
                outcomes_.push_back(std::move(outcome));
                if (news && wake_) wake_();
            }
            wait_ms = more ? 0 : status_.last_error.empty() ? options_.interval_ms : std::min(wait_ms * 2 + 1000, 10'000);
            if (search_again) {
                link.reset();
                wait_ms = 0;
            }
        } catch (const std::exception& e) {
            std::lock_guard lock(mutex_);
            status_.last_error = e.what();
            wait_ms = 5000;
        }
    }
}

}  // namespace cbt::sync
