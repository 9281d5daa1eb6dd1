// Moves plain data between Lua and the engine as JSON values. Lesson tables, display lists and
// answers all cross here; functions cross as registry references so hooks can be called later.
#pragma once
#include <stdexcept>

#include <nlohmann/json.hpp>

struct lua_State;

namespace cbt::course::lua {

// Raised for values that are not plain data (userdata, threads, cycles, invalid UTF-8).
class ConvertError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads the value at `index` with raw access only (no metamethods run, nothing can raise):
// nil -> null; booleans; integers and floats; strings (must be UTF-8); a table whose keys are
// exactly 1..n -> array; any other table -> object with integer keys written as decimal text;
// a function -> {"$function": registry reference}.
nlohmann::json to_json(lua_State* L, int index);

// Pushes a JSON value as Lua data ({"$function": ref} becomes the function again).
void push_json(lua_State* L, const nlohmann::json& value);

// True for the {"$function": ref} form.
bool is_function_ref(const nlohmann::json& value);
// Pushes the function behind a {"$function": ref}.
void push_function(lua_State* L, const nlohmann::json& ref);

// The sequence part of a converted table: an array as it is, or the values of an object's keys
// "1".."n" (for tables that mix a list with named fields).
std::vector<nlohmann::json> sequence_of(const nlohmann::json& value);

}  // namespace cbt::course::lua
