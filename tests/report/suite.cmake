# Report tests beyond the doctest cases: the report doctests read the produced .xlsx with minizip;
# the process suite generates the standard set on the fixture ledger and reads it back with
# openpyxl and LibreOffice (see tests/report/check_reports.py).
find_package(PkgConfig REQUIRED)
pkg_check_modules(IL_TEST_MINIZIP REQUIRED IMPORTED_TARGET minizip)
target_link_libraries(core_tests PRIVATE PkgConfig::IL_TEST_MINIZIP)
target_include_directories(core_tests PRIVATE ${PROJECT_SOURCE_DIR})

add_executable(report_fixture_db ${CMAKE_CURRENT_LIST_DIR}/make_fixture_db.cpp)
target_link_libraries(report_fixture_db PRIVATE investledger_core)

# The standard set generated on the fixture ledger through the CLI, read back with openpyxl
# (cells, merged ranges, number formats, 合计 = Σ小计 = Σrows to the cent, against the database),
# opened by LibreOffice (converted to PDF), and the error cases of the report command.
add_test(NAME report_suite
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_reports.py
    --cli $<TARGET_FILE:investledger-cli>
    --make-db $<TARGET_FILE:report_fixture_db>
    --fixture ${PROJECT_SOURCE_DIR}/tests/data/report_fixture.sql
    --templates ${PROJECT_SOURCE_DIR}/templates
    --work ${CMAKE_CURRENT_BINARY_DIR}/report_suite)
set_tests_properties(report_suite PROPERTIES TIMEOUT 600)

# Every 合计 re-added on every sheet, and equal quantities compared across sheets (to the 分, USD
# included), for every month of the demo year (tests/report/check_totals.py).
add_test(NAME report_totals
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_totals.py
    --cli $<TARGET_FILE:investledger-cli>
    --templates ${PROJECT_SOURCE_DIR}/templates
    --work ${CMAKE_CURRENT_BINARY_DIR}/report_totals)
set_tests_properties(report_totals PROPERTIES TIMEOUT 900)
