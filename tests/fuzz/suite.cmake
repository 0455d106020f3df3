# libFuzzer targets for the file readers (issue 7 "Bad input"), built only with -DIL_FUZZ=ON and
# clang:  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DIL_FUZZ=ON -DIL_BUILD_GUI=OFF
# Each target gets a bounded ctest run (fuzz_<name>, IL_FUZZ_SECONDS, default 20 s) on its seed
# corpus (tests/fuzz/corpus/<name>/), and a replay of the inputs that once crashed it
# (tests/fuzz/regressions/<name>/). scripts/fuzz.sh runs longer sessions.
if(NOT IL_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "IL_FUZZ=ON needs clang (libFuzzer): CC=clang CXX=clang++ cmake -DIL_FUZZ=ON ...")
endif()

find_package(PkgConfig REQUIRED)
pkg_check_modules(IL_FZ REQUIRED IMPORTED_TARGET minizip expat freexl zlib)
set(IL_FUZZ_SECONDS 20 CACHE STRING "Seconds each fuzz target runs in ctest")

# The readers alone (core/import/read: they depend on nothing else of core's import),
# instrumented for coverage, ASan and UBSan.
file(GLOB _il_reader_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/core/import/read/*.cpp)
# What the readers use from core/util (file names as UTF-8).
list(APPEND _il_reader_sources ${PROJECT_SOURCE_DIR}/core/util/utf8_path.cpp)
set(_il_fuzz_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1)
add_library(il_fuzz_readers STATIC ${_il_reader_sources})
target_include_directories(il_fuzz_readers PUBLIC ${PROJECT_SOURCE_DIR})
target_compile_options(il_fuzz_readers PRIVATE ${_il_fuzz_flags} -fsanitize=fuzzer-no-link)
target_link_libraries(il_fuzz_readers PUBLIC PkgConfig::IL_FZ)

foreach(_t xlsx csv xls)
  add_executable(fuzz_${_t} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${_t}.cpp)
  target_compile_options(fuzz_${_t} PRIVATE ${_il_fuzz_flags} -fsanitize=fuzzer)
  target_link_options(fuzz_${_t} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_${_t} PRIVATE il_fuzz_readers)
  set(_work ${CMAKE_BINARY_DIR}/fuzz-corpus/${_t})
  file(MAKE_DIRECTORY ${_work})
  # New inputs go to the first (scratch) folder; the committed seeds are only read.
  add_test(NAME fuzz_${_t}
    COMMAND fuzz_${_t} -max_total_time=${IL_FUZZ_SECONDS} -timeout=10 -rss_limit_mb=2048
            -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz-artifacts-${_t}- ${_work} ${CMAKE_CURRENT_LIST_DIR}/corpus/${_t})
  set_tests_properties(fuzz_${_t} PROPERTIES TIMEOUT 300 LABELS fuzz)
  file(GLOB _regressions CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/regressions/${_t}/*)
  list(FILTER _regressions EXCLUDE REGEX "/\\.keep$")
  if(_regressions)
    add_test(NAME fuzz_${_t}_regressions COMMAND fuzz_${_t} -timeout=10 ${_regressions})
    set_tests_properties(fuzz_${_t}_regressions PROPERTIES TIMEOUT 300 LABELS fuzz)
  endif()
endforeach()
