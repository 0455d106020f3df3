# The storage interface against a real PostgreSQL server: tests/pg/with_cluster.sh starts a
# throw-away cluster (initdb, loopback port) around pg_tests. Needs libpq at build time and the
# postgresql-15 server binaries at test time (scripts/install-deps.sh --test installs both).
get_target_property(_il_core_defs investledger_core COMPILE_DEFINITIONS)
if("IL_HAVE_POSTGRESQL=1" IN_LIST _il_core_defs AND NOT WIN32)
  file(GLOB PG_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
  # The repository suites of core_tests once more, each test's ledger a fresh schema on the
  # server (tests/support/test_ledger.h): the same assertions hold on both engines.
  set(_il_both_engines audit_snapshot deal_repository dictionary_reference dictionary_repository ledger_check
      office_settings period_lock problem_repository project_repository renovation_repository stale_record
      target_repository)
  foreach(_t IN LISTS _il_both_engines)
    list(APPEND PG_TEST_SOURCES ${CMAKE_CURRENT_LIST_DIR}/../core/db/${_t}_test.cpp)
  endforeach()
  # and the suites of reports (the fixture loaded into the server), 首页 figures and import
  foreach(_t IN ITEMS report/report_last_mile report/warnings_report report/report_checks_scope
                      report/report_progress query/month_sheet query/overview query/overview_report_agreement
                      stats/period_figures import/import_deal_funds import/import_empty_cells import/import_kinds
                      import/import_plan import/import_progress import/import_unknown_values)
    list(APPEND PG_TEST_SOURCES ${CMAKE_CURRENT_LIST_DIR}/../core/${_t}_test.cpp)
  endforeach()
  add_executable(pg_tests ${PG_TEST_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/../test_main.cpp)
  target_link_libraries(pg_tests PRIVATE investledger_core doctest::doctest)
  target_compile_definitions(pg_tests PRIVATE IL_TEST_ON_SERVER=1)
  # the shipped templates, whose SQL pg_report_sql_test runs on both engines
  target_compile_definitions(pg_tests PRIVATE IL_TEMPLATES_DIR="${PROJECT_SOURCE_DIR}/templates"
    IL_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  add_test(NAME pg_storage COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/with_cluster.sh $<TARGET_FILE:pg_tests>)
  set_tests_properties(pg_storage PROPERTIES TIMEOUT 300)
  # the demo ledger to the server and back (`migrate-to`): every row and the report set equal
  add_test(NAME pg_migrate_roundtrip COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/with_cluster.sh
    bash ${CMAKE_CURRENT_LIST_DIR}/migrate_roundtrip.sh $<TARGET_FILE:investledger-cli>)
  set_tests_properties(pg_migrate_roundtrip PROPERTIES TIMEOUT 900)
  # the CLI working on the server ledger itself: reports equal the file's, edits, locks, import, roles
  add_test(NAME pg_server_ledger_cli COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/with_cluster.sh
    bash ${CMAKE_CURRENT_LIST_DIR}/server_ledger_cli.sh $<TARGET_FILE:investledger-cli>)
  set_tests_properties(pg_server_ledger_cli PROPERTIES TIMEOUT 900)
endif()
