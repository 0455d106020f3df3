# list_bench: a benchmark program (not a test). Builds (or reuses) a ledger of 100,000 projects and
# prints the time of each list operation the GUI does (load, sort, filter, pinyin search, totals,
# the 首页 figures) next to a plain SELECT of the same rows, with the ratios.
#   cmake --build build --target list_bench && build/tests/list_bench [--projects N] [--runs R] [--db FILE]
add_executable(list_bench ${CMAKE_CURRENT_LIST_DIR}/list_bench.cpp)
target_link_libraries(list_bench PRIVATE investledger_core)
