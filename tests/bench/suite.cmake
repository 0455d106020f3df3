# Benchmark programs: built with the tests, run by hand (not registered with ctest).
add_executable(report_bench ${CMAKE_CURRENT_LIST_DIR}/report_bench.cpp)
target_link_libraries(report_bench PRIVATE investledger_core)
