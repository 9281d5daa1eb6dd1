// Safe base functions. pcall, xpcall and coroutine.resume re-raise a stop so a script cannot
// catch the end of its own budget; setmetatable refuses __gc because the count hook does not
// run inside finalizers; load takes text only.
#include <lua.hpp>

#include <string>

#include "course/lua/modules.hpp"
#include "course/sandbox.hpp"

namespace cbt::course::lua {
namespace {

// Raises again when the call was stopped, whatever the script's pcall would have done.
void reraise_if_stopped(lua_State* L, int status) {
    Sandbox& sandbox = Sandbox::of(L);
    if (status == LUA_ERRMEM) sandbox.note_memory_error();
    if (sandbox.stop_reason() == StopReason::None) return;
    if (status == LUA_OK) lua_pushstring(L, describe_stop(sandbox.stop_reason(), sandbox.limits()).c_str());
    lua_error(L);
}

int finish_pcall(lua_State* L, int status, lua_KContext) {
    reraise_if_stopped(L, status);
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    return lua_gettop(L);
}

int safe_pcall(lua_State* L) {
    luaL_checkany(L, 1);
    const int status = lua_pcallk(L, lua_gettop(L) - 1, LUA_MULTRET, 0, 0, &finish_pcall);
    return finish_pcall(L, status, 0);
}

int finish_xpcall(lua_State* L, int status, lua_KContext) {
    reraise_if_stopped(L, status);
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_replace(L, 1);  // the handler's slot becomes the status
    return lua_gettop(L);
}

int safe_xpcall(lua_State* L) {
    const int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 1);  // f
    lua_copy(L, 2, 1);    // handler to slot 1
    lua_replace(L, 2);    // f to slot 2
    const int status = lua_pcallk(L, n - 2, LUA_MULTRET, 1, 0, &finish_xpcall);
    return finish_xpcall(L, status, 0);
}

int safe_setmetatable(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const int mt_type = lua_type(L, 2);
    luaL_argexpected(L, mt_type == LUA_TNIL || mt_type == LUA_TTABLE, 2, "nil or table");
    if (mt_type == LUA_TTABLE) {
        lua_pushstring(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL) return luaL_error(L, "__gc metamethods are not allowed in lessons");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

int safe_load(lua_State* L) {
    std::size_t len = 0;
    const char* source = luaL_checklstring(L, 1, &len);
    const char* name = luaL_optstring(L, 2, "=(load)");
    const char* mode = luaL_optstring(L, 3, "t");
    if (mode[0] != 't' || mode[1] != '\0') return luaL_error(L, "only text chunks can be loaded in lessons (mode \"t\")");
    const bool has_env = !lua_isnone(L, 4);
    // Chunk names are forced to the "=" form so a loaded chunk cannot pose as a course file.
    lua_pushfstring(L, "=%s", name[0] == '=' || name[0] == '@' ? name + 1 : name);
    const int status = luaL_loadbufferx(L, source, len, lua_tostring(L, -1), "t");
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM) Sandbox::of(L).note_memory_error();
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env) lua_pushvalue(L, 4);
    else Sandbox::of(L).push_globals();
    lua_setupvalue(L, -2, 1);
    return 1;
}

int safe_print(lua_State* L) {
    const int n = lua_gettop(L);
    luaL_Buffer buffer;
    luaL_buffinit(L, &buffer);
    for (int i = 1; i <= n; ++i) {
        if (i > 1) luaL_addchar(&buffer, '\t');
        luaL_tolstring(L, i, nullptr);
        luaL_addvalue(&buffer);
    }
    luaL_pushresult(&buffer);
    std::size_t len = 0;
    const char* text = lua_tolstring(L, -1, &len);
    Sandbox::of(L).print(std::string(text, len));
    return 0;
}

constexpr const char* kept_base[] = {"assert", "error",    "getmetatable", "ipairs", "next",
                                     "pairs",  "rawequal", "rawget",       "rawlen", "rawset",
                                     "select", "tonumber", "tostring",     "type",   "_VERSION"};

}  // namespace

void open_base(lua_State* L, int globals) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 0);  // the real globals, which scripts never see
    const int real = lua_gettop(L);
    for (const char* name : kept_base) {
        lua_getfield(L, real, name);
        lua_setfield(L, globals, name);
    }
    lua_pop(L, 1);
    const luaL_Reg safe[] = {{"pcall", safe_pcall},   {"xpcall", safe_xpcall}, {"setmetatable", safe_setmetatable},
                             {"load", safe_load},     {"print", safe_print},   {nullptr, nullptr}};
    lua_pushvalue(L, globals);
    luaL_setfuncs(L, safe, 0);
    lua_pop(L, 1);
}

}  // namespace cbt::course::lua
