// The host's sync server on loopback with real HTTP: pairing, exactly-once upload, what comes
// back down, and the refusals — unpaired, tampered, replayed, malformed, oversized, wrong version.
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "base/clock.hpp"
#include "base/sha256.hpp"
#include "course/course.hpp"
#include "course/package.hpp"
#include "store/settings.hpp"
#include "sync/discovery.hpp"
#include "sync/host_server.hpp"
#include "sync/kiosk_link.hpp"
#include "sync/protocol.hpp"
#include "sync/sync_worker.hpp"
#include "test_dir.hpp"

using namespace cbt;
using namespace cbt::sync;
using nlohmann::json;

namespace {

struct Classroom {
    TestDir dir;
    base::SystemClock clock;
    HostStore host{dir.path / "host"};
    HostServer server{host, clock};
    std::string url;

    Classroom() {
        server.start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + std::to_string(server.port());
        host.set_pairing_code("4711");
    }
};

// A kiosk's journal and its link to the host.
struct Kiosk {
    std::filesystem::path db_path;
    std::string device_id;
    store::Database db;
    store::Journal journal;
    KioskLink link;

    Kiosk(Classroom& c, const std::string& id)
        : db_path(c.dir.path / id / "kiosk.db"), device_id(id), db(store::Database::open(db_path)),
          journal(db, id), link(db_path, id, c.url) {}

    void record(int count, const std::string& learner = "t-1") {
        for (int i = 0; i < count; ++i)
            journal.append({"response", learner, "a-" + device_id, 1'700'000'000'000 + i, {{"n", i}}});
    }

    // A request sealed as this kiosk would seal it, for tests that bend the rules.
    std::string sealed(const json& msg) {
        const KeyPair mine{*store::read_setting(db, "sync.public"), *store::read_setting(db, "sync.secret")};
        const auto keys = kiosk_session_keys(mine, *store::read_setting(db, "sync.host_key"));
        return seal(keys->send, msg.dump());
    }
};

httplib::Result post_sync(const Classroom& c, const std::string& device, const std::string& body,
                          const std::string& version = "1") {
    httplib::Client client(c.url);
    return client.Post("/v1/sync", {{header_protocol, version}, {header_device, device}}, body, "application/octet-stream");
}

std::int64_t held(Classroom& c, const std::string& device) { return c.host.journal().last_seq(device); }

json events_json(const Kiosk& k, std::int64_t after, std::size_t limit) {
    json out = json::array();
    for (const auto& e : k.journal.after(k.device_id, after, limit)) out.push_back(event_to_json(e));
    return out;
}

}  // namespace

TEST_CASE("a kiosk with the classroom's code is approved at once and gets the next free seat") {
    Classroom c;
    Kiosk a(c, "kiosk-a"), b(c, "kiosk-b");
    const PairResult ra = a.link.pair(std::string("4711"), "seat-pc-1");
    CHECK(ra.status == PairStatus::Approved);
    CHECK(ra.seat == 1);
    CHECK(ra.short_code.size() == 6);
    CHECK(ra.short_code == short_code(c.host.keys().public_hex, c.host.device("kiosk-a")->public_key));
    CHECK(b.link.pair(std::string("4711"), "seat-pc-2").seat == 2);
    CHECK(a.link.paired());
}

TEST_CASE("a kiosk set up as seat N gets seat N with the code, unless another kiosk has it") {
    Classroom c;
    Kiosk a(c, "kiosk-a"), b(c, "kiosk-b"), d(c, "kiosk-d");
    CHECK(a.link.pair(std::string("4711"), "cbt-seat-07", 7).seat == 7);
    // Asking again (a restart) keeps the seat.
    CHECK(a.link.pair(std::string("4711"), "cbt-seat-07", 7).seat == 7);
    // A second machine set up with the same number gets the lowest free one instead.
    CHECK(b.link.pair(std::string("4711"), "cbt-seat-07", 7).seat == 1);
    CHECK(d.link.pair(std::string("4711"), "cbt-seat-03", 3).seat == 3);
    CHECK(c.host.device("kiosk-a")->seat == 7);
    CHECK(c.host.device("kiosk-d")->seat == 3);
}

