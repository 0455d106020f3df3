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
  xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
  "$BUILD/gui/investledger" --db "$WORK/demo.db" --period 2017-06 --screenshots "$WORK/shots" 2> "$WORK/gui.log" || {
    cat "$WORK/gui.log"; exit 1; }
cp "$WORK"/shots/*.png "$OUT/"
# The 首页 at high DPI (GTK scale 2, as on a 4K screen): home-hidpi.png.
if [ "${SKIP_HIDPI:-0}" != 1 ]; then
  HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" GDK_SCALE=2 \
    xvfb-run -a -s "-screen 0 3200x2000x24 -dpi 192" \
    "$BUILD/gui/investledger" --db "$WORK/demo.db" --period 2017-06 --screenshots "$WORK/hidpi" 2> "$WORK/gui-hidpi.log" || {
      cat "$WORK/gui-hidpi.log"; exit 1; }
  cp "$WORK/hidpi/home.png" "$OUT/home-hidpi.png"
fi
ls -1 "$OUT"
