# investledger-cli run as a separate process: init, add, list --json, progress, check, and every
# invalid input leaving the database content unchanged (compared through a full SQL dump).
add_executable(cli_process_tests ${CMAKE_CURRENT_LIST_DIR}/cli_process_test.cpp ${CMAKE_CURRENT_LIST_DIR}/../test_main.cpp)
target_link_libraries(cli_process_tests PRIVATE investledger_core doctest::doctest)
target_compile_definitions(cli_process_tests PRIVATE IL_CLI_PATH="$<TARGET_FILE:investledger-cli>")
add_dependencies(cli_process_tests investledger-cli)
if(WIN32)
  target_sources(cli_process_tests PRIVATE ${PROJECT_SOURCE_DIR}/installer/windows/investledger-cli.rc)
endif()
add_test(NAME cli_process_tests COMMAND cli_process_tests)
set_tests_properties(cli_process_tests PROPERTIES TIMEOUT 300)
