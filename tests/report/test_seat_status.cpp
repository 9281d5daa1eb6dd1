// The seat map's rules: who sits where, the open attempt and its progress, the last score, and
// the online, locked, help and signed-out states, from hand-written events and commands (and
// once from a played attempt). Odd data (unknown devices and courses, bad payloads) must not throw.
#include <doctest/doctest.h>

#include "class_fixture.hpp"
#include "report/seat_status.hpp"

using namespace cbt;
using nlohmann::json;
using report::SeatCommand;
using report::SeatDevice;
using report::SeatMapOptions;

namespace {

constexpr std::int64_t t0 = 1'700'000'000'000;

struct Events {
    std::vector<store::Event> list;
    std::map<std::string, std::int64_t> seq;

    store::Event& add(const std::string& device, const std::string& type, const std::string& learner,
                      const std::string& attempt, std::int64_t at_ms, json payload = json::object()) {
        list.push_back({device, ++seq[device], type, learner, attempt, at_ms, std::move(payload)});
        return list.back();
    }
    void start(const std::string& device, const std::string& learner, const std::string& attempt,
               const std::string& course, const std::string& lesson, std::int64_t at_ms) {
        add(device, "attempt_started", learner, attempt, at_ms,
            {{"course", course}, {"course_version", "1.0.0"}, {"lesson", lesson}, {"seed", "1"}, {"lang", "en"}});
        add(device, "screen_shown", learner, attempt, at_ms, {{"screen", "welcome"}, {"position", 0}});
    }
};

const std::vector<SeatDevice> two_devices = {
    {"dev-a", "kiosk-a", 1, t0 + 60'000},
    {"dev-b", "kiosk-b", 3, t0 + 10'000},
};

SeatMapOptions at(std::int64_t now_ms) {
    SeatMapOptions o;
    o.now_ms = now_ms;
    return o;
}

const report::SeatStatus& seat(const std::vector<report::SeatStatus>& map, int number) {
    for (const auto& s : map)
        if (s.seat == number) return s;
    FAIL("no seat " << number);
    throw 0;
}

}  // namespace

TEST_CASE("ten tiles by default, empty seats included, more when a device sits further on") {
    auto map = report::seat_map({}, {}, {}, {}, at(t0));
    REQUIRE(map.size() == 10);
    for (int i = 0; i < 10; ++i) {
        CHECK(map[i].seat == i + 1);
        CHECK_FALSE(map[i].device);
    }
    map = report::seat_map(two_devices, {}, {}, {}, at(t0));
    REQUIRE(map.size() == 10);
    CHECK(map[0].device->device_id == "dev-a");
    CHECK(map[2].device->device_id == "dev-b");
    CHECK_FALSE(map[1].device);

    std::vector<SeatDevice> far = two_devices;
    far.push_back({"dev-c", "kiosk-c", 12, 0});
    far.push_back({"dev-d", "kiosk-d", 0, 0});  // approved without a seat: after the numbered ones
    far.push_back({"dev-e", "kiosk-e", 3, 0});  // sharing seat 3: a tile of its own beside it
    map = report::seat_map(far, {}, {}, {}, at(t0));
    REQUIRE(map.size() == 14);
    CHECK(map[2].device->device_id == "dev-b");
    CHECK(map[3].device->device_id == "dev-e");
    CHECK(map[12].seat == 12);
    CHECK(map[13].device->device_id == "dev-d");
    CHECK(report::lowest_free_seat(two_devices) == 2);
    CHECK(report::lowest_free_seat({}) == 1);
}

TEST_CASE("a seat shows the newest trainee, the open attempt's progress and answers, and the last score") {
    Events ev;
    // t1 finished a quiz on dev-a (score 0.8), then t2 signed in there and is on screen 3 of the tour.
    ev.start("dev-a", "t1", "a1", "sample", "quiz", t0);
    ev.add("dev-a", "response", "t1", "a1", t0 + 1000,
           {{"screen", "q1"},
            {"kind", "single"},
            {"answer", "x"},
            {"score", 1},
            {"correct", true},
            {"settled", true},
            {"try", 1}});
    ev.add("dev-a", "attempt_finished", "t1", "a1", t0 + 2000, {{"score", 0.8}, {"passed", true}});
    ev.start("dev-a", "t2", "a2", "sample", "tour", t0 + 3000);
    ev.add("dev-a", "screen_shown", "t2", "a2", t0 + 4000, {{"screen", "route"}, {"position", 1}});
    ev.add("dev-a", "response", "t2", "a2", t0 + 5000,
           {{"screen", "route"},
            {"kind", "single"},
            {"answer", "gulf"},
            {"score", 0},
            {"correct", false},
            {"settled", false},
            {"try", 1}});
    ev.add("dev-a", "response", "t2", "a2", t0 + 6000,
           {{"screen", "route"},
            {"kind", "single"},
            {"answer", "russia"},
            {"score", 1},
            {"correct", true},
            {"settled", true},
            {"try", 2}});
    ev.add("dev-a", "screen_shown", "t2", "a2", t0 + 7000, {{"screen", "concealment"}, {"position", 2}});

    SeatMapOptions o = at(t0 + 65'000);
    o.lesson_lengths = {{"sample/tour", 11}};
    const std::map<std::string, report::Person> people = {{"t2", {"t2", "Азиз Каримов", "customs", "KG-7"}}};
    // Any order and repeats: what sync may leave.
    const auto events = report_test::shuffled_with_repeats(ev.list, 7);
    const auto map = report::seat_map(two_devices, events, {}, people, o);
    const auto& s = seat(map, 1);
    CHECK(s.learner == "t2");
    CHECK(s.trainee_name == "Азиз Каримов");
    CHECK(s.attempt == "a2");
    CHECK(s.course == "sample");
    CHECK(s.lesson == "tour");
    CHECK(s.screen == "concealment");
    CHECK(s.position == 2);
    CHECK(s.length == 11);
    CHECK(s.screens_shown == 3);
    REQUIRE(s.answers.size() == 2);
    CHECK(s.answers[0].answer == "gulf");
    CHECK_FALSE(s.answers[0].correct);
    CHECK(s.answers[1].try_number == 2);
    CHECK(s.answers[1].correct);
    CHECK(s.answers[1].score == doctest::Approx(1));
    // t1's quiz score is not t2's.
    CHECK_FALSE(s.last_score);
    CHECK(*s.last_activity_ms == t0 + 7000);
    CHECK(s.online);                   // seen 5 s before now
    CHECK_FALSE(seat(map, 3).online);  // seen 55 s before now
    CHECK(seat(map, 3).last_seen_ms == t0 + 10'000);
    CHECK(seat(map, 3).learner.empty());

    // Once t2 finishes, the attempt closes and the score shows; a learner off the roster shows by id.
    ev.add("dev-a", "attempt_finished", "t2", "a2", t0 + 8000, {{"score", 0.5}, {"passed", false}});
    const auto after = report::seat_map(two_devices, ev.list, {}, {}, o);
    const auto& s2 = seat(after, 1);
    CHECK(s2.attempt.empty());
    CHECK(s2.answers.empty());
    CHECK(s2.trainee_name == "t2");
    CHECK(*s2.last_score == doctest::Approx(0.5));
    CHECK_FALSE(s2.last_passed);
    CHECK(s2.last_lesson == "tour");
}

TEST_CASE("without a known length the count of screens shown stands in, and a continued attempt keeps its course") {
    Events ev;
    ev.start("dev-a", "t1", "a1", "unknown-course", "l1", t0);
    ev.add("dev-a", "screen_shown", "t1", "a1", t0 + 1, {{"screen", "s2"}, {"position", 1}});
    // The same attempt taken up at seat 3 after a move: no attempt_started on dev-b.
    ev.add("dev-b", "screen_shown", "t1", "a1", t0 + 2, {{"screen", "s3"}, {"position", 2}});
    const auto map = report::seat_map(two_devices, ev.list, {}, {}, at(t0));
    CHECK_FALSE(seat(map, 1).length);
    CHECK(seat(map, 1).screens_shown == 2);
    CHECK(seat(map, 3).course == "unknown-course");
    CHECK(seat(map, 3).lesson == "l1");
    CHECK(seat(map, 3).screen == "s3");
    CHECK(seat(map, 3).screens_shown == 1);
}

TEST_CASE("lock follows the newest lock or unlock for the seat or for all, by command order") {
    std::vector<SeatCommand> c = {
        {1, "", "lock", {{"message", "Eyes on me"}}, t0},
        {2, "dev-a", "unlock", json::object(), t0 + 1},
        {3, "dev-b", "message", {{"text", "hi"}}, t0 + 2},
    };
    auto map = report::seat_map(two_devices, {}, c, {}, at(t0));
    CHECK_FALSE(seat(map, 1).locked);
    CHECK(seat(map, 3).locked);
    CHECK(seat(map, 3).lock_message == "Eyes on me");
    CHECK_FALSE(seat(map, 2).locked);  // an empty seat is never locked

    // Order is the command id, even when the host's clock went back.
    c.push_back({4, "", "unlock", json::object(), t0 - 50'000});
    map = report::seat_map(two_devices, {}, c, {}, at(t0));
    CHECK_FALSE(seat(map, 3).locked);
    c.push_back({5, "dev-a", "lock", "not an object", t0});
    map = report::seat_map(two_devices, {}, c, {}, at(t0));
    CHECK(seat(map, 1).locked);
    CHECK(seat(map, 1).lock_message.empty());
}

TEST_CASE("a help request stands until a help_ack covers it, and a new request lights it again") {
    Events ev;
    ev.start("dev-a", "t1", "a1", "sample", "tour", t0);
    ev.add("dev-a", "help_requested", "t1", "a1", t0 + 1000, {{"screen", "welcome"}});
    std::vector<SeatCommand> c;
    auto map = report::seat_map(two_devices, ev.list, c, {}, at(t0 + 2000));
    CHECK(seat(map, 1).help);
    CHECK(seat(map, 1).help_seq == 3);
    CHECK(seat(map, 1).help_screen == "welcome");
    CHECK_FALSE(seat(map, 3).help);

    // An ack for another seat changes nothing; an ack naming the request's seq clears it, whatever the clocks say.
    c.push_back({1, "dev-b", "help_ack", {{"seq", 99}}, t0 + 5000});
    CHECK(report::seat_map(two_devices, ev.list, c, {}, at(t0)).front().help);
    c.push_back({2, "dev-a", "help_ack", {{"seq", 3}}, t0 - 999'999});
    map = report::seat_map(two_devices, ev.list, c, {}, at(t0 + 2000));
    CHECK_FALSE(seat(map, 1).help);

    ev.add("dev-a", "help_requested", "t1", "", t0 + 3000, {{"screen", ""}});
    map = report::seat_map(two_devices, ev.list, c, {}, at(t0 + 4000));
    CHECK(seat(map, 1).help);
    CHECK(seat(map, 1).help_seq == 4);
    // An ack without a seq (another tool) covers requests recorded up to its time.
    c.push_back({3, "", "help_ack", json::object(), t0 + 3000});
    CHECK_FALSE(seat(report::seat_map(two_devices, ev.list, c, {}, at(t0)), 1).help);
}

TEST_CASE("an end command marks the seat signed out until the kiosk records something newer") {
    Events ev;
    ev.start("dev-a", "t1", "a1", "sample", "tour", t0);
    std::vector<SeatCommand> c = {{1, "", "end", {{"through", {{"dev-a", 2}, {"dev-b", 0}}}}, t0 - 10}};
    auto map = report::seat_map(two_devices, ev.list, c, {}, at(t0));
    CHECK(seat(map, 1).signed_out);
    CHECK_FALSE(seat(map, 3).signed_out);  // no events: nothing to sign out
    ev.start("dev-a", "t2", "a2", "sample", "quiz", t0 - 20);
    map = report::seat_map(two_devices, ev.list, c, {}, at(t0));
    CHECK_FALSE(seat(map, 1).signed_out);
    CHECK(seat(map, 1).learner == "t2");
}

TEST_CASE("odd data never throws: unknown devices, bad payloads, missing fields") {
    Events ev;
    ev.add("stranger", "attempt_started", "t9", "x", t0, {{"course", "nope"}});
    ev.add("dev-a", "screen_shown", "", "orphan", t0, "not an object");
    ev.add("dev-a", "response", "t1", "orphan", t0,
           {{"screen", 5}, {"score", "high"}, {"try", -3}, {"answer", nullptr}});
    ev.add("dev-a", "mystery_type", "t1", "", t0, json::array());
    ev.add("dev-b", "attempt_finished", "t1", "never-started", t0, {{"score", 7}});
    ev.add("dev-b", "screen_shown", "t1", "open", t0, {{"position", 1e300}});
    const std::vector<SeatCommand> c = {{1, "dev-a", "help_ack", nullptr, 0}, {2, "", "end", {{"through", 5}}, 0}};
    std::vector<report::SeatStatus> map;
    CHECK_NOTHROW(map = report::seat_map(two_devices, ev.list, c, {}, at(t0)));
    REQUIRE(map.size() == 10);
    const auto& a = seat(map, 1);
    CHECK(a.attempt == "orphan");
    CHECK(a.course.empty());
    REQUIRE(a.answers.size() == 1);
    CHECK(a.answers[0].screen.empty());
    CHECK(a.answers[0].try_number == 1);
    CHECK(a.answers[0].score == 0);
    CHECK(seat(map, 3).last_score == doctest::Approx(1.0));  // clamped to 0..1
    CHECK(seat(map, 3).position == -1);
}

TEST_CASE("a played attempt from the real runtime reads back as the tour on its screen") {
    report_test::Classroom c;
    report_test::Plan plan;
    plan.stop_at = "concealment";
    plan.help_at = "route";
    plan.right = report_test::tour_questions;
    c.play(c.kiosk1, "t1", "tour", plan);
    const std::vector<SeatDevice> devices = {{"kiosk-01", "k1", 2, c.clock.wall_ms()}};
    SeatMapOptions o = at(c.clock.wall_ms());
    auto rt = course::LessonRuntime(sample_course(), "tour", 0, "en");
    o.lesson_lengths["sample/tour"] = static_cast<int>(rt.length());
    const auto map = report::seat_map(devices, c.events(), {}, {}, o);
    const auto& s = seat(map, 2);
    CHECK(s.learner == "t1");
    CHECK(s.lesson == "tour");
    CHECK(s.screen == "concealment");
    CHECK(s.position == 2);
    CHECK(s.length == static_cast<int>(rt.length()));
    CHECK(s.help);
    CHECK(s.help_screen == "route");
    REQUIRE(s.answers.size() == 2);
    CHECK(s.answers[0].screen == "route");
    CHECK(s.answers[1].screen == "concealment");
    CHECK(s.online);
}
