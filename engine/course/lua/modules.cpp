// The one table of author-visible modules.
#include "course/lua/modules.hpp"

#include <lua.hpp>

namespace cbt::course::lua {
namespace {

constexpr Module modules[] = {
    {"base", &open_base},         {"string", &open_string}, {"table", &open_table},
    {"math", &open_math},         {"utf8", &open_utf8},     {"coroutine", &open_coroutine},
    {"screens", &open_screens},
};

}  // namespace

std::span<const Module> author_modules() { return modules; }

void copy_fields(lua_State* L, int from, std::span<const char* const> names) {
    from = lua_absindex(L, from);
    lua_createtable(L, 0, static_cast<int>(names.size()));
    for (const char* name : names) {
        lua_getfield(L, from, name);
        lua_setfield(L, -2, name);
    }
}

}  // namespace cbt::course::lua
