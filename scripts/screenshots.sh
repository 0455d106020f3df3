#!/bin/sh
# Produces docs/screenshots/*.png: every main view of the application on the demo city, plus the
# edit dialogs of projects, 技改, 招商 and 问题 (also showing validation errors at their fields).
# Runs under Xvfb.
#   scripts/screenshots.sh [BUILD_DIR]     (default: build)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
OUT=$ROOT/docs/screenshots
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BUILD/cli/investledger-cli" --db "$WORK/demo.db" demo > /dev/null
mkdir -p "$OUT" "$WORK/home"
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
  xvfb-run -a -s "-screen 0 1366x800x24 -dpi 96" \
  "$BUILD/gui/investledger" --db "$WORK/demo.db" --period 2017-06 --screenshots "$WORK/shots" 2> "$WORK/gui.log" || {
    cat "$WORK/gui.log"; exit 1; }
cp "$WORK"/shots/*.png "$OUT/"
ls -1 "$OUT"
