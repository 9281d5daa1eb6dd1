// Tolerant readers for event payload fields, shared by the report sources. Payloads come from
// kiosks; a missing or mistyped field reads as the fallback instead of stopping a whole report.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "base/text.hpp"

namespace cbt::report::detail {

// A string field, or "" when missing or not a string.
inline std::string text_field(const nlohmann::json& payload, const char* name) {
    if (!payload.is_object()) return {};
    const auto it = payload.find(name);
    return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A numeric field, or the fallback.
inline double number_field(const nlohmann::json& payload, const char* name, double fallback) {
    if (!payload.is_object()) return fallback;
    const auto it = payload.find(name);
    return it != payload.end() && it->is_number() ? it->get<double>() : fallback;
}

// A boolean field, or the fallback.
inline bool flag_field(const nlohmann::json& payload, const char* name, bool fallback) {
    if (!payload.is_object()) return fallback;
    const auto it = payload.find(name);
    return it != payload.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

// Any field as it stands, or null.
inline nlohmann::json json_field(const nlohmann::json& payload, const char* name) {
    if (!payload.is_object()) return nullptr;
    const auto it = payload.find(name);
    return it != payload.end() ? *it : nlohmann::json();
}

// A value's JSON text. Malformed UTF-8 in a kiosk's strings becomes U+FFFD rather than an
// exception that would stop the whole report.
inline std::string json_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The string itself when it is well-formed UTF-8, else with bad bytes replaced by U+FFFD: JSON
// output must be valid UTF-8 or serialising it throws.
inline std::string valid_utf8(const std::string& text) {
    return base::is_valid_utf8(text) ? text : base::encode_utf8(base::decode_utf8(text));
}

}  // namespace cbt::report::detail
