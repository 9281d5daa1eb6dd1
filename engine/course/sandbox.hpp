// A Lua 5.4 state for untrusted course code: whitelisted libraries only, text chunks only, an
// instruction budget and a wall-clock deadline per call, and a memory cap for the whole state.
//
// The memory cap and the budget apply only inside load() and call(); between calls the engine
// reads script data with raw Lua calls that must not fail half-way through C++ code.
// Surprises worth knowing: a stopped call cannot be caught by the script's own pcall/xpcall or
// coroutine.resume (the stop is re-raised); the string metatable is locked and points at the
// sandbox's string table; functions that run long inside C (pattern matching, string.rep,
// table.move, table.sort) are replaced by bounded versions; __gc metamethods are refused because
// hooks do not run inside finalizers.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "course/problem.hpp"

struct lua_State;
struct lua_Debug;

namespace cbt::course {

class Rng;

struct SandboxLimits {
    std::size_t memory_bytes = 64u << 20;                  // whole state
    std::uint64_t instructions_per_call = 200'000'000;     // Lua VM instructions per call
    std::chrono::milliseconds time_per_call{1000};         // wall-clock per call
};

// Why the running call was stopped (None while it may continue).
enum class StopReason { None, Instructions, Time, Memory };

class Sandbox {
public:
    explicit Sandbox(SandboxLimits limits = {});
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    lua_State* state() const { return L_; }
    const SandboxLimits& limits() const { return limits_; }

    // Compiles text source (binary chunks and text that is not UTF-8 are refused) with the sandbox's globals as its
    // environment and pushes the function. `file` is the course-relative name used in messages.
    void load(std::string_view source, const std::string& file);
    // Calls the function below `nargs` arguments on the stack under the budget, leaving
    // `nresults` results. On failure pops everything it was given and throws CourseError;
    // `file` and `fallback_line` locate errors that carry no position of their own.
    void call(int nargs, int nresults, const std::string& file, int fallback_line = 0);

    // Pushes the globals table scripts see.
    void push_globals();
    // Bytes the state holds now.
    std::size_t memory_used() const { return memory_used_; }

    // Where print() output goes (authors' debugging); dropped when unset.
    void set_print_sink(std::function<void(const std::string&)> sink) { print_sink_ = std::move(sink); }
    // The generator math.random draws from during the next calls; nullptr makes it an error.
    void set_rng(Rng* rng) { rng_ = rng; }

    // --- for the library functions in course/lua/ ---
    static Sandbox& of(lua_State* L);
    StopReason stop_reason() const { return stop_; }
    // Marks the running call as stopped for good after a memory error, so no script-level
    // pcall can swallow it.
    void note_memory_error() { stop_ = StopReason::Memory; }
    // Counts work done in C on the script's behalf; raises a Lua error once the budget is spent.
    static void charge(lua_State* L, std::uint64_t steps);
    Rng* rng() const { return rng_; }
    void print(const std::string& line) { if (print_sink_) print_sink_(line); }

private:
    static void* allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size);
    static void count_hook(lua_State* L, lua_Debug* ar);
    [[noreturn]] static void stop(lua_State* L, StopReason reason, int level);
    void track_lines();
    void open_libraries();

    SandboxLimits limits_;
    lua_State* L_ = nullptr;
    int globals_ref_ = 0;
    std::size_t memory_used_ = 0;
    bool cap_enforced_ = false;
    std::uint64_t instructions_ = 0;
    std::chrono::steady_clock::time_point deadline_{};
    StopReason stop_ = StopReason::None;
    int last_line_ = 0;
    bool tracking_lines_ = false;
    Rng* rng_ = nullptr;
    std::function<void(const std::string&)> print_sink_;
};

// A message for a stop, in words an author can act on.
std::string describe_stop(StopReason reason, const SandboxLimits& limits);

}  // namespace cbt::course
