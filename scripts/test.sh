#!/bin/bash
# Set-up command 2: install what is missing (test tools included), build, run every test.
#   ctest (doctest suites, CLI process tests, report read-back, GUI under Xvfb, the package test:
#   build the .deb, unpack it into a scratch root, run the unpacked programs), then the sanitizer
#   run (scripts/test-sanitize.sh) when present. Exits non-zero on any failure.
# Run as root (it installs Debian packages): `sudo bash scripts/test.sh`, or as root `bash scripts/test.sh`.
# Environment: JOBS (default: number of CPUs), BUILD_DIR (default: build), BUILD_TYPE (default: Release),
#              SKIP_DEPS=1 (do not call apt-get), SKIP_SANITIZE=1 (skip the sanitizer run),
#              SKIP_FUZZ=1 (skip fuzzing), FUZZ_SECONDS (per reader, default 15),
#              WINDOWS=1 (also the Windows cross build and its wine run: scripts/test-windows.sh;
#              opt-in, see README "Windows" for how long it takes).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-Release}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
export CTEST_OUTPUT_ON_FAILURE=1

if [ "${SKIP_DEPS:-0}" != 1 ]; then
  echo "== Installing build and test dependencies (Debian 12 packages)"
  sh scripts/install-deps.sh --test
fi

echo "== Configuring and building ($BUILD_TYPE, $JOBS jobs) in $BUILD_DIR/"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DIL_BUILD_TESTS=ON
cmake --build "$BUILD_DIR" -j "$JOBS"

status=0
echo "== Running the test suites"
log="$BUILD_DIR/ctest-summary.log"
set +e
(cd "$BUILD_DIR" && ctest --output-on-failure -j "$JOBS" --timeout 1500) 2>&1 | tee "$log"
ctest_rc=${PIPESTATUS[0]}
set -e
[ "$ctest_rc" -eq 0 ] || status=1

if [ -f scripts/test-sanitize.sh ] && [ "${SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== Sanitizer run (scripts/test-sanitize.sh)"
  if ! JOBS="$JOBS" bash scripts/test-sanitize.sh; then
    echo "!! sanitizer run failed"
    status=1
  fi
fi

if [ "${SKIP_FUZZ:-0}" != 1 ]; then
  # Each reader's fuzz target (libFuzzer, clang) for a bounded time; `scripts/fuzz.sh 600` runs longer.
  echo "== Fuzzing the readers (scripts/fuzz.sh ${FUZZ_SECONDS:-15})"
  if ! JOBS="$JOBS" bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}"; then
    echo "!! fuzzing failed"
    status=1
  fi
fi

if [ "${WINDOWS:-0}" = 1 ]; then
  echo "== Windows: cross build and wine run (scripts/test-windows.sh)"
  if ! JOBS="$JOBS" LINUX_BUILD_DIR="$BUILD_DIR" bash scripts/test-windows.sh; then
    echo "!! Windows run failed"
    status=1
  fi
fi

echo "== Summary"
grep -E "tests passed|tests failed" "$log" || echo "ctest printed no summary (exit status $ctest_rc)"
if [ "$status" -ne 0 ]; then echo "== FAILED"; else echo "== ALL TESTS PASSED"; fi
exit "$status"
