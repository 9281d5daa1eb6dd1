// libsodium calls behind the sync layer's small crypto interface.
#include "sync/crypto.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

#include "base/sha256.hpp"

namespace cbt::sync {

namespace {

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

bool key_from_hex(const std::string& hex, unsigned char* out, std::size_t size) {
    const auto bytes = from_hex(hex, size);
    if (!bytes) return false;
    std::copy(bytes->begin(), bytes->end(), out);
    return true;
}

}  // namespace

std::string to_hex(std::string_view bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    out.pop_back();
    return out;
}

std::optional<std::string> from_hex(std::string_view hex, std::size_t expected_bytes) {
    if (hex.size() != expected_bytes * 2) return std::nullopt;
    std::string out(expected_bytes, '\0');
    std::size_t written = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr,
                       &written, nullptr) != 0 ||
        written != expected_bytes)
        return std::nullopt;
    return out;
}

std::string to_base64(std::string_view bytes) {
    ensure_sodium();
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), variant);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> from_base64(std::string_view text) {
    ensure_sodium();
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t written = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &written, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(written);
    return out;
}

KeyPair KeyPair::generate() {
    ensure_sodium();
    unsigned char pk[crypto_kx_PUBLICKEYBYTES], sk[crypto_kx_SECRETKEYBYTES];
    crypto_kx_keypair(pk, sk);
    KeyPair pair{to_hex({reinterpret_cast<char*>(pk), sizeof pk}), to_hex({reinterpret_cast<char*>(sk), sizeof sk})};
    sodium_memzero(sk, sizeof sk);
    return pair;
}

std::optional<SessionKeys> kiosk_session_keys(const KeyPair& kiosk, const std::string& host_public_hex) {
    ensure_sodium();
    unsigned char pk[crypto_kx_PUBLICKEYBYTES], sk[crypto_kx_SECRETKEYBYTES], server[crypto_kx_PUBLICKEYBYTES];
    if (!key_from_hex(kiosk.public_hex, pk, sizeof pk) || !key_from_hex(kiosk.secret_hex, sk, sizeof sk) ||
        !key_from_hex(host_public_hex, server, sizeof server))
        return std::nullopt;
    SessionKeys keys;
    const int rc = crypto_kx_client_session_keys(keys.receive.data(), keys.send.data(), pk, sk, server);
    sodium_memzero(sk, sizeof sk);
    if (rc != 0) return std::nullopt;   // the host's key is not a valid curve point
    return keys;
}

std::optional<SessionKeys> host_session_keys(const KeyPair& host, const std::string& kiosk_public_hex) {
    ensure_sodium();
    unsigned char pk[crypto_kx_PUBLICKEYBYTES], sk[crypto_kx_SECRETKEYBYTES], client[crypto_kx_PUBLICKEYBYTES];
    if (!key_from_hex(host.public_hex, pk, sizeof pk) || !key_from_hex(host.secret_hex, sk, sizeof sk) ||
        !key_from_hex(kiosk_public_hex, client, sizeof client))
        return std::nullopt;
    SessionKeys keys;
    const int rc = crypto_kx_server_session_keys(keys.receive.data(), keys.send.data(), pk, sk, client);
    sodium_memzero(sk, sizeof sk);
    if (rc != 0) return std::nullopt;
    return keys;
}

std::string seal(const std::array<unsigned char, 32>& key, std::string_view plaintext) {
    ensure_sodium();
    std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                          plaintext.size(), nonce, key.data());
    return out;
}

std::optional<std::string> open(const std::array<unsigned char, 32>& key, std::string_view sealed) {
    ensure_sodium();
    if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
    const auto* box = nonce + crypto_secretbox_NONCEBYTES;
    const std::size_t box_size = sealed.size() - crypto_secretbox_NONCEBYTES;
    std::string plain(box_size - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), box, box_size, nonce, key.data()) != 0)
        return std::nullopt;
    return plain;
}

std::string short_code(const std::string& host_public_hex, const std::string& kiosk_public_hex) {
    const std::string digest = base::sha256_hex("cbt-pairing-code:" + host_public_hex + ":" + kiosk_public_hex);
    const unsigned long value = std::stoul(digest.substr(0, 8), nullptr, 16) % 1'000'000;
    std::string code = std::to_string(value);
    return std::string(6 - code.size(), '0') + code;
}

std::string pairing_proof(const std::string& pairing_code, const std::string& device_id, const std::string& public_hex) {
    ensure_sodium();
    const std::string key_hex = base::sha256_hex("cbt-pairing-key:" + pairing_code);
    const auto key = from_hex(key_hex, 32);
    const std::string message = device_id + ":" + public_hex;
    unsigned char mac[32];
    crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key->data()), key->size());
    return to_hex({reinterpret_cast<char*>(mac), sizeof mac});
}

bool proofs_equal(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cbt::sync
