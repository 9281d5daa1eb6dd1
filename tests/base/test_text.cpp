// Answer folding: case, whitespace and ё/е, in Latin and Cyrillic.
#include <doctest/doctest.h>

#include "base/text.hpp"

using namespace cbt::base;

TEST_CASE("folding lower-cases Latin and Cyrillic and collapses spaces") {
    CHECK(fold_for_comparison("  Heroin   Base ") == "heroin base");
    CHECK(fold_for_comparison("ГЕРОИН") == "героин");
    CHECK(fold_for_comparison("Ёлка") == "елка");
    CHECK(fold_for_comparison("ЎЗБЕКИСТОН") == "ўзбекистон");
    CHECK(fold_for_comparison("ҚАЗАҚСТАН") == "қазақстан");
    CHECK(fold_for_comparison("Acetic\tANHYDRIDE\n") == "acetic anhydride");
    CHECK(fold_for_comparison("   ").empty());
}

TEST_CASE("folding keeps different words different") {
    CHECK(fold_for_comparison("опий") != fold_for_comparison("опиум"));
    CHECK(fold_for_comparison("heroin") != fold_for_comparison("heroine"));
}

TEST_CASE("UTF-8 validation rejects malformed bytes and accepts Cyrillic") {
    CHECK(is_valid_utf8("Таможня"));
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
    CHECK_FALSE(is_valid_utf8("abc\xD0"));       // cut short
    CHECK(utf8_length("Таможня") == 7);
}
