// Item analysis on a crafted class: eight finished attempts at the tour whose right answers are
// chosen so each figure can be worked out by hand, plus one open attempt.
#include <doctest/doctest.h>

#include "class_fixture.hpp"
#include "report/attempts.hpp"
#include "report/item_analysis.hpp"

using namespace cbt;
using report_test::Classroom;
using report_test::Plan;

namespace {

// Right answers per attempt. Every tour question has weight 1 and scores 0 or 1, except that a
// wrong `chain` (the order reversed) keeps its middle step: 1/3. An attempt's score is therefore
// right answers / 9, plus 1/27 when `chain` is wrong: 8/9, 7/9, 5/9, then 4, 3, 2, 1, 0 ninths + 1/27.
//        route conceal colour pairs chain border precursor tank search
//   A0     x     x      x     x     x           x        x     x
//   A1     x     x      x     x     x           x        x
//   A2     x     x      x*    x     x                                  (* right at the 2nd try)
//   A3     x     x      x*    x
//   A4     x            x                 x
//   A5     x                              x
//   A6                                    x
//   A7
//   A8 (open) route right, concealment wrong, then one wrong try at the colour test, and no more.
// n = 8 finished, g = round(0.27 * 8) = 2: upper group A0, A1; lower group A6, A7.
struct CraftedClass {
    Classroom c;
    std::vector<std::string> ids;

    CraftedClass() {
        const std::vector<std::set<std::string>> right = {
            {"route", "concealment", "colour_test", "pairs", "chain", "precursor", "find_tank", "search"},
            {"route", "concealment", "colour_test", "pairs", "chain", "precursor", "find_tank"},
            {"route", "concealment", "colour_test", "pairs", "chain"},
            {"route", "concealment", "colour_test", "pairs"},
            {"route", "colour_test", "border"},
            {"route", "border"},
            {"border"},
            {},
        };
        for (std::size_t i = 0; i < right.size(); ++i) {
            Plan plan;
            plan.right = right[i];
            if (i == 2 || i == 3) plan.wrong_first = {"colour_test"};
            ids.push_back(c.play(i < 4 ? c.kiosk1 : c.kiosk2, "s" + std::to_string(i), "tour", plan).id);
        }
        Plan open;
        open.right = {"route"};
        open.stop_at = "colour_test";
        ids.push_back(c.play(c.kiosk2, "s8", "tour", open).id);
    }
};

const report::ItemStats& item(const std::vector<report::ItemStats>& all, const std::string& screen) {
    for (const auto& s : all)
        if (s.screen == screen) return s;
    throw std::runtime_error("no item " + screen);
}

std::vector<std::pair<std::string, int>> counts(const std::vector<report::OptionCount>& options) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& o : options) out.emplace_back(o.value, o.count);
    return out;
}

using Counts = std::vector<std::pair<std::string, int>>;

}  // namespace

TEST_CASE("the crafted attempts score as planned") {
    CraftedClass k;
    const auto all = report::attempts(k.c.record());
    REQUIRE(all.size() == 9);
    const double ninths[] = {8, 7, 5, 4, 3, 2, 1, 0};
    for (int i = 0; i < 8; ++i) {
        CAPTURE(i);
        CHECK(all[i].id == k.ids[i]);
        CHECK(*all[i].score == doctest::Approx(ninths[i] / 9 + (i >= 3 ? 1.0 / 27 : 0.0)));
    }
    CHECK_FALSE(all[8].finished());
}

TEST_CASE("facility, first-try facility and discrimination match the hand-worked figures") {
    CraftedClass k;
    const auto items = report::item_analysis(k.c.record());

    // Every question of the tour, in lesson order; the recap is not a question.
    std::vector<std::string> order;
    for (const auto& s : items) order.push_back(s.screen);
    CHECK(order == std::vector<std::string>{"route", "concealment", "colour_test", "pairs", "chain", "border",
                                            "precursor", "find_tank", "search"});

    const auto& route = item(items, "route");
    CHECK(route.course == "sample");
    CHECK(route.lesson == "tour");
    CHECK(route.kind == "single");
    CHECK(route.responses == 9);  // the open attempt's settled answer counts
    CHECK(route.correct == 7);
    CHECK(route.facility == doctest::Approx(7.0 / 9));
    CHECK(route.first_try_correct == 7);
    CHECK(route.ranked == 8);  // but only finished attempts are ranked
    CHECK(route.group_size == 2);
    CHECK(*route.discrimination == doctest::Approx(1.0));  // upper A0, A1 right; lower A6, A7 wrong
    CHECK(counts(route.options) == Counts{{"russia", 7}, {"gulf", 2}});

    const auto& colour = item(items, "colour_test");
    CHECK(colour.kind == "truefalse");
    CHECK(colour.responses == 8);  // the open attempt's unsettled try waits
    CHECK(colour.correct == 5);
    CHECK(colour.facility == doctest::Approx(5.0 / 8));
    CHECK(colour.first_try_correct == 3);
    CHECK(colour.first_try_facility == doctest::Approx(3.0 / 8));
    CHECK(*colour.discrimination == doctest::Approx(1.0));
    CHECK(counts(colour.options) == Counts{{"false", 5}, {"true", 3}});
    CHECK(counts(colour.first_try_options) == Counts{{"true", 5}, {"false", 3}});

    const auto& border = item(items, "border");
    CHECK(border.kind == "numeric");
    CHECK(border.responses == 8);
    CHECK(border.facility == doctest::Approx(3.0 / 8));
    CHECK(*border.discrimination == doctest::Approx(0.0 - 0.5));  // weaker attempts did better
    CHECK(counts(border.options) == Counts{{"1365.0", 5}, {"1344.0", 3}});

    const auto& conceal = item(items, "concealment");
    CHECK(conceal.kind == "multiple");
    CHECK(conceal.responses == 9);  // A8 answered it (wrong) before stopping
    CHECK(conceal.facility == doctest::Approx(4.0 / 9));
    CHECK(*conceal.discrimination == doctest::Approx(1.0));
    // Each ticked id counts; equal counts are listed by value.
    CHECK(counts(conceal.options) == Counts{{"mirror", 5}, {"onions", 4}, {"tank", 4}});

    const auto& chain = item(items, "chain");
    CHECK(chain.kind == "ordering");
    CHECK(chain.correct == 3);
    CHECK(chain.facility == doctest::Approx((3 + 5.0 / 3) / 8));  // partial credit counts in facility
    CHECK(*chain.discrimination == doctest::Approx(1.0 - 1.0 / 3));
    CHECK(counts(chain.options) == Counts{{R"(["heroin","base","latex"])", 5}, {R"(["latex","base","heroin"])", 3}});

    const auto& precursor = item(items, "precursor");
    CHECK(precursor.facility == doctest::Approx(2.0 / 8));
    CHECK(*precursor.discrimination == doctest::Approx(1.0));
    CHECK(counts(precursor.options) == Counts{{"\"-\"", 6}, {"\"acetic anhydride\"", 2}});

    const auto& search = item(items, "search");
    CHECK(search.kind == "canvas");
    CHECK(search.correct == 1);
    CHECK(*search.discrimination == doctest::Approx(0.5));  // upper 1, 0; lower 0, 0
}

