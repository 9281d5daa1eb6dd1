// The CSV writer and a strict reader. The reader refuses malformed quoting rather than guessing,
// so a damaged roster file is reported instead of imported with shifted columns.
#include "report/csv.hpp"

#include <stdexcept>

namespace cbt::report {

std::string csv_field(std::string_view value) {
    const bool edge_space = !value.empty() && (value.front() == ' ' || value.back() == ' ');
    // Some readers trim unquoted edge spaces; quoting keeps them.
    if (!edge_space && value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
    return out;
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    std::size_t line = 1;
    std::size_t i = 0;
    const auto fail = [&](const char* what) {
        throw std::invalid_argument("CSV line " + std::to_string(line) + ": " + what);
    };
    const auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        records.push_back(std::move(record));
        record.clear();
    };
    while (i < text.size()) {
        // At the start of a field.
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) fail("a quoted field is not closed");
                const char c = text[i++];
                if (c == '"') {
                    if (i < text.size() && text[i] == '"') {
                        field += '"';
                        ++i;
                        continue;
                    }
                    break;
                }
                if (c == '\n') ++line;
                field += c;
            }
            if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                fail("text after a closing quote");
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"') fail("a quote inside an unquoted field");
                field += text[i++];
            }
        }
        // At the end of a field.
        if (i >= text.size()) {
            end_record();
        } else if (text[i] == ',') {
            ++i;
            record.push_back(std::move(field));
            field.clear();
            if (i == text.size()) end_record();  // a trailing comma: one more, empty field
        } else {
            if (text[i] == '\r') {
                ++i;
                if (i < text.size() && text[i] != '\n') fail("a carriage return without a line feed");
            }
            if (i < text.size()) ++i;  // the '\n'
            end_record();
            ++line;
        }
    }
    return records;
}

}  // namespace cbt::report
