// The sync layer's cryptography: sealing, key agreement, pairing codes and proofs.
#include <doctest/doctest.h>

#include "sync/crypto.hpp"

using namespace cbt::sync;

TEST_CASE("kiosk and host derive matching session keys, and sealed messages open only with the right key") {
    const KeyPair host = KeyPair::generate(), kiosk = KeyPair::generate(), other = KeyPair::generate();
    const auto k = kiosk_session_keys(kiosk, host.public_hex);
    const auto h = host_session_keys(host, kiosk.public_hex);
    REQUIRE(k);
    REQUIRE(h);
    CHECK(k->send == h->receive);
    CHECK(k->receive == h->send);
    CHECK(k->send != k->receive);

    const std::string sealed = seal(k->send, "{\"counter\":1}");
    CHECK(sealed.find("counter") == std::string::npos);   // not readable on the wire
    CHECK(open(h->receive, sealed) == "{\"counter\":1}");
    CHECK_FALSE(open(h->send, sealed));   // the other direction's key

    std::string tampered = sealed;
    tampered[tampered.size() / 2] ^= 1;
    CHECK_FALSE(open(h->receive, tampered));
    CHECK_FALSE(open(h->receive, sealed.substr(0, 30)));
    CHECK_FALSE(open(h->receive, ""));

    const auto impostor = kiosk_session_keys(other, host.public_hex);
    CHECK_FALSE(open(h->receive, seal(impostor->send, "{\"counter\":1}")));
    CHECK(seal(k->send, "x") != seal(k->send, "x"));   // a fresh nonce each time
}

TEST_CASE("malformed keys are refused rather than used") {
    const KeyPair host = KeyPair::generate();
    CHECK_FALSE(kiosk_session_keys({"zz", "zz"}, host.public_hex));
    CHECK_FALSE(host_session_keys(host, "abcd"));
    CHECK_FALSE(from_hex("0g", 1));
    CHECK(from_hex("ff00", 2) == std::string("\xff\x00", 2));
}

TEST_CASE("the short code is six digits, the same on both sides, and changes with either key") {
    const KeyPair host = KeyPair::generate(), kiosk = KeyPair::generate(), other = KeyPair::generate();
    const std::string code = short_code(host.public_hex, kiosk.public_hex);
    CHECK(code.size() == 6);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);
    CHECK(short_code(host.public_hex, kiosk.public_hex) == code);
    CHECK(short_code(host.public_hex, other.public_hex) != code);
    CHECK(short_code(other.public_hex, kiosk.public_hex) != code);
}

TEST_CASE("a pairing proof binds the code to the device and its key") {
    const KeyPair kiosk = KeyPair::generate();
    const std::string proof = pairing_proof("4711", "dev-1", kiosk.public_hex);
    CHECK(proofs_equal(proof, pairing_proof("4711", "dev-1", kiosk.public_hex)));
    CHECK_FALSE(proofs_equal(proof, pairing_proof("4712", "dev-1", kiosk.public_hex)));
    CHECK_FALSE(proofs_equal(proof, pairing_proof("4711", "dev-2", kiosk.public_hex)));
    CHECK_FALSE(proofs_equal(proof, pairing_proof("4711", "dev-1", KeyPair::generate().public_hex)));
    CHECK_FALSE(proofs_equal(proof, proof.substr(1)));
}
