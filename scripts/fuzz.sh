#!/bin/bash
# Builds the reader fuzz targets with clang (libFuzzer + ASan + UBSan) in build-fuzz/ and runs
# each one for SECONDS (default 20; `scripts/fuzz.sh 600` for a longer session), in turn.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET: xlsx csv xls (default: all)
# New interesting inputs collect in build-fuzz/fuzz-corpus/<target>/ (copy good ones into
# tests/fuzz/corpus/<target>/). A crash leaves build-fuzz/fuzz-artifacts-<target>-crash-*:
# fix it, then commit the input into tests/fuzz/regressions/<target>/ so ctest replays it.
# Environment: FUZZ_BUILD_DIR (default build-fuzz), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
shift || true
TARGETS=${*:-xlsx csv xls}
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-2}

command -v clang++ >/dev/null || { echo "clang++ not found: sh scripts/install-deps.sh --test" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIL_FUZZ=ON \
  -DIL_BUILD_GUI=OFF -DIL_FUZZ_SECONDS="$SECONDS_EACH" >/dev/null
build_targets=""
for t in $TARGETS; do build_targets="$build_targets fuzz_$t"; done
cmake --build "$BUILD" -j "$JOBS" --target $build_targets

status=0
for t in $TARGETS; do
  echo "== fuzz_$t: replaying regressions, then fuzzing for ${SECONDS_EACH}s"
  mkdir -p "$BUILD/fuzz-corpus/$t"
  regress=$(find tests/fuzz/regressions/$t -type f ! -name .keep 2>/dev/null || true)
  if [ -n "$regress" ]; then
    "$BUILD/tests/fuzz_$t" -timeout=10 $regress || status=1
  fi
  "$BUILD/tests/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$BUILD/fuzz-artifacts-$t-" "$BUILD/fuzz-corpus/$t" "tests/fuzz/corpus/$t" || status=1
done
[ "$status" -eq 0 ] && echo "== fuzzing found nothing" || echo "== FUZZING FOUND A PROBLEM (see $BUILD/fuzz-artifacts-*)"
exit "$status"
