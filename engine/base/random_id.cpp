// Random ids over libsodium's randombytes.
#include "base/random_id.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace cbt::base {
namespace {
void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

std::string random_hex(std::size_t bytes) {
    ensure_sodium();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

std::uint64_t random_u64() {
    ensure_sodium();
    std::uint64_t value = 0;
    randombytes_buf(&value, sizeof value);
    return value;
}

}  // namespace cbt::base
