// SHA-256 against the standard's published test vectors.
#include <doctest/doctest.h>

#include "base/sha256.hpp"

using cbt::base::Sha256;
using cbt::base::sha256_hex;

TEST_CASE("sha256 of the empty string and of abc match the published vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256 fed in pieces equals the one-shot digest") {
    Sha256 hash;
    hash.update("abcdbcdecdefdefgefghfghighij");
    hash.update("hijkijkljklmklmnlmnomnopnopq");
    CHECK(hash.hex_digest() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK_THROWS_AS(hash.hex_digest(), std::logic_error);
}
