#!/bin/sh
# Produces docs/screenshots/projects-server.png: the main window on a ledger held on a PostgreSQL
# server (the demo city moved to a throw-away cluster; the status bar names the server). It is
# the GUI test's own screenshot (tests/gui/gui_server_test.sh), kept. Runs under Xvfb; needs the
# postgresql-15 server binaries (scripts/install-deps.sh --test).
#   scripts/screenshots_server.sh [BUILD_DIR]     (default: build)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
SHOTS="$BUILD/gui/investledger_gui_test"
[ -x "$SHOTS" ] || { echo "no $SHOTS: build with -DIL_BUILD_TESTS=ON (cmake --build $BUILD --target investledger_gui_test)"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
IL_SCREENSHOT_OUT="$ROOT/docs/screenshots" bash "$ROOT/tests/pg/with_cluster.sh" \
  bash "$ROOT/tests/gui/gui_server_test.sh" "$SHOTS" "$BUILD/cli/investledger-cli" "$WORK/run" > "$WORK/log" 2>&1 \
  || { cat "$WORK/log"; exit 1; }
grep '^screenshot:' "$WORK/log"
