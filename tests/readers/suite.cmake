# Reader robustness: the malformed corpus read by il_read_probe, each file in a child process under
# a memory limit (RLIMIT_AS) and a CPU limit. Without ASan the limit is real; under ASan
# (IL_SANITIZE) the probe still isolates crashes but cannot cap address space.
add_executable(il_read_probe ${CMAKE_CURRENT_LIST_DIR}/read_probe.cpp)
target_link_libraries(il_read_probe PRIVATE investledger_core)
file(GLOB _il_malformed CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/../data/malformed/*)
list(FILTER _il_malformed EXCLUDE REGEX "(\\.py|\\.tsv|README\\.md)$")
if(IL_SANITIZE)
  # No RLIMIT_AS under ASan; smaller byte limits keep the bombs quick (the in-process corpus
  # test in core_tests checks the messages under the sanitizers too).
  set(_il_probe_limits --limit-mb 64)
else()
  set(_il_probe_limits)
endif()
add_test(NAME readers_malformed_memory_limit
  COMMAND il_read_probe --mem-mb 1536 --cpu-s 120 ${_il_probe_limits} ${_il_malformed})
set_tests_properties(readers_malformed_memory_limit PROPERTIES TIMEOUT 600)
