# investledger-cli run as a separate process: init, add, list --json, progress, check, and every
# invalid input leaving the database content unchanged (compared through a full SQL dump); demo,
# import, maintenance and locked-period reports through the CLI. Every .cpp here joins it.
file(GLOB CLI_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
add_executable(cli_process_tests ${CLI_TEST_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/../test_main.cpp)
target_link_libraries(cli_process_tests PRIVATE investledger_core doctest::doctest)
target_compile_definitions(cli_process_tests PRIVATE
  IL_CLI_PATH="$<TARGET_FILE:investledger-cli>"
  IL_TEST_DATA_DIR="${CMAKE_CURRENT_LIST_DIR}/../data")
add_dependencies(cli_process_tests investledger-cli)
if(WIN32)
  target_sources(cli_process_tests PRIVATE ${PROJECT_SOURCE_DIR}/installer/windows/investledger-cli.rc)
endif()
add_test(NAME cli_process_tests COMMAND cli_process_tests)
set_tests_properties(cli_process_tests PROPERTIES TIMEOUT 600)
