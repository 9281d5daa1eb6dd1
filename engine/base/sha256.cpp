// SHA-256 over libsodium's crypto_hash_sha256 streaming API.
#include "base/sha256.hpp"

#include <sodium.h>

#include <stdexcept>

namespace cbt::base {

struct Sha256::State {
    crypto_hash_sha256_state sodium_state;
    bool finished = false;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    crypto_hash_sha256_init(&state_->sodium_state);
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    if (state_->finished) throw std::logic_error("Sha256::update after hex_digest");
    crypto_hash_sha256_update(&state_->sodium_state, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
}

std::string Sha256::hex_digest() {
    if (state_->finished) throw std::logic_error("Sha256::hex_digest called twice");
    state_->finished = true;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_->sodium_state, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return hash.hex_digest();
}

}  // namespace cbt::base
