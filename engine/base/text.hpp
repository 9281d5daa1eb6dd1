// UTF-8 text helpers shared by the layers: decoding, case folding for answer comparison.
// Folding covers Latin, Cyrillic (with the Kazakh, Kyrgyz, Tajik and Uzbek letters) and Greek.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cbt::base {

// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

// Decodes UTF-8 into code points; malformed bytes become U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

// Encodes code points as UTF-8.
std::string encode_utf8(const std::vector<char32_t>& code_points);

// Lower-cases one code point (simple one-to-one mapping).
char32_t to_lower(char32_t code_point);

// The form two typed answers are compared in: lower case, "ё" read as "е", whitespace runs
// collapsed to one space, leading and trailing whitespace dropped.
std::string fold_for_comparison(std::string_view text);

// Number of code points, for display widths and limits.
std::size_t utf8_length(std::string_view text);

}  // namespace cbt::base
