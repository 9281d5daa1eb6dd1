// The seat's identity, PINs and roster as stored in its data folder.
#include <doctest/doctest.h>

#include "session/seat.hpp"
#include "session_fixture.hpp"
#include "store/settings.hpp"

using namespace cbt::session;

TEST_CASE("a seat keeps its device id across restarts, and two seats differ") {
    TestDir dir;
    std::string first;
    {
        Seat seat(dir.path / "a");
        first = seat.device_id();
        CHECK(first.size() == 32);
    }
    Seat again(dir.path / "a");
    CHECK(again.device_id() == first);
    Seat other(dir.path / "b");
    CHECK(other.device_id() != first);
    CHECK(std::filesystem::exists(dir.path / "a" / "kiosk.db"));
}

TEST_CASE("PINs are stored hashed and checked") {
    const std::string h = hash_pin("4821");
    CHECK(h.find("4821") == std::string::npos);
    CHECK(pin_matches(h, "4821"));
    CHECK_FALSE(pin_matches(h, "4822"));
    CHECK_FALSE(pin_matches(h, ""));
}

TEST_CASE("the instructor PIN is 0000 until set, and is then the new one only") {
    TestDir dir;
    Seat seat(dir.path);
    CHECK(seat.instructor_pin_is_default());
    CHECK(seat.instructor_pin_matches("0000"));
    seat.set_instructor_pin("918273");
    CHECK_FALSE(seat.instructor_pin_is_default());
    CHECK(seat.instructor_pin_matches("918273"));
    CHECK_FALSE(seat.instructor_pin_matches("0000"));
    CHECK_THROWS_AS(seat.set_instructor_pin("12"), std::invalid_argument);
}

TEST_CASE("seat number and default language persist") {
    TestDir dir;
    {
        Seat seat(dir.path);
        CHECK(seat.seat_number() == 0);
        CHECK(seat.default_language() == "ru");
        seat.set_seat_number(7);
        seat.set_default_language("en");
    }
    Seat seat(dir.path);
    CHECK(seat.seat_number() == 7);
    CHECK(seat.default_language() == "en");
}

TEST_CASE("a CSV roster is imported with hashed PINs, sorted by name, and re-importing updates it") {
    TestDir dir;
    Seat seat(dir.path / "data");
    write_text(dir.path / "roster.csv",
               "\xEF\xBB\xBFname,pin,service\n"
               "Sadykov Timur,1111,customs\n"
               "\"Abdullaeva, Malika\",2222,\"border \"\"guard\"\"\"\n"
               "\n"
               "Иванов Пётр,,drug control\n");
    CHECK(seat.import_roster_csv(dir.path / "roster.csv") == 3);
    auto roster = seat.roster();
    REQUIRE(roster.size() == 3);
    CHECK(roster[0].name == "Abdullaeva, Malika");
    CHECK(roster[0].service == "border \"guard\"");
    CHECK(pin_matches(roster[0].pin_hash, "2222"));
    CHECK(roster[1].name == "Sadykov Timur");
    CHECK(roster[2].name == "Иванов Пётр");
    CHECK(roster[2].pin_hash.empty());
    const std::string id = roster[1].id;

    write_text(dir.path / "roster.csv", "name,pin\nSadykov Timur,3333\n");
    CHECK(seat.import_roster_csv(dir.path / "roster.csv") == 1);
    roster = seat.roster();
    CHECK(roster.size() == 3);
    auto t = seat.find_trainee("sadykov timur");
    REQUIRE(t);
    CHECK(t->id == id);
    CHECK(pin_matches(t->pin_hash, "3333"));
    CHECK(seat.find_trainee(id)->name == "Sadykov Timur");
}

