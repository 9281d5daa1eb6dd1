// SHA-256 digests for content addressing (course hashes, packages).
// A thin wrapper over libsodium so no other file needs its headers.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cbt::base {

// Incremental SHA-256; feed bytes with update(), read the digest once with hex_digest().
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    // Adds bytes to the digest.
    void update(std::string_view bytes);
    // Finishes and returns the 64-character lower-case hex digest; the object is spent afterwards.
    std::string hex_digest();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// One-shot digest of a byte string, as lower-case hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace cbt::base
