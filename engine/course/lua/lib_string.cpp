// string, with pattern functions that count their steps and a bounded string.rep (rep of an
// empty string a trillion times copies nothing yet never ends). The shared string metatable is
// pointed at this table and locked, so ("").dump and friends stay out of reach.
#include <lua.hpp>

#include "course/lua/budgeted_patterns.hpp"
#include "course/lua/modules.hpp"
#include "course/sandbox.hpp"

namespace cbt::course::lua {
namespace {

int bounded_rep(lua_State* L) {
    std::size_t len = 0, sep_len = 0;
    luaL_checklstring(L, 1, &len);
    const lua_Integer count = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &sep_len);
    if (count <= 0 || (len == 0 && sep_len == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    const std::size_t limit = Sandbox::of(L).limits().memory_bytes;
    const auto n = static_cast<unsigned long long>(count);
    if (n > limit || (len + sep_len) > limit / n) return luaL_error(L, "string.rep result would be too large");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

constexpr const char* string_names[] = {"byte", "char", "format", "len", "lower", "reverse", "sub", "upper"};

}  // namespace

void open_string(lua_State* L, int globals) {
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    const int real = lua_gettop(L);
    copy_fields(L, real, string_names);
    const int safe = lua_gettop(L);
    lua_getfield(L, real, "rep");
    lua_pushcclosure(L, bounded_rep, 1);
    lua_setfield(L, safe, "rep");
    install_budgeted_patterns(L, safe, &Sandbox::charge);

    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, safe);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_setfield(L, globals, "string");
    lua_pop(L, 1);
}

}  // namespace cbt::course::lua
