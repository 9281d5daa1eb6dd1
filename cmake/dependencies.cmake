# Finds the Debian packages the engine builds on; each becomes an imported target named cbt_dep::<name>.
find_package(PkgConfig REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(LUA REQUIRED IMPORTED_TARGET lua5.4)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

add_library(cbt_dep_lua INTERFACE)
target_link_libraries(cbt_dep_lua INTERFACE PkgConfig::LUA)
add_library(cbt_dep::lua ALIAS cbt_dep_lua)

add_library(cbt_dep_sodium INTERFACE)
target_link_libraries(cbt_dep_sodium INTERFACE PkgConfig::SODIUM)
add_library(cbt_dep::sodium ALIAS cbt_dep_sodium)
