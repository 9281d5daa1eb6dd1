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

# The windowed programs: SDL2, OpenGL and Debian's Dear ImGui (its libimgui.a carries the SDL2
# and OpenGL backends, and a FreeType font builder that needs libfreetype at link time).
find_package(SDL2 REQUIRED)
find_package(OpenGL REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
add_library(cbt_dep_imgui INTERFACE)
target_link_libraries(cbt_dep_imgui INTERFACE PkgConfig::IMGUI PkgConfig::FREETYPE SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
add_library(cbt_dep::imgui ALIAS cbt_dep_imgui)

# Course packages (.cbtpack) are POSIX tar files written and read with libarchive.
pkg_check_modules(ARCHIVE REQUIRED IMPORTED_TARGET libarchive)
add_library(cbt_dep_archive INTERFACE)
target_link_libraries(cbt_dep_archive INTERFACE PkgConfig::ARCHIVE)
add_library(cbt_dep::archive ALIAS cbt_dep_archive)
