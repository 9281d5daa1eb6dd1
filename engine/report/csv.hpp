// CSV as RFC 4180 writes it, for exports and roster files: fields quoted only when they hold a
// comma, a quote, a line break or edge spaces; lines end in CRLF. Text is UTF-8 and passed through.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cbt::report {

// One field, quoted and its quotes doubled when it needs it.
std::string csv_field(std::string_view value);

// One record: fields joined by commas, ended by CRLF.
std::string csv_record(const std::vector<std::string>& fields);

// Reads CSV text into records. Takes CRLF or LF line ends, a leading UTF-8 byte order mark and a
// missing final line end; throws std::invalid_argument naming the line for a stray or unclosed quote.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

}  // namespace cbt::report
