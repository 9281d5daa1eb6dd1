// utf8 as Lua ships it, and coroutine with resume/close guarded: they report a coroutine's error
// as a value, so a stop (budget, deadline, memory) inside a coroutine is re-raised here.
#include <lua.hpp>

#include "course/lua/modules.hpp"
#include "course/sandbox.hpp"

namespace cbt::course::lua {
namespace {

int guarded_coroutine_call(lua_State* L) {
    lua_State* co = lua_tothread(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    Sandbox& sandbox = Sandbox::of(L);
    if (co && lua_status(co) == LUA_ERRMEM) sandbox.note_memory_error();
    if (sandbox.stop_reason() != StopReason::None) {
        lua_pushstring(L, describe_stop(sandbox.stop_reason(), sandbox.limits()).c_str());
        lua_error(L);
    }
    return lua_gettop(L);
}

constexpr const char* utf8_names[] = {"char", "charpattern", "codepoint", "codes", "len", "offset"};
constexpr const char* coroutine_names[] = {"create", "isyieldable", "running", "status", "wrap", "yield"};

}  // namespace

void open_utf8(lua_State* L, int globals) {
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    copy_fields(L, -1, utf8_names);
    lua_setfield(L, globals, "utf8");
    lua_pop(L, 1);
}

void open_coroutine(lua_State* L, int globals) {
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 0);
    const int real = lua_gettop(L);
    copy_fields(L, real, coroutine_names);
    for (const char* name : {"resume", "close"}) {
        lua_getfield(L, real, name);
        lua_pushcclosure(L, guarded_coroutine_call, 1);
        lua_setfield(L, -2, name);
    }
    lua_setfield(L, globals, "coroutine");
    lua_pop(L, 1);
}

}  // namespace cbt::course::lua
