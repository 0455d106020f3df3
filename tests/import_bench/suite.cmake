# import_bench: a benchmark program (not a test). Imports 10,000 rows from an .xlsx into a new
# ledger file and prints the time next to the time of only reading the file (target: < 2 s).
#   cmake --build build --target import_bench && build/tests/import_bench [ROWS]
add_executable(import_bench ${CMAKE_CURRENT_LIST_DIR}/import_bench.cpp)
target_link_libraries(import_bench PRIVATE investledger_core)
