// The printable transcript and certificate: complete and self-contained pages, names escaped,
// titles and words in the page's language, times in the zone asked for, and a certificate that
// only certifies what was passed.
#include <doctest/doctest.h>

#include "class_fixture.hpp"
#include "report/html.hpp"

using namespace cbt;
using report_test::Classroom;

namespace {

bool has(const std::string& page, const std::string& part) {
    return page.find(part) != std::string::npos;
}

// No scripts and nothing fetched from elsewhere: the file alone is the whole page.
void check_self_contained(const std::string& page) {
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(has(page, "<meta charset=\"utf-8\">"));
    CHECK(has(page, "</html>"));
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "src="));
    CHECK_FALSE(has(page, "<link"));
    CHECK_FALSE(has(page, "url("));
    CHECK_FALSE(has(page, "http"));
}

struct Scenario {
    Classroom c;
    std::map<std::string, report::Person> roster = {
        {"t1", {"t1", "Ахмедов <Далер> & \"Co\"", "drug control", "TJ-0003"}},
        {"t2", {"t2", "Aliyev Rustam", "border guard", ""}},
    };
    Scenario() {
        c.play_all(c.kiosk1, "t1", "tour", false);
        c.play_all(c.kiosk1, "t1", "tour", true);
        report_test::Plan open;
        open.stop_at = "weights";
        c.play(c.kiosk2, "t1", "quiz", open);
        c.play_all(c.kiosk2, "t2", "quiz", false);
    }
    report::Transcript of(const std::string& learner) { return report::transcript(c.record(roster), learner); }
};

}  // namespace

TEST_CASE("html_escape makes every markup character safe") {
    CHECK(report::html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(report::html_escape("Каримов") == "Каримов");
}

TEST_CASE("a transcript lists the trainee, each lesson and each attempt") {
    Scenario s;
    report::HtmlOptions o;
    o.classroom = "Room <3>";
    o.generated_at_ms = 1'700'000'000'000;  // 2023-11-14T22:13:20Z
    o.utc_offset_minutes = 5 * 60;          // Tashkent, Dushanbe
    o.titles["sample"] = course::LocalText();
    o.titles["sample"].set("en", "Sample course");
    o.titles["sample"].set("ru", "Пример курса");
    o.titles["sample/tour"] = course::LocalText("Tour & quiz");
    const std::string page = report::transcript_html(s.of("t1"), o);
    check_self_contained(page);
    CHECK(has(page, "<html lang=\"en\">"));
    CHECK(has(page, "Training transcript"));
    CHECK(has(page, "Ахмедов &lt;Далер&gt; &amp; &quot;Co&quot;"));
    CHECK_FALSE(has(page, "<Далер>"));
    CHECK(has(page, "TJ-0003"));
    CHECK(has(page, "Sample course"));
    CHECK(has(page, "Tour &amp; quiz"));
    CHECK(has(page, "<td>quiz</td>"));  // no title given: the id stands in
    CHECK(has(page, "in progress"));    // the quiz left open
    CHECK(has(page, "passed"));
    CHECK(has(page, "not passed"));
    CHECK(has(page, "100%"));
    CHECK(has(page, "Room &lt;3&gt;"));
    CHECK(has(page, "2023-11-15 03:13"));  // generated, in UTC+05:00
    CHECK(has(page, "UTC+05:00"));
}

TEST_CASE("the page speaks Russian when asked, with Russian titles") {
    Scenario s;
    report::HtmlOptions o;
    o.lang = "ru";
    o.titles["sample"].set("en", "Sample course");
    o.titles["sample"].set("ru", "Пример курса");
    const std::string page = report::transcript_html(s.of("t2"), o);
    check_self_contained(page);
    CHECK(has(page, "<html lang=\"ru\">"));
    CHECK(has(page, "Учебная ведомость"));
    CHECK(has(page, "Пример курса"));
    CHECK(has(page, "не сдан"));
    CHECK_FALSE(has(page, "Training transcript"));
}

TEST_CASE("a certificate names the passed lessons only, and says so when there are none") {
    Scenario s;
    report::HtmlOptions o;
    o.issuer = "Border Academy";
    const std::string page = report::certificate_html(s.of("t1"), o);
    check_self_contained(page);
    CHECK(has(page, "Certificate"));
    CHECK(has(page, "Border Academy"));
    CHECK(has(page, "<td>tour</td>"));
    CHECK_FALSE(has(page, "<td>quiz</td>"));  // open, not passed
    CHECK(has(page, "Date of the last pass"));
    CHECK(has(page, "2023-11-14"));

    const std::string none = report::certificate_html(s.of("t2"), o);
    check_self_contained(none);
    CHECK(has(none, "No lesson has been passed yet."));
    CHECK_FALSE(has(none, "Date of the last pass"));
    // Limited to another course, t1 has nothing either.
    CHECK(has(report::certificate_html(s.of("t1"), o, "border-security"), "No lesson has been passed yet."));
}

TEST_CASE("a learner not on the roster is shown by id, and an empty transcript still makes a page") {
    report::Transcript t;
    t.person.id = "t-abc123";
    const std::string page = report::transcript_html(t, {});
    check_self_contained(page);
    CHECK(has(page, "t-abc123"));
    CHECK(has(page, "No attempts yet."));
}
