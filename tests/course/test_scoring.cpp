// Built-in scoring of every question kind, including partial credit and Cyrillic text answers.
#include <doctest/doctest.h>

#include "course/scoring.hpp"

using namespace cbt::course;

namespace {

Screen choices(ScreenKind kind, std::vector<std::string> ids, std::vector<std::string> correct) {
    Screen s;
    s.id = "q";
    s.kind = kind;
    for (auto& id : ids) s.choices.push_back({id, LocalText(id), LocalText("feedback " + id)});
    s.correct_ids = std::move(correct);
    return s;
}

}  // namespace

TEST_CASE("single choice scores 1 for the key and 0 otherwise, with the picked choice's feedback") {
    const Screen s = choices(ScreenKind::SingleChoice, {"a", "b", "c"}, {"b"});
    CHECK(score_builtin(s, ChoiceAnswer{"b"}).score == 1);
    CHECK(score_builtin(s, ChoiceAnswer{"b"}).correct);
    const ItemScore wrong = score_builtin(s, ChoiceAnswer{"c"});
    CHECK(wrong.score == 0);
    CHECK_FALSE(wrong.correct);
    REQUIRE(wrong.feedback.size() == 1);
    CHECK(wrong.feedback[0].in("en") == "feedback c");
    CHECK_THROWS_AS(score_builtin(s, FlagAnswer{true}), std::invalid_argument);
}

TEST_CASE("multiple choice gives (right - wrong) / right picks, never below zero") {
    Screen s = choices(ScreenKind::MultipleChoice, {"a", "b", "c", "d"}, {"a", "b", "c"});
    CHECK(score_builtin(s, ChoicesAnswer{{"a", "b", "c"}}).score == doctest::Approx(1));
    CHECK(score_builtin(s, ChoicesAnswer{{"a", "b"}}).score == doctest::Approx(2.0 / 3));
    CHECK(score_builtin(s, ChoicesAnswer{{"a", "b", "d"}}).score == doctest::Approx(1.0 / 3));
    CHECK(score_builtin(s, ChoicesAnswer{{"a", "d"}}).score == doctest::Approx(0));
    CHECK(score_builtin(s, ChoicesAnswer{{"d"}}).score == 0);
    CHECK(score_builtin(s, ChoicesAnswer{{"a", "a", "a"}}).score == doctest::Approx(1.0 / 3));  // repeats count once
    s.partial_credit = false;
    CHECK(score_builtin(s, ChoicesAnswer{{"a", "b"}}).score == 0);
    CHECK(score_builtin(s, ChoicesAnswer{{"c", "b", "a"}}).score == 1);
}

TEST_CASE("true/false compares the flag") {
    Screen s;
    s.kind = ScreenKind::TrueFalse;
    s.correct_flag = false;
    CHECK(score_builtin(s, FlagAnswer{false}).correct);
    CHECK(score_builtin(s, FlagAnswer{true}).score == 0);
}

TEST_CASE("matching scores the share of pairs matched right") {
    Screen s;
    s.kind = ScreenKind::Matching;
    for (const char* id : {"x", "y", "z", "w"}) s.pairs.push_back({id, LocalText(id), LocalText(id)});
    CHECK(score_builtin(s, PairsAnswer{{{"x", "x"}, {"y", "y"}, {"z", "z"}, {"w", "w"}}}).correct);
    CHECK(score_builtin(s, PairsAnswer{{{"x", "x"}, {"y", "y"}, {"z", "w"}, {"w", "z"}}}).score == doctest::Approx(0.5));
    CHECK(score_builtin(s, PairsAnswer{{{"x", "x"}}}).score == doctest::Approx(0.25));
    s.partial_credit = false;
    CHECK(score_builtin(s, PairsAnswer{{{"x", "x"}, {"y", "y"}, {"z", "w"}, {"w", "z"}}}).score == 0);
}

TEST_CASE("ordering scores the share of items in their right place") {
    Screen s;
    s.kind = ScreenKind::Ordering;
    s.correct_order = {"a", "b", "c", "d"};
    CHECK(score_builtin(s, OrderAnswer{{"a", "b", "c", "d"}}).correct);
    CHECK(score_builtin(s, OrderAnswer{{"a", "b", "d", "c"}}).score == doctest::Approx(0.5));
    CHECK(score_builtin(s, OrderAnswer{{"d", "c", "b", "a"}}).score == 0);
    CHECK(score_builtin(s, OrderAnswer{{"a", "b"}}).score == doctest::Approx(0.5));
    s.partial_credit = false;
    CHECK(score_builtin(s, OrderAnswer{{"a", "b", "d", "c"}}).score == 0);
}

