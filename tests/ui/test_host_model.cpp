// The dashboard's model without a window: it sees what the sync server stores through a second
// connection, picks up events incrementally (also when they arrive out of order), and writes
// the commands, pairing decisions and roster edits the kiosks act on.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/random_id.hpp"
#include "session/seat.hpp"
#include "ui/host_model.hpp"

using namespace cbt;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A temporary folder, removed after everything that had files open in it has closed them.
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("cbt-test-host-model-" + base::random_hex(6));
    ~TempDir() { fs::remove_all(path); }
};

struct Room {
    TempDir temp;
    fs::path dir = temp.path;
    base::ManualClock clock;
    sync::HostStore server{dir};  // what the sync server's connection writes
    ui::HostModel model{dir, clock};

    std::string join(const std::string& id) {
        server.request_join(id, sync::KeyPair::generate().public_hex, "kiosk-" + id, clock.wall_ms());
        return id;
    }
    store::Event event(const std::string& device, std::int64_t seq, const std::string& type, json payload,
                       const std::string& attempt = "a1") {
        return {device, seq, type, "t1", attempt, clock.wall_ms(), std::move(payload)};
    }
    std::vector<sync::Command> commands(const std::string& device) { return server.commands_after(device, 0); }
};

}  // namespace

TEST_CASE("pairing: pending kiosks with their codes, approval at the suggested seat, a taken seat refused") {
    Room r;
    r.join("dev-a");
    r.join("dev-b");
    r.model.refresh();
    REQUIRE(r.model.pending().size() == 2);
    CHECK(r.model.code_for(r.model.pending()[0]).size() == 6);
    CHECK(r.model.suggested_seat() == 1);
    CHECK(r.model.approve("dev-a", 0) == ui::ApproveResult::Done);
    CHECK(r.model.suggested_seat() == 2);
    CHECK(r.model.approve("dev-b", 1) == ui::ApproveResult::SeatTaken);
    CHECK(r.model.approve("nobody", 3) == ui::ApproveResult::NoSuchDevice);
    CHECK(r.model.approve("dev-b", 4) == ui::ApproveResult::Done);
    CHECK(r.server.device("dev-b")->seat == 4);
    CHECK(r.model.pending().empty());
    REQUIRE(r.model.seats().size() == 10);
    CHECK(r.model.seats()[0].device->device_id == "dev-a");
    CHECK(r.model.seats()[3].device->device_id == "dev-b");
    r.model.refuse("dev-b");
    CHECK(r.server.device("dev-b")->status == sync::DeviceStatus::Refused);
    CHECK_FALSE(r.model.seats()[3].device);
}

TEST_CASE("events stored by the server reach the seat map, batches out of order included") {
    Room r;
    r.join("dev-a");
    r.model.approve("dev-a", 2);
    const std::vector<store::Event> later = {
        r.event("dev-a", 3, "screen_shown", {{"screen", "s2"}, {"position", 1}}),
        r.event("dev-a", 4, "help_requested", {{"screen", "s2"}}),
    };
    r.server.journal().ingest(later);  // seqs 1-2 are still on their way
    CHECK(r.model.refresh());
    CHECK(r.model.events().size() == 2);
    CHECK(r.model.seats()[1].help);
    const std::vector<store::Event> first = {
        r.event("dev-a", 1, "attempt_started", {{"course", "sample"}, {"lesson", "quiz"}}),
        r.event("dev-a", 2, "screen_shown", {{"screen", "s1"}, {"position", 0}}),
    };
    r.server.journal().ingest(first);
    r.server.journal().ingest(later);  // a retried batch: nothing new
    CHECK(r.model.refresh());
    CHECK(r.model.events().size() == 4);
    CHECK_FALSE(r.model.refresh());  // nothing changed since
    const auto& s = r.model.seats()[1];
    CHECK(s.course == "sample");
    CHECK(s.lesson == "quiz");
    CHECK(s.screen == "s2");
    CHECK(s.screens_shown == 2);
    // The course record for reports holds every event once, with the seat plan.
    const auto record = r.model.class_record();
    CHECK(record.events.size() == 4);
    CHECK(record.seats.at("dev-a") == 2);
    CHECK(r.model.course_ids() == std::vector<std::string>{"sample"});
}

