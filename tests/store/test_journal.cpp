// The event journal: keys, ordering, idempotent ingest, immutability, and durability when the
// writing process is killed mid-write.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "store/journal.hpp"
#include "test_dir.hpp"

using namespace cbt::store;

namespace {
NewEvent event(std::string type, int n) { return {std::move(type), "amina", "att-1", 1000 + n, {{"n", n}}}; }
}  // namespace

TEST_CASE("appends number events 1, 2, 3 per device and read back in order") {
    Database db = Database::open_in_memory();
    Journal journal(db, "kiosk-1");
    const Event a = journal.append(event("attempt_started", 0));
    const auto batch = journal.append_all(std::vector<NewEvent>{event("screen_shown", 1), event("response", 2)});
    CHECK(a.seq == 1);
    REQUIRE(batch.size() == 2);
    CHECK(batch[0].seq == 2);
    CHECK(batch[1].seq == 3);
    const auto all = journal.after("kiosk-1", 0, 100);
    REQUIRE(all.size() == 3);
    CHECK(all[2].payload["n"] == 2);
    CHECK(all[1] == batch[0]);
    CHECK(journal.after("kiosk-1", 2, 100).size() == 1);
    CHECK(journal.for_attempt("att-1").size() == 3);
    CHECK(journal.for_learner("amina").size() == 3);
    CHECK(journal.last_seq("kiosk-1") == 3);
    CHECK(journal.last_seq("other") == 0);
}

TEST_CASE("ingesting events twice or out of order stores each once and tracks the contiguous seq") {
    Database source_db = Database::open_in_memory();
    Journal source(source_db, "kiosk-7");
    std::vector<Event> sent;
    for (int i = 0; i < 6; ++i) sent.push_back(source.append(event("response", i)));

    Database host_db = Database::open_in_memory();
    Journal host(host_db, "host");
    CHECK(host.ingest(std::vector<Event>{sent[0], sent[1], sent[3]}) == 3);
    CHECK(host.contiguous_seq("kiosk-7") == 2);  // seq 3 missing
    CHECK(host.ingest(std::vector<Event>{sent[3], sent[1]}) == 0);
    CHECK(host.ingest(std::vector<Event>{sent[5], sent[2], sent[4]}) == 3);
    CHECK(host.contiguous_seq("kiosk-7") == 6);
    CHECK(host.count() == 6);
    CHECK(host.after("kiosk-7", 0, 100) == sent);
}

TEST_CASE("stored events can be neither changed nor deleted") {
    Database db = Database::open_in_memory();
    Journal journal(db, "kiosk-1");
    journal.append(event("response", 1));
    CHECK_THROWS_WITH_AS(db.exec("UPDATE events SET payload = '{}'"), doctest::Contains("immutable"), StoreError);
    CHECK_THROWS_WITH_AS(db.exec("DELETE FROM events"), doctest::Contains("immutable"), StoreError);
    CHECK(journal.count() == 1);
}

// A child process appends events as fast as it can and reports each committed seq through a
// pipe; the parent kills it with SIGKILL at a random moment. Every reported seq must be in the
// reopened journal, exactly once, with no gaps.
TEST_CASE("events committed before a SIGKILL survive, none doubled") {
    TestDir dir;
    const auto path = dir.path / "journal.db";
    std::mt19937 random(20261127);
    std::int64_t reported_total = 0;
    for (int round = 0; round < 12; ++round) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(fds[0]);
            try {
                Database db = Database::open(path);
                Journal journal(db, "kiosk-1");
                for (int i = 0;; ++i) {
                    const Event e = journal.append(event("response", i));
                    if (write(fds[1], &e.seq, sizeof e.seq) != sizeof e.seq) _exit(3);
                }
            } catch (...) {
                _exit(2);
            }
        }
        close(fds[1]);
        const auto wait = std::chrono::milliseconds(5 + random() % 60);
        std::this_thread::sleep_for(wait);
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
        std::set<std::int64_t> reported;
        std::int64_t seq = 0;
        while (read(fds[0], &seq, sizeof seq) == sizeof seq) reported.insert(seq);
        close(fds[0]);
        reported_total += static_cast<std::int64_t>(reported.size());

        Database db = Database::open(path);
        Journal journal(db, "kiosk-1");
        const auto stored = journal.after("kiosk-1", 0, 10'000'000);
        std::set<std::int64_t> stored_seqs;
        for (const Event& e : stored) stored_seqs.insert(e.seq);
        CHECK(stored_seqs.size() == stored.size());
        for (std::int64_t s : reported) CHECK(stored_seqs.contains(s));
        CHECK(journal.contiguous_seq("kiosk-1") == journal.last_seq("kiosk-1"));
        CHECK(journal.last_seq("kiosk-1") == static_cast<std::int64_t>(stored.size()));
    }
    CHECK(reported_total > 0);
    MESSAGE("events reported committed across rounds: " << reported_total);
}
