// Unpredictable identifiers and seeds from the operating system's generator (via libsodium).
#pragma once
#include <cstdint>
#include <string>

namespace cbt::base {

// `bytes` random bytes as lower-case hex (32 characters for the default 16 bytes).
std::string random_hex(std::size_t bytes = 16);
// A random 64-bit value, e.g. a new attempt's seed.
std::uint64_t random_u64();

}  // namespace cbt::base