TEST_CASE("without the code a kiosk waits for the instructor, and an unpaired one is refused and stores nothing") {
    Classroom c;
    Kiosk k(c, "kiosk-a");
    k.record(3);
    CHECK(k.link.pair(std::string("wrong"), "pc").status == PairStatus::Pending);
    CHECK(k.link.pair(std::nullopt, "pc").status == PairStatus::Pending);
    SyncOutcome early = k.link.sync_once();
    CHECK_FALSE(early.ok);
    CHECK(held(c, "kiosk-a") == 0);

    auto res = post_sync(c, "stranger", "whatever");
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(json::parse(res->body)["error"] == "unpaired");

    c.host.decide("kiosk-a", DeviceStatus::Approved, 7);
    const PairResult r = k.link.pair(std::nullopt, "pc");
    CHECK(r.status == PairStatus::Approved);
    CHECK(r.seat == 7);
    const SyncOutcome s = k.link.sync_all(5000);
    CHECK(s.ok);
    CHECK(s.acked_seq == 3);
    CHECK(s.seat == 7);
    CHECK(held(c, "kiosk-a") == 3);

    c.host.decide("kiosk-a", DeviceStatus::Refused);
    k.record(1);
    const SyncOutcome refused = k.link.sync_once();
    CHECK_FALSE(refused.ok);
    CHECK(refused.http_status == 403);
    CHECK(held(c, "kiosk-a") == 3);
}

