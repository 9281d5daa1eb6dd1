// A seat in a temporary folder with the sample course, for the session tests.
#pragma once
#include <filesystem>
#include <fstream>
#include <memory>

#include "base/clock.hpp"
#include "session/session.hpp"
#include "test_dir.hpp"

struct SeatFixture {
    TestDir dir;
    cbt::base::ManualClock clock;
    std::filesystem::path courses = std::filesystem::path(CBT_SOURCE_DIR) / "courses/sample";
    std::unique_ptr<cbt::session::Seat> seat = std::make_unique<cbt::session::Seat>(dir.path / "data");
    std::unique_ptr<cbt::session::Session> session =
        std::make_unique<cbt::session::Session>(*seat, std::vector{courses}, clock);

    // What a kiosk restart sees: the same data folder opened afresh.
    void restart() {
        session.reset();
        seat.reset();
        seat = std::make_unique<cbt::session::Seat>(dir.path / "data");
        session = std::make_unique<cbt::session::Session>(*seat, std::vector{courses}, clock);
    }

    cbt::session::Trainee add(const std::string& name, const std::string& pin = "") {
        cbt::session::Trainee t;
        t.name = name;
        if (!pin.empty()) t.pin_hash = cbt::session::hash_pin(pin);
        return seat->put_trainee(t);
    }

    // Answers the current question rightly (or wrongly) until it is settled.
    void answer_current(bool correct) {
        auto& rt = session->attempt().runtime();
        while (!rt.settled()) REQUIRE(session->answer(rt.auto_response(correct)));
    }

    std::size_t count_events(const std::string& type) {
        std::size_t n = 0;
        for (const auto& e : seat->journal().after(seat->device_id(), 0, 100000)) n += e.type == type;
        return n;
    }
};

inline void write_text(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}