TEST_CASE("numeric accepts answers within the tolerance only") {
    Screen s;
    s.kind = ScreenKind::Numeric;
    s.number = 1344;
    s.tolerance = 10;
    CHECK(score_builtin(s, NumberAnswer{1344}).correct);
    CHECK(score_builtin(s, NumberAnswer{1354}).correct);
    CHECK(score_builtin(s, NumberAnswer{1333.9}).score == 0);
    CHECK(score_builtin(s, NumberAnswer{std::nan("")}).score == 0);
    s.number = 0.1 + 0.2;
    s.tolerance = 0;
    CHECK(score_builtin(s, NumberAnswer{0.3}).correct);  // exact keys survive floating-point rounding
}

TEST_CASE("short text ignores case, spacing and ё/е, in Latin and Cyrillic") {
    Screen s;
    s.kind = ScreenKind::ShortText;
    s.accepted = {"acetic anhydride", "уксусный ангидрид", "Ёмкость"};
    CHECK(score_builtin(s, TextAnswer{"  Acetic   ANHYDRIDE "}).correct);
    CHECK(score_builtin(s, TextAnswer{"УКСУСНЫЙ Ангидрид"}).correct);
    CHECK(score_builtin(s, TextAnswer{"емкость"}).correct);
    CHECK(score_builtin(s, TextAnswer{"acetic"}).score == 0);
    CHECK(score_builtin(s, TextAnswer{""}).score == 0);
}

TEST_CASE("hotspot maps clicks to regions; clicks outside every region count as wrong picks") {
    Screen s;
    s.kind = ScreenKind::Hotspot;
    s.regions.push_back({"tank", Region::Rect{470, 175, 60, 30}, {}, LocalText("well found")});
    s.regions.push_back({"wheel", Region::Circle{150, 220, 42}, {}, {}});
    s.regions.push_back({"cabin", Region::Polygon{{{150, 110}, {210, 50}, {400, 50}, {460, 110}}}, {}, {}});
    s.correct_ids = {"tank", "wheel"};
    CHECK(region_at(s, {300, 80}) == "cabin");
    CHECK(region_at(s, {155, 225}) == "wheel");
    CHECK(region_at(s, {10, 10}).empty());
    const ItemScore both = score_builtin(s, PointsAnswer{{{500, 190}, {150, 220}}});
    CHECK(both.correct);
    REQUIRE(both.feedback.size() == 1);
    CHECK(both.feedback[0].in("en") == "well found");
    CHECK(score_builtin(s, PointsAnswer{{{500, 190}}}).score == doctest::Approx(0.5));
    CHECK(score_builtin(s, PointsAnswer{{{500, 190}, {10, 10}}}).score == doctest::Approx(0));
    CHECK(score_builtin(s, PointsAnswer{{{300, 80}}}).score == 0);
}

TEST_CASE("canvas and info screens have no built-in rule") {
    Screen s;
    s.kind = ScreenKind::Canvas;
    CHECK_THROWS_AS(score_builtin(s, ClicksAnswer{}), std::invalid_argument);
}

TEST_CASE("answers round-trip through their JSON form") {
    const std::vector<std::pair<ScreenKind, Response>> cases = {
        {ScreenKind::SingleChoice, ChoiceAnswer{"a"}},
        {ScreenKind::MultipleChoice, ChoicesAnswer{{"a", "c"}}},
        {ScreenKind::TrueFalse, FlagAnswer{true}},
        {ScreenKind::Matching, PairsAnswer{{{"l", "r"}}}},
        {ScreenKind::Ordering, OrderAnswer{{"b", "a"}}},
        {ScreenKind::Numeric, NumberAnswer{12.5}},
        {ScreenKind::ShortText, TextAnswer{"героин"}},
        {ScreenKind::Hotspot, PointsAnswer{{{1, 2}, {3.5, 4}}}},
        {ScreenKind::Canvas, ClicksAnswer{{"boot", "spare"}}},
    };
    for (const auto& [kind, response] : cases) {
        CAPTURE(kind_name(kind));
        const auto json = response_to_json(response);
        CHECK(response_to_json(response_from_json(kind, json)) == json);
        CHECK(response_fits(kind, response));
    }
    CHECK_THROWS_AS(response_from_json(ScreenKind::Numeric, "12"), std::invalid_argument);
    CHECK_THROWS_AS(response_from_json(ScreenKind::Hotspot, nlohmann::json::array({1, 2})), std::invalid_argument);
}
