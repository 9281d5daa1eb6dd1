// Time as the engine sees it: wall-clock milliseconds for journal timestamps and a monotonic
// clock for durations. Passed in as an interface so tests can set the time.
#pragma once
#include <cstdint>

namespace cbt::base {

class Clock {
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch (may jump when the operator sets the clock).
    virtual std::int64_t wall_ms() const = 0;
    // Milliseconds from an arbitrary origin that never goes backwards.
    virtual std::int64_t steady_ms() const = 0;
};

// The real clocks of this machine.
class SystemClock final : public Clock {
public:
    std::int64_t wall_ms() const override;
    std::int64_t steady_ms() const override;
};

// A clock that moves only when told to; both readings advance together.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t start_wall_ms = 1'700'000'000'000) : wall_(start_wall_ms) {}
    std::int64_t wall_ms() const override { return wall_; }
    std::int64_t steady_ms() const override { return steady_; }
    // Moves both readings forward.
    void advance_ms(std::int64_t ms) { wall_ += ms; steady_ += ms; }

private:
    std::int64_t wall_;
    std::int64_t steady_ = 0;
};

}  // namespace cbt::base
