// The Lua modules course authors see, registered from one table. Each opener adds its names to
// the sandbox's globals table; nothing else reaches a script.
#pragma once
#include <span>

struct lua_State;

namespace cbt::course::lua {

// Adds one module's names to the globals table at `globals_index`.
using ModuleOpener = void (*)(lua_State* L, int globals_index);

struct Module {
    const char* name;     // as documented in docs/authoring.md
    ModuleOpener open;
};

// Every module, in the order they are opened.
std::span<const Module> author_modules();

// The openers, one per file in this folder.
void open_base(lua_State* L, int globals_index);        // lib_base.cpp: safe base functions
void open_string(lua_State* L, int globals_index);      // lib_string.cpp: string, bounded
void open_table(lua_State* L, int globals_index);       // lib_table.cpp: table, bounded
void open_math(lua_State* L, int globals_index);        // lib_math.cpp: math with seeded random
void open_utf8(lua_State* L, int globals_index);        // lib_utf8_coroutine.cpp
void open_coroutine(lua_State* L, int globals_index);   // lib_utf8_coroutine.cpp
void open_screens(lua_State* L, int globals_index);     // lib_screens.cpp: course, lesson, screen constructors

// Copies the named fields of the table at `from` into a new table left on the stack.
void copy_fields(lua_State* L, int from, std::span<const char* const> names);

}  // namespace cbt::course::lua
