// The authoring vocabulary: course{}, lesson{}, one constructor per screen kind, pool{},
// dynamic{} and the body blocks. Each constructor tags its table with its kind and with the file
// and line it was written on, so every later problem can point at the author's line.
#include <lua.hpp>

#include "course/lua/modules.hpp"

namespace cbt::course::lua {
namespace {

// Records where the calling Lua code is, as _file and _line on the table at index 1.
void tag_location(lua_State* L) {
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        const char* source = ar.source[0] == '@' || ar.source[0] == '=' ? ar.source + 1 : ar.source;
        lua_pushstring(L, source);
        lua_setfield(L, 1, "_file");
        lua_pushinteger(L, ar.currentline);
        lua_setfield(L, 1, "_line");
    }
}

// table constructor: tags the table with `field = name` (name is upvalue 1).
int tagged_table(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_setfield(L, 1, lua_tostring(L, lua_upvalueindex(1)));
    tag_location(L);
    return 1;
}

// heading "text", para { en = ..., ru = ... }: wraps text in a block table.
int text_block(lua_State* L) {
    const int t = lua_type(L, 1);
    luaL_argexpected(L, t == LUA_TSTRING || t == LUA_TTABLE, 1, "text or a table of translations");
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "text");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setfield(L, -2, "block");
    lua_replace(L, 1);
    lua_settop(L, 1);
    tag_location(L);
    return 1;
}

// bullets { ... } and numbered { ... }: the list's items.
int list_block(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "items");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setfield(L, -2, "block");
    lua_replace(L, 1);
    lua_settop(L, 1);
    tag_location(L);
    return 1;
}

struct Tagged {
    const char* function;  // global name
    const char* field;     // "type" or "block"
    const char* value;
};

constexpr Tagged tagged[] = {
    {"course", "type", "course"},       {"lesson", "type", "lesson"},       {"info", "type", "info"},
    {"single", "type", "single"},       {"multiple", "type", "multiple"},   {"truefalse", "type", "truefalse"},
    {"matching", "type", "matching"},   {"ordering", "type", "ordering"},   {"numeric", "type", "numeric"},
    {"text_entry", "type", "text_entry"}, {"hotspot", "type", "hotspot"},   {"canvas", "type", "canvas"},
    {"pool", "type", "pool"},           {"dynamic", "type", "dynamic"},     {"image", "block", "image"},
};

}  // namespace

void open_screens(lua_State* L, int globals) {
    for (const Tagged& t : tagged) {
        lua_pushstring(L, t.field);
        lua_pushstring(L, t.value);
        lua_pushcclosure(L, tagged_table, 2);
        lua_setfield(L, globals, t.function);
    }
    for (const char* name : {"heading", "para"}) {
        lua_pushstring(L, name);
        lua_pushcclosure(L, text_block, 1);
        lua_setfield(L, globals, name);
    }
    for (const char* name : {"bullets", "numbered"}) {
        lua_pushstring(L, name);
        lua_pushcclosure(L, list_block, 1);
        lua_setfield(L, globals, name);
    }
}

}  // namespace cbt::course::lua
