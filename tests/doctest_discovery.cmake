# Registers every doctest test case of an executable as its own CTest test, so a failure names
# the case and `ctest -j` spreads the cases over the cores.
include(doctest)
function(cbt_add_test_executable name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE cbt_test_main)
  doctest_discover_tests(${name} TEST_PREFIX "${name}: " WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} PROPERTIES TIMEOUT 300)
endfunction()
