#!/bin/sh
# Produces docs/screenshots/*.png: every main view of the application on the demo city (首页
# included), the edit dialogs of projects, 技改, 招商 and 问题 (also showing validation errors at
# their fields), the import dialog's steps and the report panel after a run. Three sets, as offices
# have them:
#   docs/screenshots/*.png           1600×1000 (the user guide's)
#   docs/screenshots/1280x800/*.png  1280×800 (office laptops, projectors)
#   docs/screenshots/hidpi/*.png     1280×800 at GTK scale 2 (a 4K screen: 2560×1600 pixels)
# Runs under Xvfb. PNGs are reduced to 256 colours (ImageMagick) to keep the repository small.
#   scripts/screenshots.sh [BUILD_DIR]     (default: build; SKIP_HIDPI=1 skips the scale-2 set)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
OUT=$ROOT/docs/screenshots
# The GUI test program takes the screenshots (built with the tests: -DIL_BUILD_TESTS=ON).
SHOTS="$BUILD/gui/investledger_gui_test"
[ -x "$SHOTS" ] || { echo "no $SHOTS: build with -DIL_BUILD_TESTS=ON (cmake --build $BUILD --target investledger_gui_test)"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BUILD/cli/investledger-cli" --db "$WORK/demo.db" demo > /dev/null
mkdir -p "$OUT" "$WORK/home"

# shots NAME SCREEN DPI SIZE [ENV...]: one run of the application taking the set into $WORK/NAME.
shots() {
  name=$1 screen=$2 dpi=$3 size=$4
  shift 4
  cp "$WORK/demo.db" "$WORK/$name.db"  # every set starts from the same ledger
  env HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" "$@" \
    xvfb-run -a -s "-screen 0 ${screen}x24 -dpi $dpi" \
    "$SHOTS" --db "$WORK/$name.db" --period 2017-06 --screenshots "$WORK/$name" \
    --screenshot-size "$size" 2> "$WORK/$name.log" || { cat "$WORK/$name.log"; exit 1; }
  if grep -E '(Gtk|Gdk|GLib|GLib-GObject)-(WARNING|CRITICAL)' "$WORK/$name.log"; then
    echo "GTK warnings while taking the $name set (above)"; exit 1
  fi
}
shots large 1700x1100 96 1600x1000
shots small 1280x800 96 1280x800
[ "${SKIP_HIDPI:-0}" = 1 ] || shots hidpi 2560x1600 192 1280x800 GDK_SCALE=2

# Fewer colours: a screenshot of flat UI loses nothing visible at 256.
small_png() {
  if command -v convert > /dev/null; then convert "$1" -dither None -colors 256 "PNG8:$2"; else cp "$1" "$2"; fi
}
for f in "$WORK"/large/*.png; do small_png "$f" "$OUT/$(basename "$f")"; done
mkdir -p "$OUT/1280x800"
for f in "$WORK"/small/*.png; do small_png "$f" "$OUT/1280x800/$(basename "$f")"; done
if [ -d "$WORK/hidpi" ]; then
  mkdir -p "$OUT/hidpi"
  for f in "$WORK"/hidpi/*.png; do small_png "$f" "$OUT/hidpi/$(basename "$f")"; done
  rm -f "$OUT/home-hidpi.png"  # now hidpi/home.png
fi
du -sh "$OUT"
ls -1 "$OUT" "$OUT/1280x800" "$OUT/hidpi" 2>/dev/null | head -80
