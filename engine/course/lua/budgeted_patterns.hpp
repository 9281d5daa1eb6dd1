// Budgeted replacements for string.find/match/gmatch/gsub: Lua's instruction-count hook never
// fires inside C functions, so these matchers report their own work through a charge callback.
// Steps left over below the charge interval are charged when each call returns.
#pragma once
#include <cstdint>
struct lua_State;
namespace cbt::course::lua {
// Called by the matcher about every 1000 steps with the steps taken since the last call;
// it raises a Lua error (lua_error / luaL_error) when the running callback must stop.
using ChargeSteps = void (*)(lua_State* L, std::uint64_t steps);
// Sets find, match, gmatch and gsub in the table at `table_index` to budgeted versions.
void install_budgeted_patterns(lua_State* L, int table_index, ChargeSteps charge);
}
