// The CSV and xAPI exports: exact CSV text with awkward names, round-tripped through the reader,
// and xAPI statements whose ids are stable across exports and unique per event.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "class_fixture.hpp"
#include "report/attempts.hpp"
#include "report/csv.hpp"
#include "report/export.hpp"

using namespace cbt;
using report_test::Classroom;
using report_test::Plan;

namespace {

// t1 passes the tour on kiosk 1 (seat 1): 22:13:20 to 22:13:31. t2 fails it on kiosk 2 (seat 2),
// 22:13:31 to 22:13:43, scoring 1/27 = 3.7%. t3 (not on the roster) leaves a quiz open, asking for help.
struct ExportClass {
    Classroom c;
    std::string passed, failed, open;
    std::map<std::string, report::Person> roster = {
        {"t1", {"t1", "Нурланова, Алия", "Таможня", "KZ-001"}},
        {"t2", {"t2", "Smith, John \"JJ\"", "Border\nGuard", " 42 "}},
    };

    ExportClass() {
        passed = c.play_all(c.kiosk1, "t1", "tour", true).id;
        failed = c.play_all(c.kiosk2, "t2", "tour", false).id;
        Plan plan;
        plan.stop_at = "weights";
        plan.help_at = "weights";
        open = c.play(c.kiosk2, "t3", "quiz", plan).id;
    }
    report::ClassRecord record() const { return c.record(roster); }
};

const std::string header =
    "trainee,trainee_id,service,id_number,seat,course,course_version,lesson,score,passed,started,finished\r\n";

}  // namespace

