// The sync layer's cryptography, all from libsodium: X25519 key exchange (crypto_kx) gives each
// paired kiosk and the host two session keys, and every request and reply is sealed with
// XSalsa20-Poly1305 (crypto_secretbox) under them. Nothing here is home-made crypto.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace cbt::sync {

// A key-exchange key pair; the secret half never leaves the machine that made it.
struct KeyPair {
    std::string public_hex;   // 64 hex characters
    std::string secret_hex;   // 64 hex characters

    // A fresh pair from the system's random generator.
    static KeyPair generate();
};

// The two keys one side uses with the other: `send` seals what it sends, `receive` opens what
// it receives. The kiosk's send key is the host's receive key and the other way round.
struct SessionKeys {
    std::array<unsigned char, 32> send{};
    std::array<unsigned char, 32> receive{};
};

// Session keys of a kiosk (the key-exchange client) talking to the host.
std::optional<SessionKeys> kiosk_session_keys(const KeyPair& kiosk, const std::string& host_public_hex);
// Session keys of the host (the key-exchange server) talking to one kiosk.
std::optional<SessionKeys> host_session_keys(const KeyPair& host, const std::string& kiosk_public_hex);

// Seals a message: a random 24-byte nonce followed by the authenticated ciphertext.
std::string seal(const std::array<unsigned char, 32>& key, std::string_view plaintext);
// Opens a sealed message; nullopt when it was altered, truncated or sealed with another key.
std::optional<std::string> open(const std::array<unsigned char, 32>& key, std::string_view sealed);

// Six digits both screens show while pairing, derived from both public keys: if a machine in
// the middle swapped keys, the instructor sees two different codes.
std::string short_code(const std::string& host_public_hex, const std::string& kiosk_public_hex);

// Proof that a kiosk knows the classroom's pairing code, bound to its identity and key
// (keyed BLAKE2b via crypto_generichash, the code stretched with SHA-256 first).
std::string pairing_proof(const std::string& pairing_code, const std::string& device_id, const std::string& public_hex);
// Compares two proofs in constant time.
bool proofs_equal(const std::string& a, const std::string& b);

// Standard base64 of bytes, and back (nullopt for malformed input).
std::string to_base64(std::string_view bytes);
std::optional<std::string> from_base64(std::string_view text);

// Lower-case hex of bytes, and back (nullopt for malformed hex or the wrong length).
std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex, std::size_t expected_bytes);

}  // namespace cbt::sync
