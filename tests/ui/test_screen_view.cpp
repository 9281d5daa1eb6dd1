// Screen functions that need no window: reading typed numbers as trainees write them (decimal comma,
// spaces between thousands) and writing them back per language.
#include <doctest/doctest.h>

#include "ui/screen_view.hpp"

using cbt::ui::format_number;
using cbt::ui::parse_number;

TEST_CASE("typed numbers accept a decimal comma or point and spaces") {
    CHECK(parse_number("1344") == 1344.0);
    CHECK(parse_number("1 344,5") == 1344.5);
    CHECK(parse_number(" 2.25 ") == 2.25);
    CHECK(parse_number("-7") == -7.0);
    CHECK(parse_number("+7") == 7.0);
    CHECK_FALSE(parse_number(""));
    CHECK_FALSE(parse_number("1,2,3"));
    CHECK_FALSE(parse_number("12a"));
    CHECK_FALSE(parse_number("-"));
}

TEST_CASE("numbers are written with the language's decimal mark") {
    CHECK(format_number(1344.5, "en") == "1344.5");
    CHECK(format_number(1344.5, "ru") == "1344,5");
    CHECK(format_number(7, "ru") == "7");
}