TEST_CASE("a malformed roster names the line and changes nothing") {
    TestDir dir;
    Seat seat(dir.path / "data");
    write_text(dir.path / "bad.csv", "name,pin\nA,1\nB,2,extra\n");
    try {
        seat.import_roster_csv(dir.path / "bad.csv");
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("bad.csv:3: expected 2 values, found 3") != std::string::npos);
    }
    CHECK(seat.roster().empty());

    write_text(dir.path / "bad.csv", "name,password\nA,1\n");
    CHECK_THROWS_WITH_AS(seat.import_roster_csv(dir.path / "bad.csv"), doctest::Contains("unknown column 'password'"),
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(seat.import_roster_csv(dir.path / "missing.csv"), doctest::Contains("cannot read"),
                         std::runtime_error);
}

TEST_CASE("the current trainee and attempt survive a restart and can be cleared") {
    TestDir dir;
    {
        Seat seat(dir.path);
        seat.set_current("t-1", "a-1");
    }
    {
        Seat seat(dir.path);
        CHECK(seat.current_trainee() == "t-1");
        CHECK(seat.current_attempt() == "a-1");
        seat.set_current("t-1", std::nullopt);
        CHECK_FALSE(seat.current_attempt());
    }
    Seat seat(dir.path);
    CHECK(seat.current_trainee() == "t-1");
    CHECK_FALSE(seat.current_attempt());
}

TEST_CASE("a copied data folder gets a new device id before it records anything; the original keeps its own") {
    TestDir dir;
    std::string original_id;
    {
        Seat seat(dir.path / "original");
        original_id = seat.device_id();
        seat.journal().append({"response", "t", "a", 1, {{"n", 1}}});
        cbt::store::write_setting(seat.db(), "sync.acked_seq", "1");
    }
    std::filesystem::copy(dir.path / "original", dir.path / "copy", std::filesystem::copy_options::recursive);
    {
        Seat again(dir.path / "original");
        CHECK(again.device_id() == original_id);   // the same file on the same machine
    }
    Seat copy(dir.path / "copy");
    CHECK(copy.device_id() != original_id);
    CHECK(cbt::store::read_setting(copy.db(), "previous_device_id") == original_id);
    CHECK_FALSE(cbt::store::read_setting(copy.db(), "sync.acked_seq"));   // must pair afresh
    const auto e = copy.journal().append({"response", "t", "b", 2, {{"n", 2}}});
    CHECK(e.device_id == copy.device_id());
    CHECK(e.seq == 1);
    CHECK(copy.journal().last_seq(original_id) == 1);   // the original's event is still there, as it was
    Seat copy_again(dir.path / "copy");
    CHECK(copy_again.device_id() == copy.device_id());   // and the copy is stable from now on
}

TEST_CASE("the same disk image started on another machine is told apart by the machine") {
    TestDir dir;
    std::string first;
    setenv("CBT_MACHINE_FINGERPRINT", "machine-a", 1);
    {
        Seat seat(dir.path);
        first = seat.device_id();
    }
    {
        Seat seat(dir.path);
        CHECK(seat.device_id() == first);
    }
    setenv("CBT_MACHINE_FINGERPRINT", "machine-b", 1);
    {
        Seat seat(dir.path);
        CHECK(seat.device_id() != first);
    }
    unsetenv("CBT_MACHINE_FINGERPRINT");
}

TEST_CASE("the same roster on two seats gives each trainee the same id on both") {
    TestDir dir;
    write_text(dir.path / "roster.csv", "name,pin\nАзиз Каримов,1111\nTimur Sadykov,3333\n");
    Seat one(dir.path / "one"), two(dir.path / "two");
    one.import_roster_csv(dir.path / "roster.csv");
    two.import_roster_csv(dir.path / "roster.csv");
    CHECK(one.find_trainee("Азиз Каримов")->id == two.find_trainee("Азиз Каримов")->id);
    CHECK(one.find_trainee("Timur Sadykov")->id == two.find_trainee("timur sadykov")->id);
    CHECK(one.find_trainee("Timur Sadykov")->id != one.find_trainee("Азиз Каримов")->id);
}
