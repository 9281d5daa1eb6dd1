// xoshiro256** seeded through splitmix64, as its authors recommend; bounded integers by
// rejection so every value is equally likely on every machine.
#include "course/random.hpp"

#include <stdexcept>

namespace cbt::course {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
    for (auto& word : s_) word = splitmix64(seed);
}

Rng Rng::for_purpose(std::uint64_t attempt_seed, std::string_view purpose) {
    std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a over the purpose
    for (unsigned char c : purpose) {
        h ^= c;
        h *= 0x100000001B3ull;
    }
    std::uint64_t mix = attempt_seed ^ rotl(h, 17);
    return Rng(splitmix64(mix) ^ h);
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::int64_t Rng::between(std::int64_t low, std::int64_t high) {
    if (low > high) throw std::invalid_argument("random range is empty");
    const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    if (span == UINT64_MAX) return static_cast<std::int64_t>(next());
    const std::uint64_t n = span + 1;
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
    std::uint64_t x;
    do x = next();
    while (x >= limit);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + x % n);
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

}  // namespace cbt::course
