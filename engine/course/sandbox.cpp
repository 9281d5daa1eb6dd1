// The sandboxed Lua state: allocator with a cap, count hook with budget and deadline, and the
// whitelisted globals assembled from course/lua/.
#include "course/sandbox.hpp"

#include <lua.hpp>

#include <cstdlib>
#include <cstring>

#include "base/text.hpp"
#include "course/lua/modules.hpp"

namespace cbt::course {
namespace {

constexpr int hook_interval = 1000;  // instructions between budget checks

std::string format_bytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// 1-based line of the first malformed UTF-8 sequence, or 0 when the text is clean.
int first_invalid_utf8_line(std::string_view source) {
    if (base::is_valid_utf8(source)) return 0;
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i <= source.size(); ++i) {
        if (i == source.size() || source[i] == '\n') {
            if (!base::is_valid_utf8(source.substr(line_start, i - line_start))) return line;
            ++line;
            line_start = i + 1;
        }
    }
    return 1;
}

}  // namespace

std::string describe_stop(StopReason reason, const SandboxLimits& limits) {
    switch (reason) {
        case StopReason::Instructions:
            return "lesson code was stopped after " + std::to_string(limits.instructions_per_call) +
                   " instructions; look for an endless loop";
        case StopReason::Time:
            return "lesson code was stopped after running for " + std::to_string(limits.time_per_call.count()) +
                   " ms; look for an endless loop or very slow code";
        case StopReason::Memory:
            return "lesson code was stopped for using more than " + format_bytes(limits.memory_bytes) +
                   " of memory; look for a table or string that keeps growing";
        case StopReason::None:
            break;
    }
    return "lesson code was stopped";
}

Sandbox::Sandbox(SandboxLimits limits) : limits_(limits) {
    L_ = lua_newstate(&Sandbox::allocate, this);
    if (!L_) throw CourseError({"", 0, "cannot create a Lua state: out of memory"});
    *static_cast<Sandbox**>(lua_getextraspace(L_)) = this;
    open_libraries();
}

Sandbox::~Sandbox() {
    if (L_) lua_close(L_);
}

Sandbox& Sandbox::of(lua_State* L) { return **static_cast<Sandbox**>(lua_getextraspace(L)); }

void* Sandbox::allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
    auto* self = static_cast<Sandbox*>(ud);
    const std::size_t old_bytes = ptr ? old_size : 0;  // without ptr, old_size names a type, not a size
    if (new_size == 0) {
        std::free(ptr);
        self->memory_used_ -= old_bytes;
        return nullptr;
    }
    if (self->cap_enforced_ && new_size > old_bytes &&
        self->memory_used_ + (new_size - old_bytes) > self->limits_.memory_bytes) {
        return nullptr;  // Lua collects garbage and retries before it raises a memory error
    }
    void* block = std::realloc(ptr, new_size);
    if (!block) return nullptr;
    self->memory_used_ = self->memory_used_ - old_bytes + new_size;
    if (self->cap_enforced_ && !self->tracking_lines_ && self->memory_used_ > self->limits_.memory_bytes / 4 * 3) {
        self->track_lines();
    }
    return block;
}

void Sandbox::track_lines() {
    // Following every line costs several times the speed of tight loops, so it starts only once
    // memory is running short; lua_sethook is safe to call at any moment, even from here.
    tracking_lines_ = true;
    lua_sethook(L_, &Sandbox::count_hook, LUA_MASKCOUNT | LUA_MASKLINE, hook_interval);
}

void Sandbox::stop(lua_State* L, StopReason reason, int level) {
    Sandbox& self = of(L);
    self.stop_ = reason;
    luaL_where(L, level);
    lua_pushstring(L, describe_stop(reason, self.limits_).c_str());
    lua_concat(L, 2);
    lua_error(L);
    __builtin_unreachable();   // lua_error longjmps away, though lua.h does not declare it noreturn
}