TEST_CASE("times and durations in ISO 8601") {
    CHECK(report::iso8601_seconds(1'795'770'902'000) == "2026-11-27T09:15:02Z");
    CHECK(report::iso8601_seconds(1'795'770'902'999) == "2026-11-27T09:15:02Z");  // the fraction is dropped
    CHECK(report::iso8601_millis(1'795'770'902'345) == "2026-11-27T09:15:02.345Z");
    CHECK(report::iso8601_millis(0) == "1970-01-01T00:00:00.000Z");
    CHECK(report::iso8601_millis(-1) == "1969-12-31T23:59:59.999Z");
    CHECK(report::iso8601_seconds(951'782'400'000) == "2000-02-29T00:00:00Z");
    CHECK(report::iso8601_duration(3'723'450) == "PT1H2M3.45S");
    CHECK(report::iso8601_duration(61'000) == "PT1M1.00S");
    CHECK(report::iso8601_duration(7'209) == "PT7.20S");
    CHECK(report::iso8601_duration(-5) == "PT0.00S");
}

TEST_CASE("name-based UUIDs: SHA-256, version 8, RFC 4122 variant") {
    // sha256("cbt-event:kiosk-01:1") starts 61f7063e1f217cf35590f5f7ac01b65a: nibble 12 becomes 8,
    // nibble 16 (5 = 0101) keeps its low two bits under 10: 1001 = 9.
    CHECK(report::statement_id("kiosk-01", 1) == "61f7063e-1f21-8cf3-9590-f5f7ac01b65a");
    CHECK(report::name_uuid("cbt-event:kiosk-01:1") == report::statement_id("kiosk-01", 1));
    CHECK(report::statement_id("kiosk-01", 2) != report::statement_id("kiosk-01", 1));
    CHECK(report::statement_id("kiosk-0", 11) != report::statement_id("kiosk-01", 1));
    CHECK(report::registration_id("ab") == report::name_uuid("cbt-attempt:ab"));
    const std::regex form("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    for (int i = 0; i < 64; ++i) CHECK(std::regex_match(report::statement_id("d", i), form));
}

TEST_CASE("CSV fields are quoted only when they must be, and read back") {
    CHECK(report::csv_field("plain") == "plain");
    CHECK(report::csv_field("") == "");
    CHECK(report::csv_field("a,b") == "\"a,b\"");
    CHECK(report::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(report::csv_field(" padded") == "\" padded\"");
    CHECK(report::csv_field("Ахмедов") == "Ахмедов");
    CHECK(report::csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");

    using Rows = std::vector<std::vector<std::string>>;
    CHECK(report::parse_csv("a,b\r\nc,\"d\"\"e\"\r\n") == Rows{{"a", "b"}, {"c", "d\"e"}});
    CHECK(report::parse_csv("a,b\nc,d") == Rows{{"a", "b"}, {"c", "d"}});  // LF, no final line end
    CHECK(report::parse_csv("\xEF\xBB\xBFx,\"1\r\n2\"\r\n") == Rows{{"x", "1\r\n2"}});
    CHECK(report::parse_csv("a,\r\n,\r\n") == Rows{{"a", ""}, {"", ""}});
    CHECK(report::parse_csv("") == Rows{});
    CHECK_THROWS_WITH_AS(report::parse_csv("a,b\r\nc\"d,e\r\n"), "CSV line 2: a quote inside an unquoted field",
                         std::invalid_argument);
    CHECK_THROWS_AS(report::parse_csv("\"open"), std::invalid_argument);
    CHECK_THROWS_AS(report::parse_csv("\"closed\"x"), std::invalid_argument);
}

TEST_CASE("the attempts CSV has one row per finished attempt, exactly as documented") {
    ExportClass k;
    const std::string csv = report::attempts_csv(k.record());
    CHECK(csv == header +
                     "\"Нурланова, Алия\",t1,Таможня,KZ-001,1,sample,1.0.0,tour,100.0,true,"
                     "2023-11-14T22:13:20Z,2023-11-14T22:13:31Z\r\n"
                     "\"Smith, John \"\"JJ\"\"\",t2,\"Border\nGuard\",\" 42 \",2,sample,1.0.0,tour,3.7,false,"
                     "2023-11-14T22:13:31Z,2023-11-14T22:13:43Z\r\n");
    CHECK(csv.find("t3") == std::string::npos);  // the open attempt is not a result yet

    CHECK(report::attempts_csv(k.record(), {.byte_order_mark = true}) == "\xEF\xBB\xBF" + csv);
}

TEST_CASE("names with commas, quotes, line breaks and Cyrillic round-trip through the CSV") {
    ExportClass k;
    auto record = k.record();
    record.events = report_test::shuffled_with_repeats(record.events, 3);  // repeats give no extra rows
    const auto rows = report::parse_csv(report::attempts_csv(record));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0] == "trainee");
    for (const auto& row : rows) CHECK(row.size() == 12);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const report::Person& p = k.roster.at(rows[i][1]);
        CHECK(rows[i][0] == p.name);
        CHECK(rows[i][2] == p.service);
        CHECK(rows[i][3] == p.id_number);
    }
    CHECK(rows[1][8] == "100.0");
    CHECK(rows[2][9] == "false");
}

TEST_CASE("CSV scores have one decimal; a learner off the roster shows by id; an unknown seat is empty") {
    Classroom c;
    Plan plan;
    plan.right = report_test::tour_questions;
    plan.right.erase("border");  // 8 of 9: 88.888...%
    c.play(c.kiosk1, "x7", "tour", plan);
    report::ClassRecord record;
    record.events = c.events();
    CHECK(report::attempts_csv(record) ==
          header + "x7,x7,,,,sample,1.0.0,tour,88.9,true,2023-11-14T22:13:20Z,2023-11-14T22:13:31Z\r\n");
}

TEST_CASE("xAPI statements: one per start, answer and finish, with ids stable across exports") {
    ExportClass k;
    const auto record = k.record();
    const nlohmann::json first = report::xapi_statements(record, "https://academy.example/cbt/room-3/");
    const nlohmann::json second = report::xapi_statements(record, "https://academy.example/cbt/room-3");
    CHECK(first == second);  // the trailing '/' is ignored too

    std::size_t expected = 0;
    for (const auto& a : report::attempts(record)) expected += 1 + a.responses + (a.finished() ? 1 : 0);
    REQUIRE(first.size() == expected);
    CHECK(expected == (1 + 9 + 1) + (1 + 10 + 1) + (1 + 4));

    // Unique per event, and each the id of its own event.
    std::set<std::string> ids;
    std::set<std::string> event_ids;
    for (const auto& e : report::distinct_events(record.events))
        event_ids.insert(report::statement_id(e.device_id, e.seq));
    for (const auto& s : first) {
        ids.insert(s["id"].get<std::string>());
        CHECK(event_ids.contains(s["id"].get<std::string>()));
    }
    CHECK(ids.size() == first.size());

    // Repeated, shuffled events export to the very same statements.
    auto messy = record;
    messy.events = report_test::shuffled_with_repeats(record.events, 9);
    CHECK(report::xapi_statements(messy, "https://academy.example/cbt/room-3") == first);
}

TEST_CASE("xAPI statements carry the documented actor, verbs, objects, results and context") {
    ExportClass k;
    const auto record = k.record();
    const std::string iri = "https://academy.example/cbt/room-3";
    const nlohmann::json all = report::xapi_statements(record, iri);
    const std::string lesson_iri = iri + "/courses/sample/lessons/tour";

    std::vector<nlohmann::json> of_passed;
    for (const auto& s : all)
        if (s["context"]["registration"] == report::registration_id(k.passed)) of_passed.push_back(s);
    REQUIRE(of_passed.size() == 11);

    const auto& started = of_passed.front();
    CHECK(started["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attempted");
    CHECK(started["actor"] == nlohmann::json{{"objectType", "Agent"},
                                             {"name", "Нурланова, Алия"},
                                             {"account", {{"homePage", iri}, {"name", "t1"}}}});
    CHECK(started["object"]["id"] == lesson_iri);
    CHECK(started["object"]["definition"]["name"] == nlohmann::json{{"und", "sample/tour"}});
    CHECK(started["timestamp"] == "2023-11-14T22:13:20.000Z");
    CHECK(started["context"]["language"] == "en");
    CHECK(started["context"]["contextActivities"]["parent"][0]["id"] == iri + "/courses/sample");
    CHECK_FALSE(started.contains("result"));

    const auto& answer = of_passed[1];  // the route question, answered at the second screen
    CHECK(answer["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered");
    CHECK(answer["object"]["id"] == lesson_iri + "/screens/route");
    CHECK(answer["result"]["success"] == true);
    CHECK(answer["result"]["score"]["scaled"] == 1.0);
    CHECK(answer["result"]["response"] == "\"russia\"");
    CHECK(answer["result"]["duration"] == "PT1.00S");
    CHECK(answer["context"]["contextActivities"]["parent"][0]["id"] == lesson_iri);
    CHECK(answer["context"]["contextActivities"]["grouping"][0]["id"] == iri + "/courses/sample");
    CHECK(answer["timestamp"] == "2023-11-14T22:13:22.000Z");

    const auto& done = of_passed.back();
    CHECK(done["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed");
    CHECK(done["result"] ==
          nlohmann::json{
              {"success", true}, {"completion", true}, {"score", {{"scaled", 1.0}}}, {"duration", "PT11.00S"}});
    CHECK(done["timestamp"] == "2023-11-14T22:13:31.000Z");

    // The failed attempt ends in "failed"; the open one has no end statement; a learner off the
    // roster is an Agent without a name.
    bool saw_failed = false, saw_open_end = false, saw_t3 = false;
    for (const auto& s : all) {
        const auto& reg = s["context"]["registration"];
        if (reg == report::registration_id(k.failed) && s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed") {
            saw_failed = true;
            CHECK(s["result"]["success"] == false);
            CHECK(s["result"]["completion"] == true);
            CHECK(s["result"]["score"]["scaled"].get<double>() == doctest::Approx(report_test::tour_all_wrong));
        }
        if (reg == report::registration_id(k.open)) {
            saw_t3 = true;
            CHECK_FALSE(s["actor"].contains("name"));
            CHECK(s["actor"]["account"]["name"] == "t3");
            const std::string verb = s["verb"]["id"];
            saw_open_end = saw_open_end || verb.ends_with("/passed") || verb.ends_with("/failed");
        }
    }
    CHECK(saw_failed);
    CHECK(saw_t3);
    CHECK_FALSE(saw_open_end);

    // Statements are in time order.
    for (std::size_t i = 1; i < all.size(); ++i)
        CHECK(all[i - 1]["timestamp"].get<std::string>() <= all[i]["timestamp"].get<std::string>());
}

TEST_CASE("xAPI activity names come from the titles when given, in every language") {
    ExportClass k;
    auto record = k.record();
    course::LocalText tour_title;
    tour_title.set("en", "A tour of the screens");
    tour_title.set("ru", "Знакомство с экранами");
    record.titles["sample/tour"] = tour_title;
    const auto all = report::xapi_statements(record, "https://academy.example/cbt/room-3");
    CHECK(all.front()["object"]["definition"]["name"] ==
          nlohmann::json{{"en", "A tour of the screens"}, {"ru", "Знакомство с экранами"}});
    CHECK(all.front()["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/lesson");
}

TEST_CASE("odd ids are escaped in activity IRIs") {
    report::ClassRecord record;
    record.events.push_back({"k", 1, "attempt_started", "t1", "a1", 0, {{"course", "c d/e"}, {"lesson", "l?"}}});
    const auto all = report::xapi_statements(record, "https://x.example");
    REQUIRE(all.size() == 1);
    CHECK(all[0]["object"]["id"] == "https://x.example/courses/c%20d%2Fe/lessons/l%3F");
}

TEST_CASE("malformed UTF-8 from a kiosk or the roster cannot stop an export") {
    report::ClassRecord record;
    const std::string bad = "Ali\xC3(";
    record.people["t1"] = {"t1", bad, "", ""};
    record.events.push_back({"k", 1, "attempt_started", "t1", "a1", 0, {{"course", "c"}, {"lesson", "l"}}});
    record.events.push_back({"k",
                             2,
                             "response",
                             "t1",
                             "a1",
                             1,
                             {{"screen", "s"}, {"kind", "text_entry"}, {"answer", bad}, {"settled", true}}});
    const auto all = report::xapi_statements(record, "https://x.example");
    REQUIRE(all.size() == 2);
    CHECK_NOTHROW((void)all.dump());
    CHECK(all[0]["actor"]["name"] == "Ali\uFFFD(");
    CHECK(all[1]["result"]["response"] == "\"Ali\uFFFD(\"");
}