TEST_CASE("events go up in batches and each is stored once, whatever is sent twice or out of order") {
    Classroom c;
    Kiosk k(c, "kiosk-a");
    REQUIRE(k.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    k.record(1234);
    const SyncOutcome s = k.link.sync_all(10'000);
    CHECK(s.ok);
    CHECK(s.acked_seq == 1234);
    CHECK(held(c, "kiosk-a") == 1234);
    CHECK(c.host.journal().contiguous_seq("kiosk-a") == 1234);
    CHECK(*store::read_setting(k.db, "sync.acked_seq") == "1234");

    // The same events again, then a later batch before an earlier one.
    k.record(20);
    int counter = 100;
    auto send = [&](std::int64_t after, std::size_t count) {
        json msg = {{"device", "kiosk-a"}, {"counter", ++counter}, {"events", events_json(k, after, count)}};
        auto res = post_sync(c, "kiosk-a", k.sealed(msg));
        REQUIRE(res);
        REQUIRE(res->status == 200);
    };
    send(1000, 10);
    CHECK(held(c, "kiosk-a") == 1234);
    send(1244, 10);   // 1245..1254 before 1235..1244
    CHECK(c.host.journal().count() == 1244);
    CHECK(c.host.journal().contiguous_seq("kiosk-a") == 1234);
    send(1234, 10);
    send(1234, 10);
    CHECK(c.host.journal().count() == 1254);
    CHECK(c.host.journal().contiguous_seq("kiosk-a") == 1254);
    // Stored exactly as recorded.
    CHECK(c.host.journal().after("kiosk-a", 0, 2000) == k.journal.after("kiosk-a", 0, 2000));
}

TEST_CASE("a replayed or tampered request is refused and changes nothing") {
    Classroom c;
    Kiosk k(c, "kiosk-a");
    REQUIRE(k.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    k.record(5);
    const std::string request = k.sealed({{"device", "kiosk-a"}, {"counter", 50}, {"events", events_json(k, 0, 2)}});
    auto first = post_sync(c, "kiosk-a", request);
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(held(c, "kiosk-a") == 2);

    auto replay = post_sync(c, "kiosk-a", request);
    REQUIRE(replay);
    CHECK(replay->status == 409);
    CHECK(json::parse(replay->body)["error"] == "replayed");
    // An older counter with new content is a replay too.
    auto older = post_sync(c, "kiosk-a", k.sealed({{"device", "kiosk-a"}, {"counter", 49}, {"events", events_json(k, 2, 3)}}));
    CHECK(older->status == 409);
    CHECK(held(c, "kiosk-a") == 2);

    std::string tampered = k.sealed({{"device", "kiosk-a"}, {"counter", 60}, {"events", events_json(k, 2, 3)}});
    tampered[tampered.size() - 5] ^= 0x20;
    auto bad = post_sync(c, "kiosk-a", tampered);
    REQUIRE(bad);
    CHECK(bad->status == 401);
    CHECK(json::parse(bad->body)["error"] == "unauthenticated");
    CHECK(held(c, "kiosk-a") == 2);

    // Another device's name on this kiosk's sealed request does not pass either.
    Kiosk other(c, "kiosk-b");
    REQUIRE(other.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    auto swapped = post_sync(c, "kiosk-b", k.sealed({{"device", "kiosk-a"}, {"counter", 70}}));
    CHECK(swapped->status == 401);

    // And the kiosk itself carries on normally.
    CHECK(k.link.sync_all(5000).acked_seq == 5);
}

TEST_CASE("malformed, oversized and wrong-version requests get a 4xx with a reason, and the host keeps serving") {
    Classroom c;
    Kiosk k(c, "kiosk-a");
    REQUIRE(k.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    httplib::Client client(c.url);

    auto wrong_version = post_sync(c, "kiosk-a", "x", "7");
    REQUIRE(wrong_version);
    CHECK(wrong_version->status == 426);
    CHECK(json::parse(wrong_version->body)["message"].get<std::string>().find("protocol 1") != std::string::npos);

    auto no_json = client.Post("/v1/pair", {{header_protocol, "1"}}, "{not json", "application/json");
    CHECK(no_json->status == 400);
    auto bad_key = client.Post("/v1/pair", {{header_protocol, "1"}},
                               json{{"device_id", "x"}, {"device_key", "12"}}.dump(), "application/json");
    CHECK(bad_key->status == 400);

    auto huge = post_sync(c, "kiosk-a", std::string(max_body_bytes + 1024, 'x'));
    REQUIRE(huge);
    CHECK(huge->status == 413);

    auto not_a_message = post_sync(c, "kiosk-a", k.sealed(json::array({1, 2})));
    CHECK(not_a_message->status == 400);
    auto bad_event = post_sync(c, "kiosk-a", k.sealed({{"device", "kiosk-a"}, {"counter", 900},
                                                       {"events", json::array({{{"device_id", "kiosk-a"}, {"seq", -1}}})}}));
    CHECK(bad_event->status == 400);
    auto foreign_event = post_sync(
        c, "kiosk-a",
        k.sealed({{"device", "kiosk-a"}, {"counter", 901},
                  {"events", json::array({{{"device_id", "kiosk-b"}, {"seq", 1}, {"type", "x"}, {"at_ms", 1},
                                           {"payload", json::object()}}})}}));
    CHECK(foreign_event->status == 400);
    CHECK(json::parse(foreign_event->body)["message"].get<std::string>().find("only the events it recorded") !=
          std::string::npos);
    auto too_many = post_sync(c, "kiosk-a", k.sealed({{"device", "kiosk-a"}, {"counter", 902},
                                                      {"events", json::array()}}));
    CHECK(too_many->status == 200);

    k.record(4);
    CHECK(k.link.sync_all(5000).acked_seq == 4);   // still serving
    auto hello = client.Get("/v1/hello");
    REQUIRE(hello);
    CHECK(json::parse(hello->body)["protocol"] == protocol_version);
}

TEST_CASE("the same seq with other content is refused as two machines sharing one identity") {
    Classroom c;
    Kiosk k(c, "kiosk-a");
    REQUIRE(k.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    k.record(2);
    REQUIRE(k.link.sync_all(5000).acked_seq == 2);
    json clash = events_json(k, 1, 1);
    clash[0]["payload"] = {{"n", "something else"}};
    auto res = post_sync(c, "kiosk-a", k.sealed({{"device", "kiosk-a"}, {"counter", 500}, {"events", clash}}));
    REQUIRE(res);
    CHECK(res->status == 409);
    CHECK(json::parse(res->body)["error"] == "identity_conflict");
    CHECK(c.host.journal().after("kiosk-a", 1, 1).front() == k.journal.after("kiosk-a", 1, 1).front());
}

TEST_CASE("roster, commands and a trainee's history from other seats come down once") {
    Classroom c;
    Kiosk a(c, "kiosk-a"), b(c, "kiosk-b");
    REQUIRE(a.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    REQUIRE(b.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    c.host.put_trainee({"t-1", "Малика Абдуллаева", "border guard", "BG-1", ""});
    c.host.add_command("", "lock", {{"message", "Eyes to the front"}}, 1);
    c.host.add_command("kiosk-b", "message", {{"text", "only for b"}}, 2);

    SyncOutcome first = a.link.sync_once();
    REQUIRE(first.ok);
    REQUIRE(first.roster);
    CHECK((*first.roster)[0]["name"] == "Малика Абдуллаева");
    REQUIRE(first.commands.size() == 1);
    CHECK(first.commands[0]["kind"] == "lock");
    SyncOutcome second = a.link.sync_once();
    CHECK_FALSE(second.roster);          // unchanged since
    CHECK(second.commands.empty());      // already delivered

    // t-1 worked at seat b; signing in at seat a brings that work over.
    b.record(6, "t-1");
    REQUIRE(b.link.sync_all(5000).acked_seq == 6);
    SyncOutcome history = a.link.sync_once(std::string("t-1"));
    CHECK(history.history_added == 6);
    CHECK(a.journal.for_learner("t-1").size() == 6);
    CHECK(a.link.sync_once(std::string("t-1")).history_added == 0);
    CHECK(a.journal.last_seq("kiosk-a") == 0);   // another seat's events are not this kiosk's
}

TEST_CASE("a kiosk finds the host by its beacon, and ignores other classrooms and noise") {
    // A free UDP port on loopback for this test.
    const int port = 20000 + static_cast<int>(std::random_device{}() % 20000);
    Beacon other("classroom-other", 9999, "127.0.0.1", port, 100);
    Beacon ours("classroom-ours", 8870, "127.0.0.1", port, 100);
    const auto any = listen_for_host(3000, std::nullopt, port);
    REQUIRE(any);
    CHECK(any->address == "127.0.0.1");
    const auto found = listen_for_host(3000, std::string("classroom-ours"), port);
    REQUIRE(found);
    CHECK(found->http_port == 8870);
    CHECK(found->url() == "http://127.0.0.1:8870");
    CHECK_FALSE(listen_for_host(400, std::string("classroom-missing"), port));
}

TEST_CASE("a seat switched on before its host finds it by the beacon, and finds it again at a new address") {
    using namespace std::chrono_literals;
    const int beacon_udp = 20000 + static_cast<int>(std::random_device{}() % 20000);
    TestDir dir;
    const auto kiosk_db = dir.path / "kiosk" / "kiosk.db";
    {
        store::Database db = store::Database::open(kiosk_db);
        store::Journal journal(db, "kiosk-early");
        for (int i = 0; i < 5; ++i) journal.append({"response", "t-1", "a-1", 1'700'000'000'000 + i, {{"n", i}}});
    }
    WorkerOptions options;
    options.kiosk_db = kiosk_db;
    options.device_id = "kiosk-early";
    options.beacon_port = beacon_udp;
    options.pairing_code = "4711";
    options.device_name = "cbt-seat-04";
    options.wanted_seat = 4;
    options.interval_ms = 100;
    SyncWorker worker(options, nullptr);
    const auto wait_for = [&](auto condition, std::chrono::milliseconds limit) {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (!condition(worker.status()) && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(50ms);
        return condition(worker.status());
    };
    CHECK(wait_for([](const LinkStatus& s) { return s.searching; }, 3s));
    CHECK_FALSE(worker.status().paired);

    base::SystemClock clock;
    HostStore host(dir.path / "host");
    host.set_pairing_code("4711");
    {
        HostServer server(host, clock);
        server.start("127.0.0.1", 0);
        Beacon beacon(host.classroom_id(), server.port(), "127.0.0.1", beacon_udp, 100);
        REQUIRE(wait_for([](const LinkStatus& s) { return s.paired && s.acked_seq == 5; }, 10s));
        CHECK(host.device("kiosk-early")->seat == 4);
        CHECK_FALSE(worker.status().searching);
    }
    // The host comes back on another port (a replacement): the seat hears the new beacon.
    {
        store::Database db = store::Database::open(kiosk_db);
        store::Journal(db, "kiosk-early").append({"response", "t-1", "a-1", 1'700'000'000'100, {{"n", 5}}});
    }
    worker.poke();
    HostServer moved(host, clock);
    moved.start("127.0.0.1", 0);
    Beacon beacon(host.classroom_id(), moved.port(), "127.0.0.1", beacon_udp, 100);
    CHECK(wait_for([](const LinkStatus& s) { return s.acked_seq == 6 && s.last_error.empty(); }, 20s));
}

TEST_CASE("a seat never moves to another classroom by itself, and two hosts cannot share a port") {
    Classroom first, second;
    Kiosk k(first, "kiosk-a");
    REQUIRE(k.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    KioskLink elsewhere(k.db_path, "kiosk-a", second.url);
    const PairResult r = elsewhere.pair(std::string("4711"), "pc");
    CHECK(r.status == PairStatus::Failed);
    CHECK(r.message.find("--forget-host") != std::string::npos);
    CHECK_FALSE(second.host.device("kiosk-a"));
    elsewhere.forget_host();
    CHECK(elsewhere.pair(std::string("4711"), "pc").status == PairStatus::Approved);

    HostServer rival(second.host, second.clock);
    CHECK_THROWS_AS(rival.start("127.0.0.1", first.server.port()), std::runtime_error);
}

TEST_CASE("course packages reach the kiosks by content: resumed, verified, installed as the current version") {
    Classroom c;
    const auto pack = c.dir.path / "sample.cbtpack";
    const course::PackInfo info = course::pack_course(std::filesystem::path(CBT_SOURCE_DIR) / "courses/sample", pack);
    c.host.install_package(pack);
    REQUIRE(c.host.offered_courses().size() == 1);

    Kiosk k(c, "kiosk-a");
    REQUIRE(k.link.pair(std::string("4711"), "pc").status == PairStatus::Approved);
    const SyncOutcome s = k.link.sync_once();
    REQUIRE(s.courses.size() == 1);
    CHECK(s.courses[0].id == "sample");
    CHECK(s.courses[0].sha256 == info.pack_sha256);
    CHECK(s.courses[0].bytes == static_cast<std::int64_t>(info.pack_bytes));

    // A download cut short resumes from what is there; one that went wrong is thrown away.
    const auto packs = c.dir.path / "kiosk-a" / "packs";
    std::filesystem::create_directories(packs);
    {
        std::ifstream in(pack, std::ios::binary);
        std::string head(1000, '\0');
        in.read(head.data(), 1000);
        std::ofstream(packs / (info.pack_sha256 + ".cbtpack.partial"), std::ios::binary) << head;
    }
    std::string error;
    auto got = k.link.fetch_package(s.courses[0], packs, error);
    REQUIRE(got);
    CHECK(base::sha256_hex([&] {
              std::ifstream in(*got, std::ios::binary);
              return std::string(std::istreambuf_iterator<char>(in), {});
          }()) == info.pack_sha256);
    std::filesystem::remove(*got);
    std::ofstream(packs / (info.pack_sha256 + ".cbtpack.partial"), std::ios::binary) << std::string(1000, 'x');
    CHECK_FALSE(k.link.fetch_package(s.courses[0], packs, error));
    CHECK(error.find("checksum") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(packs / (info.pack_sha256 + ".cbtpack.partial")));

    std::vector<std::string> errors;
    const auto library = c.dir.path / "kiosk-a" / "courses";
    CHECK(install_offered(k.link, s.courses, library, packs, errors) == std::vector<std::string>{"sample"});
    CHECK(errors.empty());
    CHECK(course::load_course(library / "sample").content_hash == info.content_hash);
    CHECK(install_offered(k.link, s.courses, library, packs, errors).empty());   // already current
}
