// Event encoding for the wire, with the checks a host applies to what a kiosk sends.
#include "sync/protocol.hpp"

#include <stdexcept>

#include "base/text.hpp"

namespace cbt::sync {
using nlohmann::json;

json event_to_json(const store::Event& e) {
    return {{"device_id", e.device_id}, {"seq", e.seq},         {"type", e.type},      {"learner", e.learner},
            {"attempt", e.attempt},     {"at_ms", e.at_ms},     {"payload", e.payload}};
}

namespace {

std::string text_field(const json& j, const char* name, std::size_t max, bool required) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) {
        if (required) throw std::invalid_argument(std::string("an event has no '") + name + "'");
        return {};
    }
    if (!it->is_string()) throw std::invalid_argument(std::string("an event's '") + name + "' is not text");
    const std::string value = it->get<std::string>();
    if (value.size() > max || !base::is_valid_utf8(value))
        throw std::invalid_argument(std::string("an event's '") + name + "' is too long or not UTF-8");
    return value;
}

std::int64_t integer_field(const json& j, const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_number_integer())
        throw std::invalid_argument(std::string("an event's '") + name + "' is not a whole number");
    return it->get<std::int64_t>();
}

}  // namespace

store::Event event_from_json(const json& j) {
    if (!j.is_object()) throw std::invalid_argument("an event is not a JSON object");
    store::Event e;
    e.device_id = text_field(j, "device_id", 64, true);
    e.seq = integer_field(j, "seq");
    if (e.seq < 1) throw std::invalid_argument("an event's seq must be 1 or more");
    e.type = text_field(j, "type", 64, true);
    if (e.type.empty()) throw std::invalid_argument("an event has an empty type");
    e.learner = text_field(j, "learner", 128, false);
    e.attempt = text_field(j, "attempt", 128, false);
    e.at_ms = integer_field(j, "at_ms");
    const auto payload = j.find("payload");
    if (payload == j.end() || !payload->is_object()) throw std::invalid_argument("an event's payload is not an object");
    e.payload = *payload;
    if (e.payload.dump().size() > max_event_bytes) throw std::invalid_argument("an event's payload is too large");
    return e;
}

json error_json(const ProtocolError& error) {
    return {{"error", error.code}, {"message", error.message}, {"protocol", protocol_version}};
}

}  // namespace cbt::sync
