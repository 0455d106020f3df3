# Report tests beyond the doctest cases: the report doctests read the produced .xlsx with minizip;
# the process suite generates the standard set on the fixture ledger and reads it back with
# openpyxl and LibreOffice (see tests/report/check_reports.py).
find_package(PkgConfig REQUIRED)
pkg_check_modules(IL_TEST_MINIZIP REQUIRED IMPORTED_TARGET minizip)
target_link_libraries(core_tests PRIVATE PkgConfig::IL_TEST_MINIZIP)
target_include_directories(core_tests PRIVATE ${PROJECT_SOURCE_DIR})
