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

void SyncWorker::run() {
    std::optional<KioskLink> link;
    int wait_ms = 0;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stop_ || poked_; });
            if (stop_) return;
            poked_ = false;
        }
        try {
            if (!link) link.emplace(options_.kiosk_db, options_.device_id, options_.host_url);
            if (!link->paired()) {
                const PairResult r = link->pair(options_.pairing_code, options_.device_name, options_.wanted_seat);
                std::lock_guard lock(mutex_);
                status_.paired = r.status == PairStatus::Approved;
                status_.pending_code = r.status == PairStatus::Pending ? r.short_code : "";
                status_.last_error = r.status == PairStatus::Failed ? r.message : "";
                wait_ms = status_.paired ? 0 : 3000;
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
        } catch (const std::exception& e) {
            std::lock_guard lock(mutex_);
            status_.last_error = e.what();
            wait_ms = 5000;
        }
    }
}

}  // namespace cbt::sync
