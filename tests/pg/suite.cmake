# The storage interface against a real PostgreSQL server: tests/pg/with_cluster.sh starts a
# throw-away cluster (initdb, loopback port) around pg_tests. Needs libpq at build time and the
# postgresql-15 server binaries at test time (scripts/install-deps.sh --test installs both).
get_target_property(_il_core_defs investledger_core COMPILE_DEFINITIONS)
if("IL_HAVE_POSTGRESQL=1" IN_LIST _il_core_defs AND NOT WIN32)
  file(GLOB PG_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
  add_executable(pg_tests ${PG_TEST_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/../test_main.cpp)
  target_link_libraries(pg_tests PRIVATE investledger_core doctest::doctest)
  add_test(NAME pg_storage COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/with_cluster.sh $<TARGET_FILE:pg_tests>)
  set_tests_properties(pg_storage PROPERTIES TIMEOUT 300)
  # the demo ledger to the server and back (`migrate-to`): every row and the report set equal
  add_test(NAME pg_migrate_roundtrip COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/with_cluster.sh
    bash ${CMAKE_CURRENT_LIST_DIR}/migrate_roundtrip.sh $<TARGET_FILE:investledger-cli>)
  set_tests_properties(pg_migrate_roundtrip PROPERTIES TIMEOUT 900)
endif()
