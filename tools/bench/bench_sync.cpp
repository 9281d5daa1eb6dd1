// Sync benchmark: a host server and kiosk links on loopback, as in a classroom. Prints upload
// throughput of a backlog (one kiosk, then ten at once) and the time of one small exchange.
// It asserts nothing. Usage: bench_sync [WORK_DIR]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "base/clock.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "sync/host_server.hpp"
#include "sync/kiosk_link.hpp"

using namespace cbt;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A kiosk database holding `count` response-sized events, paired with the host.
void make_kiosk(const std::filesystem::path& db_path, const std::string& id, int count, const std::string& url) {
    store::Database db = store::Database::open(db_path);
    store::Journal journal(db, id);
    std::vector<store::NewEvent> batch;
    for (int i = 0; i < count; ++i)
        batch.push_back({"response", "t-" + id, "attempt-" + id, 1'700'000'000'000 + i,
                         {{"screen", "screen_" + std::to_string(i % 40)}, {"kind", "single"}, {"answer", "choice_b"},
                          {"score", 1.0}, {"correct", true}, {"settled", true}, {"try", 1}, {"weight", 1}, {"time_ms", 5400}}});
    journal.append_all(batch);
    sync::KioskLink(db_path, id, url).pair(std::string("bench"), "bench");
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path work = argc > 1 ? argv[1] : std::filesystem::temp_directory_path() / "cbt-bench-sync";
    std::filesystem::remove_all(work);
    base::SystemClock clock;
    sync::HostStore host(work / "host");
    host.set_pairing_code("bench");
    sync::HostServer server(host, clock);
    server.start("127.0.0.1", 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port());
    std::printf("Suitcase CBT sync benchmark (loopback, synchronous=FULL on both sides)\n\n");

    const int backlog = 20'000;
    make_kiosk(work / "solo" / "kiosk.db", "solo", backlog, url);
    {
        sync::KioskLink link(work / "solo" / "kiosk.db", "solo", url);
        const auto t = Clock::now();
        const auto out = link.sync_all(600'000);
        const double s = seconds_since(t);
        std::printf("one kiosk, backlog of %d events:    %6.2f s = %7.0f events/s (acked %lld)\n", backlog, s,
                    backlog / s, static_cast<long long>(out.acked_seq));
        const auto t2 = Clock::now();
        const int rounds = 50;
        for (int i = 0; i < rounds; ++i) link.sync_once();
        std::printf("an exchange with nothing to send:   %6.2f ms (mean of %d)\n",
                    seconds_since(t2) * 1000 / rounds, rounds);
    }

    const int kiosks = 10, each = 2'000;
    for (int k = 0; k < kiosks; ++k)
        make_kiosk(work / ("k" + std::to_string(k)) / "kiosk.db", "k" + std::to_string(k), each, url);
    const auto t = Clock::now();
    std::vector<std::thread> threads;
    for (int k = 0; k < kiosks; ++k)
        threads.emplace_back([&, k] {
            sync::KioskLink link(work / ("k" + std::to_string(k)) / "kiosk.db", "k" + std::to_string(k), url);
            link.sync_all(600'000);
        });
    for (auto& th : threads) th.join();
    const double s = seconds_since(t);
    std::printf("ten kiosks at once, %d events each: %6.2f s = %7.0f events/s; host holds %lld events\n", each, s,
                kiosks * each / s, static_cast<long long>(host.journal().count()));
    server.stop();
    std::filesystem::remove_all(work);
    return 0;
}
