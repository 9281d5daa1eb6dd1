// The classroom sync protocol, version 1: names, limits and the JSON form of events shared by
// the host and the kiosks. docs/sync-protocol.md describes every message.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "store/journal.hpp"

namespace cbt::sync {

inline constexpr int protocol_version = 1;

// HTTP headers on every request.
inline constexpr const char* header_protocol = "X-CBT-Protocol";
inline constexpr const char* header_device = "X-CBT-Device";

// Hard limits; a request over them is refused with 413 or 429 and changes nothing.
inline constexpr std::size_t max_body_bytes = 4u << 20;
inline constexpr std::size_t max_batch_events = 500;
inline constexpr std::size_t max_event_bytes = 64u << 10;
inline constexpr std::size_t max_history_events = 5000;
inline constexpr int max_requests_per_second = 20;
inline constexpr std::size_t package_chunk_bytes = 512u << 10;   // per reply, so a download resumes often

// An error a host returns: the HTTP status and a sentence for the person at the kiosk.
struct ProtocolError {
    int status = 400;
    std::string code;      // machine-readable: "protocol", "unpaired", "replayed", ...
    std::string message;
};

nlohmann::json event_to_json(const store::Event& event);
// Reads an event; throws std::invalid_argument naming the field that is wrong.
store::Event event_from_json(const nlohmann::json& json);

// The body of an error reply.
nlohmann::json error_json(const ProtocolError& error);

}  // namespace cbt::sync
