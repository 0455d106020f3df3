#!/bin/bash
# Runs the installed investledger.exe under wine on the running X display (xvfb-run), waits for
# its main window and saves a screenshot of 首页 (taken by ImageMagick's import from outside:
# under wine the program cannot call Linux tools).
#   gui_screenshot.sh INVESTLEDGER_EXE DB_WINDOWS_PATH PERIOD OUT.png
set -u
exe=$1 db=$2 period=$3 out=$4
log=$(mktemp)
wine "$exe" --db "$db" --period "$period" > "$log" 2>&1 &
pid=$!
found=0
for _ in $(seq 1 120); do
  if xwininfo -root -tree 2>/dev/null | grep -q '投资项目台账'; then found=1; break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
if [ $found = 1 ]; then
  sleep 8   # the 首页's background loads and first paint
  import -window root "$out"
fi
wineserver -k 2>/dev/null
wait $pid 2>/dev/null
if [ $found != 1 ]; then echo "no window titled 投资项目台账 appeared"; cat "$log"; rm -f "$log"; exit 1; fi
rm -f "$log"
test -s "$out"