void Sandbox::count_hook(lua_State* L, lua_Debug* ar) {
    Sandbox& self = of(L);
    if (ar->event == LUA_HOOKLINE) {
        // Remembered for memory errors, which Lua raises without a position.
        self.last_line_ = ar->currentline;
        return;
    }
    // In a hook, level 0 is the Lua function being run.
    if (self.stop_ != StopReason::None) stop(L, self.stop_, 0);
    self.instructions_ += hook_interval;
    if (self.instructions_ > self.limits_.instructions_per_call) stop(L, StopReason::Instructions, 0);
    if (std::chrono::steady_clock::now() > self.deadline_) stop(L, StopReason::Time, 0);
}

void Sandbox::charge(lua_State* L, std::uint64_t steps) {
    Sandbox& self = of(L);
    // Called from a C function: level 1 is the Lua code that called it.
    if (self.stop_ != StopReason::None) stop(L, self.stop_, 1);
    self.instructions_ += steps;
    if (self.instructions_ > self.limits_.instructions_per_call) stop(L, StopReason::Instructions, 1);
    if (std::chrono::steady_clock::now() > self.deadline_) stop(L, StopReason::Time, 1);
}

void Sandbox::open_libraries() {
    lua_newtable(L_);
    const int globals = lua_gettop(L_);
    for (const lua::Module& module : lua::author_modules()) module.open(L_, globals);
    lua_pushvalue(L_, globals);
    lua_setfield(L_, globals, "_G");
    globals_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
}

void Sandbox::push_globals() { lua_rawgeti(L_, LUA_REGISTRYINDEX, globals_ref_); }

void Sandbox::load(std::string_view source, const std::string& file) {
    if (const int bad_line = first_invalid_utf8_line(source)) {
        throw CourseError({file, bad_line, "this line is not valid UTF-8 text; save the file with the UTF-8 encoding"});
    }
    stop_ = StopReason::None;
    cap_enforced_ = true;
    const std::string chunk_name = "@" + file;
    const int rc = luaL_loadbufferx(L_, source.data(), source.size(), chunk_name.c_str(), "t");
    cap_enforced_ = false;
    if (rc != LUA_OK) {
        std::string message = lua_type(L_, -1) == LUA_TSTRING ? lua_tostring(L_, -1) : "cannot load the file";
        lua_pop(L_, 1);
        if (rc == LUA_ERRMEM) message = describe_stop(StopReason::Memory, limits_);
        throw CourseError(problem_from_lua_message(message, file));
    }
    push_globals();
    lua_setupvalue(L_, -2, 1);  // a main chunk's first upvalue is _ENV
}

void Sandbox::call(int nargs, int nresults, const std::string& file, int fallback_line) {
    stop_ = StopReason::None;
    last_line_ = 0;
    instructions_ = 0;
    deadline_ = std::chrono::steady_clock::now() + limits_.time_per_call;
    cap_enforced_ = true;
    tracking_lines_ = false;
    lua_sethook(L_, &Sandbox::count_hook, LUA_MASKCOUNT, hook_interval);
    if (memory_used_ > limits_.memory_bytes / 4 * 3) track_lines();
    const int rc = lua_pcall(L_, nargs, nresults, 0);
    lua_sethook(L_, nullptr, 0, 0);
    cap_enforced_ = false;
    if (rc == LUA_OK) return;

    // Only plain strings are read: calling __tostring here would run script code unguarded.
    std::string message;
    if (lua_type(L_, -1) == LUA_TSTRING || lua_type(L_, -1) == LUA_TNUMBER) {
        std::size_t len = 0;
        const char* text = lua_tolstring(L_, -1, &len);
        message.assign(text, len);
    } else {
        message = std::string("an error was raised with a ") + luaL_typename(L_, -1) + " value instead of a message";
    }
    lua_pop(L_, 1);
    Problem problem = problem_from_lua_message(message, file);
    if (stop_ == StopReason::Memory || rc == LUA_ERRMEM) {
        problem = {file, last_line_, describe_stop(StopReason::Memory, limits_)};
    }
    if (problem.line == 0 && problem.file == file) problem.line = fallback_line;
    throw CourseError(problem);
}

}  // namespace cbt::course
