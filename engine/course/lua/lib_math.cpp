// math, with random drawing from the attempt's seeded generator so a lesson replays exactly;
// randomseed is absent because the seed belongs to the attempt, not to the script.
#include <lua.hpp>

#include "course/lua/modules.hpp"
#include "course/random.hpp"
#include "course/sandbox.hpp"

namespace cbt::course::lua {
namespace {

int seeded_random(lua_State* L) {
    Rng* rng = Sandbox::of(L).rng();
    if (!rng) return luaL_error(L, "math.random can only be used inside lesson functions, not while the file loads");
    lua_Integer low = 1, high = 0;
    switch (lua_gettop(L)) {
        case 0:
            lua_pushnumber(L, rng->unit());
            return 1;
        case 1:
            high = luaL_checkinteger(L, 1);
            break;
        case 2:
            low = luaL_checkinteger(L, 1);
            high = luaL_checkinteger(L, 2);
            break;
        default:
            return luaL_error(L, "wrong number of arguments to math.random");
    }
    luaL_argcheck(L, low <= high, lua_gettop(L), "interval is empty");
    lua_pushinteger(L, rng->between(low, high));
    return 1;
}

constexpr const char* math_names[] = {"abs",  "ceil", "cos",        "deg", "exp",  "floor", "fmod",
                                      "huge", "log",  "max",        "maxinteger", "min",  "mininteger",
                                      "modf", "pi",   "rad",        "sin", "sqrt", "tan",   "tointeger",
                                      "type", "ult",  "acos",       "asin", "atan"};

}  // namespace

void open_math(lua_State* L, int globals) {
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    copy_fields(L, -1, math_names);
    lua_pushcfunction(L, seeded_random);
    lua_setfield(L, -2, "random");
    lua_setfield(L, globals, "math");
    lua_pop(L, 1);
}

}  // namespace cbt::course::lua
