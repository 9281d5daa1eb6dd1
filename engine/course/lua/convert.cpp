// Lua <-> JSON conversion with raw table access, bounded depth and cycle detection.
#include "course/lua/convert.hpp"

#include <lua.hpp>

#include <set>
#include <string>

#include "base/text.hpp"

namespace cbt::course::lua {
namespace {

constexpr int max_depth = 64;

nlohmann::json read(lua_State* L, int index, int depth, std::set<const void*>& open_tables);

nlohmann::json read_table(lua_State* L, int index, int depth, std::set<const void*>& open_tables) {
    const void* identity = lua_topointer(L, index);
    if (depth > max_depth) throw ConvertError("tables are nested too deeply (more than 64 levels)");
    if (!open_tables.insert(identity).second) throw ConvertError("a table contains itself");
    if (!lua_checkstack(L, 4)) throw ConvertError("tables are nested too deeply");

    const lua_Unsigned length = lua_rawlen(L, index);
    std::size_t key_count = 0;
    bool only_sequence_keys = true;
    nlohmann::json object = nlohmann::json::object();
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        ++key_count;
        std::string key;
        if (lua_type(L, -2) == LUA_TSTRING) {
            std::size_t len = 0;
            const char* text = lua_tolstring(L, -2, &len);
            key.assign(text, len);
            only_sequence_keys = false;
        } else if (lua_isinteger(L, -2)) {
            const lua_Integer k = lua_tointeger(L, -2);
            key = std::to_string(k);
            if (k < 1 || static_cast<lua_Unsigned>(k) > length) only_sequence_keys = false;
        } else {
            const std::string type = luaL_typename(L, -2);
            lua_pop(L, 2);
            throw ConvertError("a table has a key of type " + type + "; only names and whole numbers can be keys");
        }
        object[key] = read(L, lua_gettop(L), depth + 1, open_tables);
        lua_pop(L, 1);
    }
    open_tables.erase(identity);
    if (key_count > 0 && only_sequence_keys && key_count == length) {
        nlohmann::json array = nlohmann::json::array();
        for (lua_Unsigned i = 1; i <= length; ++i) array.push_back(std::move(object[std::to_string(i)]));
        return array;
    }
    return object;
}

nlohmann::json read(lua_State* L, int index, int depth, std::set<const void*>& open_tables) {
    index = lua_absindex(L, index);
    switch (lua_type(L, index)) {
        case LUA_TNIL:
        case LUA_TNONE:
            return nullptr;
        case LUA_TBOOLEAN:
            return lua_toboolean(L, index) != 0;
        case LUA_TNUMBER:
            if (lua_isinteger(L, index)) return static_cast<std::int64_t>(lua_tointeger(L, index));
            return lua_tonumber(L, index);
        case LUA_TSTRING: {
            std::size_t len = 0;
            const char* text = lua_tolstring(L, index, &len);
            std::string value(text, len);
            if (!base::is_valid_utf8(value)) throw ConvertError("a text is not valid UTF-8; save the file as UTF-8");
            return value;
        }
        case LUA_TTABLE:
            return read_table(L, index, depth, open_tables);
        case LUA_TFUNCTION: {
            lua_pushvalue(L, index);
            const int ref = luaL_ref(L, LUA_REGISTRYINDEX);
            return nlohmann::json{{"$function", ref}};
        }
        default:
            throw ConvertError(std::string("a value of type ") + luaL_typename(L, index) + " cannot be used here");
    }
}

}  // namespace

nlohmann::json to_json(lua_State* L, int index) {
    std::set<const void*> open_tables;
    return read(L, index, 0, open_tables);
}

bool is_function_ref(const nlohmann::json& value) {
    return value.is_object() && value.size() == 1 && value.contains("$function") && value["$function"].is_number_integer();
}

void push_function(lua_State* L, const nlohmann::json& ref) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref.at("$function").get<int>());
}

void push_json(lua_State* L, const nlohmann::json& value) {
    luaL_checkstack(L, 4, "data nested too deeply");
    switch (value.type()) {
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded:
            lua_pushnil(L);
            return;
        case nlohmann::json::value_t::boolean:
            lua_pushboolean(L, value.get<bool>());
            return;
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
            lua_pushinteger(L, value.get<lua_Integer>());
            return;
        case nlohmann::json::value_t::number_float:
            lua_pushnumber(L, value.get<double>());
            return;
        case nlohmann::json::value_t::string: {
            const auto& s = value.get_ref<const std::string&>();
            lua_pushlstring(L, s.data(), s.size());
            return;
        }
        case nlohmann::json::value_t::array: {
            lua_createtable(L, static_cast<int>(value.size()), 0);
            lua_Integer i = 1;
            for (const auto& item : value) {
                push_json(L, item);
                lua_rawseti(L, -2, i++);
            }
            return;
        }
        case nlohmann::json::value_t::object: {
            if (is_function_ref(value)) {
                push_function(L, value);
                return;
            }
            lua_createtable(L, 0, static_cast<int>(value.size()));
            for (const auto& [key, item] : value.items()) {
                lua_pushlstring(L, key.data(), key.size());
                push_json(L, item);
                lua_rawset(L, -3);
            }
            return;
        }
        case nlohmann::json::value_t::binary:
            lua_pushnil(L);
            return;
    }
}

std::vector<nlohmann::json> sequence_of(const nlohmann::json& value) {
    if (value.is_array()) return {value.begin(), value.end()};
    std::vector<nlohmann::json> out;
    if (!value.is_object()) return out;
    for (std::size_t i = 1;; ++i) {
        auto it = value.find(std::to_string(i));
        if (it == value.end()) break;
        out.push_back(*it);
    }
    return out;
}

}  // namespace cbt::course::lua
