// table, with move and sort bounded: both loop inside C where the count hook never fires, and
// table.move over a huge empty range would spin without allocating anything.
#include <lua.hpp>

#include "course/lua/modules.hpp"

namespace cbt::course::lua {
namespace {

constexpr lua_Integer max_elements = lua_Integer{1} << 20;

int call_original(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

int bounded_move(lua_State* L) {
    const lua_Integer first = luaL_checkinteger(L, 2);
    const lua_Integer last = luaL_checkinteger(L, 3);
    if (last >= first && (last - first >= max_elements || last - first < 0))
        return luaL_error(L, "table.move of more than %d elements is not allowed in lessons", static_cast<int>(max_elements));
    return call_original(L);
}

int bounded_sort(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (static_cast<lua_Integer>(lua_rawlen(L, 1)) > max_elements)
        return luaL_error(L, "table.sort of more than %d elements is not allowed in lessons", static_cast<int>(max_elements));
    return call_original(L);
}

constexpr const char* table_names[] = {"concat", "insert", "pack", "remove", "unpack"};

}  // namespace

void open_table(lua_State* L, int globals) {
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    const int real = lua_gettop(L);
    copy_fields(L, real, table_names);
    lua_getfield(L, real, "move");
    lua_pushcclosure(L, bounded_move, 1);
    lua_setfield(L, -2, "move");
    lua_getfield(L, real, "sort");
    lua_pushcclosure(L, bounded_sort, 1);
    lua_setfield(L, -2, "sort");
    lua_setfield(L, globals, "table");
    lua_pop(L, 1);
}

}  // namespace cbt::course::lua
