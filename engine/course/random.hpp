// The runtime's only source of randomness: a small seeded generator (xoshiro256**), seeded per
// purpose from the attempt's seed so each screen draws the same numbers however the trainee
// moved through the lesson before it.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace cbt::course {

class Rng {
public:
    explicit Rng(std::uint64_t seed);
    // A generator for one purpose ("pool:final", "screen:q3") derived from an attempt seed.
    static Rng for_purpose(std::uint64_t attempt_seed, std::string_view purpose);

    std::uint64_t next();
    // Uniform integer in [low, high]; requires low <= high.
    std::int64_t between(std::int64_t low, std::int64_t high);
    // Uniform double in [0, 1).
    double unit();

    // Fisher-Yates shuffle.
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            const auto j = static_cast<std::size_t>(between(0, static_cast<std::int64_t>(i) - 1));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    std::uint64_t s_[4];
};

}  // namespace cbt::course