TEST_CASE("item analysis is the same from repeated, shuffled events") {
    CraftedClass k;
    auto record = k.c.record();
    const auto expected = report::item_analysis(record);
    record.events = report_test::shuffled_with_repeats(record.events, 11);
    const auto again = report::item_analysis(record);
    REQUIRE(again.size() == expected.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        CAPTURE(expected[i].screen);
        CHECK(again[i].screen == expected[i].screen);
        CHECK(again[i].responses == expected[i].responses);
        CHECK(again[i].facility == expected[i].facility);
        CHECK(again[i].discrimination == expected[i].discrimination);
        CHECK(counts(again[i].options) == counts(expected[i].options));
    }
}

TEST_CASE("discrimination needs two attempts in each group: six finished attempts, not five") {
    Classroom c;
    for (int i = 0; i < 5; ++i) c.play_all(i % 2 ? c.kiosk1 : c.kiosk2, "q" + std::to_string(i), "quiz", i < 3);
    auto items = report::item_analysis(c.record());
    const auto& five = item(items, "weights");  // the one screen every quiz attempt shows
    CHECK(five.ranked == 5);
    CHECK(five.group_size == 1);
    CHECK_FALSE(five.discrimination);
    CHECK(five.facility == doctest::Approx(3.0 / 5));

    c.play_all(c.kiosk1, "q5", "quiz", false);
    items = report::item_analysis(c.record());
    const auto& six = item(items, "weights");
    CHECK(six.group_size == 2);
    CHECK(*six.discrimination == doctest::Approx(1.0));  // the three right attempts lead the ranking
}

TEST_CASE("free-form answers are listed by their JSON text, the ten most chosen") {
    // Twelve finished attempts, made by hand: answer k (k = 0..11) given by k + 1 attempts, so
    // answers 11 down to 2 are the ten most chosen.
    report::ClassRecord record;
    std::int64_t seq = 0;
    int attempt = 0;
    const auto add = [&](const char* type, const std::string& id, nlohmann::json payload) {
        record.events.push_back({"kiosk-01", ++seq, type, "t1", id, 1'000 * seq, std::move(payload)});
    };
    for (int k = 0; k < 12; ++k)
        for (int copy = 0; copy <= k; ++copy) {
            const std::string id = "a" + std::to_string(attempt++);
            add("attempt_started", id, {{"course", "c"}, {"lesson", "l"}});
            add("response", id,
                {{"screen", "n"},
                 {"kind", "numeric"},
                 {"answer", k},
                 {"score", 0.0},
                 {"correct", false},
                 {"settled", true}});
            add("attempt_finished", id, {{"score", 0.0}, {"passed", false}});
        }
    const auto items = report::item_analysis(record);
    REQUIRE(items.size() == 1);
    CHECK(items[0].responses == 78);
    REQUIRE(items[0].options.size() == report::max_free_options);
    CHECK(items[0].options.front().value == "11");
    CHECK(items[0].options.front().count == 12);
    CHECK(items[0].options.back().value == "2");
    CHECK(items[0].options.back().count == 3);
    // Every attempt scored 0 on an item scored 0: no separation at all.
    CHECK(*items[0].discrimination == doctest::Approx(0.0));
}

TEST_CASE("option values per kind") {
    CHECK(report::option_values("single", "a") == std::vector<std::string>{"a"});
    CHECK(report::option_values("truefalse", false) == std::vector<std::string>{"false"});
    CHECK(report::option_values("multiple", {"a", "c"}) == std::vector<std::string>{"a", "c"});
    CHECK(report::option_values("matching", {{"x", "y"}}) == std::vector<std::string>{R"({"x":"y"})"});
    CHECK(report::option_values("text_entry", "героин") == std::vector<std::string>{"\"героин\""});
}
