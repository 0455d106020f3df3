#!/bin/bash
# The sanitizer run: core, CLI and tests built with AddressSanitizer + UndefinedBehaviorSanitizer
# (IL_SANITIZE=ON, GUI off) in build-asan/, then ctest there. Any ASan/UBSan report fails the run
# (UBSan is built with -fno-sanitize-recover, ASan aborts on the first error).
# The kill test is left to the normal build (it measures timing; ASan only slows it down);
# pass other ctest arguments after the script name, e.g. `scripts/test-sanitize.sh -R core_tests`.
# Environment: JOBS (default 2), ASAN_BUILD_DIR (default build-asan).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${ASAN_BUILD_DIR:-build-asan}
JOBS=${JOBS:-2}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export CTEST_OUTPUT_ON_FAILURE=1

cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Debug -DIL_SANITIZE=ON -DIL_BUILD_GUI=OFF -DIL_BUILD_TESTS=ON
cmake --build "$BUILD_DIR" -j "$JOBS"
cd "$BUILD_DIR"
if [ $# -gt 0 ]; then
  ctest --output-on-failure -j "$JOBS" --timeout 1800 "$@"
else
  ctest --output-on-failure -j "$JOBS" --timeout 1800 -E '^reliability_kill_test$'
fi