TEST_CASE("session control writes the command kinds the kiosks act on") {
    Room r;
    r.join("dev-a");
    r.join("dev-b");
    r.model.approve("dev-a", 1);
    r.model.approve("dev-b", 2);
    r.server.journal().ingest(std::vector<store::Event>{r.event("dev-a", 1, "help_requested", {{"screen", ""}}, "")});
    r.model.refresh();
    REQUIRE(r.model.seats()[0].help);

    r.model.lock("", "Eyes front");
    CHECK(r.model.seats()[0].locked);
    CHECK(r.model.seats()[1].lock_message == "Eyes front");
    r.model.unlock("dev-b");
    CHECK(r.model.seats()[0].locked);
    CHECK_FALSE(r.model.seats()[1].locked);
    r.model.send_message("dev-a", "Come to the front");
    r.model.assign({"dev-a", "dev-b"}, {"sample", "border-security"});
    r.model.assign({}, {"sample"});
    r.model.acknowledge_help("dev-a", r.model.seats()[0].help_seq);
    CHECK_FALSE(r.model.seats()[0].help);
    r.model.end_session("");
    CHECK(r.model.seats()[0].signed_out);

    const auto a = r.commands("dev-a");
    std::vector<std::string> kinds;
    for (const auto& c : a) kinds.push_back(c.kind);
    CHECK(kinds == std::vector<std::string>{"lock", "message", "assign", "assign", "help_ack", "end"});
    CHECK(a[0].device_id.empty());
    CHECK(a[0].payload == json{{"message", "Eyes front"}});
    CHECK(a[1].payload == json{{"text", "Come to the front"}});
    CHECK(a[2].payload == json{{"courses", json::array({"sample", "border-security"})}});
    CHECK(a[3].device_id.empty());
    CHECK(a[4].payload == json{{"seq", 1}});
    CHECK(a[5].payload == json{{"through", {{"dev-a", 1}, {"dev-b", 0}}}});
    const auto b = r.commands("dev-b");
    CHECK(b[1].kind == "unlock");
    CHECK(b[1].payload == json::object());
}

TEST_CASE("roster: add, edit, PINs hashed or cleared, CSV import that updates by ID number, export without PINs") {
    Room r;
    sync::RosterEntry e;
    e.name = "  Азиз Каримов ";
    e.service = "customs";
    e.id_number = "KG-1";
    const std::string id = r.model.save_trainee(e, std::string("1234"));
    REQUIRE(r.model.roster().size() == 1);
    sync::RosterEntry saved = r.model.roster()[0];
    CHECK(saved.id == id);
    CHECK(saved.name == "Азиз Каримов");
    CHECK(session::pin_matches(saved.pin_hash, "1234"));
    CHECK_THROWS_AS(r.model.save_trainee(saved, std::string("12a4")), std::invalid_argument);
    CHECK_THROWS_AS(r.model.save_trainee(sync::RosterEntry{}, std::nullopt), std::invalid_argument);
    saved.service = "border guard";
    r.model.save_trainee(saved, std::nullopt);  // the PIN stays
    CHECK(session::pin_matches(r.model.roster()[0].pin_hash, "1234"));
    r.model.save_trainee(r.model.roster()[0], std::string());  // cleared
    CHECK(r.model.roster()[0].pin_hash.empty());

    const fs::path csv = r.dir / "in.csv";
    std::ofstream(csv) << "\xEF\xBB\xBFName,Service,ID_Number,PIN\r\n"
                          "Azizbek Karimov,customs,KG-1,5555\r\n"  // same ID number: renamed, new PIN
                          "Dilnoza Yusupova,border guard,UZ-2,\r\n"
                          ",nobody,X,1111\r\n"                     // no name: left out
                          "Timur Alimov,drug control,KZ-3,12\r\n"  // a PIN too short: left out
                          "\r\n";
    const ui::RosterImport result = r.model.import_roster(csv);
    CHECK(result.added == 1);
    CHECK(result.updated == 1);
    CHECK(result.skipped_lines == std::vector<int>{4, 5});
    REQUIRE(r.model.roster().size() == 2);
    const auto& renamed = r.model.roster()[0];
    CHECK(renamed.id == id);
    CHECK(renamed.name == "Azizbek Karimov");
    CHECK(session::pin_matches(renamed.pin_hash, "5555"));

    const fs::path out = r.dir / "out.csv";
    r.model.export_roster(out);
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() ==
          "name,service,id_number,pin\r\nAzizbek Karimov,customs,KG-1,\r\n"
          "Dilnoza Yusupova,border guard,UZ-2,\r\n");
    std::ofstream(r.dir / "bad.csv") << "service,pin\r\nx,1\r\n";
    CHECK_THROWS_AS(r.model.import_roster(r.dir / "bad.csv"), std::runtime_error);
    CHECK_THROWS_AS(r.model.import_roster(r.dir / "missing.csv"), std::runtime_error);
}

TEST_CASE("course folders give titles and lesson lengths, and a missing folder is no error") {
    base::ManualClock clock;
    TempDir temp;
    const fs::path dir = temp.path;
    {
        ui::HostModel model(dir, clock, {fs::path(CBT_SOURCE_DIR) / "courses/sample", dir / "no-such-folder"});
        model.load_courses();
        REQUIRE(model.courses().size() == 1);
        CHECK(model.title("sample", "", "ru") == "Пример курса: знакомство с уроками");
        CHECK(model.title("sample", "nope", "en") == "nope");
        CHECK(model.title("other", "", "en") == "other");
        CHECK(model.course_ids() == std::vector<std::string>{"sample"});
        const fs::path file = model.write_export("x.csv", "a,b\r\n");
        CHECK(file == dir / "exports" / "x.csv");
        CHECK(fs::file_size(file) == 5);
    }
}
