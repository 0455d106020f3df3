#!/bin/sh
# Produces docs/screenshots/city.png (the 汇总 panel: status board with submitted, returned and
# missing offices, and a conflict) and city-review.png (the review of a re-submitted package:
# changed fields, a removed deal). A demo city is submitted office by office through the CLI.
# Runs under Xvfb.   scripts/screenshots_city.sh [BUILD_DIR]     (default: build)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
OUT=$ROOT/docs/screenshots
# The GUI test program takes the screenshots (built with the tests: -DIL_BUILD_TESTS=ON).
SHOTS="$BUILD/gui/investledger_gui_test"
[ -x "$SHOTS" ] || { echo "no $SHOTS: build with -DIL_BUILD_TESTS=ON (cmake --build $BUILD --target investledger_gui_test)"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CLI="$BUILD/cli/investledger-cli"
"$CLI" --db "$WORK/demo.db" demo --projects 400 --renovations 150 --deals 100 --quiet > /dev/null
"$CLI" --db "$WORK/city.db" init --office 廊坊市发展和改革委员会 > /dev/null
# The development zone's ledger: a copy in which one project carries the code of a 文安县 project
# (it moved into the zone and was entered there again).
/usr/bin/python3 - "$WORK" <<'PY'
import shutil, sqlite3, sys
w = sys.argv[1]
con = sqlite3.connect(f"{w}/demo.db")
con.execute("UPDATE projects SET code = '2016-131026-47-03-000123' WHERE id = (SELECT min(p.id) FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.name = '文安县')")
con.commit(); con.close()
shutil.copy(f"{w}/demo.db", f"{w}/zone.db")
con = sqlite3.connect(f"{w}/zone.db")
con.execute("UPDATE projects SET code = NULL WHERE code = '2016-131026-47-03-000123'")
con.execute("UPDATE projects SET code = '2016-131026-47-03-000123' WHERE id = (SELECT min(p.id) FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.name = '廊坊经济技术开发区')")
con.commit(); con.close()
PY
for o in 广阳区 安次区 三河市 霸州市 香河县 固安县 文安县 大城县; do
  "$CLI" --db "$WORK/demo.db" submit --period 2017-06 --office "$o" --out "$WORK/$o.ilpkg" > /dev/null
done
"$CLI" --db "$WORK/zone.db" submit --period 2017-06 --office 廊坊经济技术开发区 --out "$WORK/zone.ilpkg" > /dev/null
"$CLI" --db "$WORK/city.db" intake "$WORK"/*.ilpkg --accept > /dev/null
"$CLI" --db "$WORK/city.db" return --office 霸州市 --period 2017-06 --reason "3个项目形象进度未填写，请补充后重报" > /dev/null
# 文安县 corrects two projects and removes a deal, then submits again: the package to review.
"$CLI" --db "$WORK/demo.db" unlock 2017-06 --reason "市局要求更正" > /dev/null
/usr/bin/python3 - "$WORK" <<'PY'
import sqlite3, sys
con = sqlite3.connect(f"{sys.argv[1]}/demo.db")
con.execute("PRAGMA foreign_keys = ON")
ids = [r[0] for r in con.execute("SELECT p.id FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.name = '文安县' ORDER BY p.id LIMIT 3 OFFSET 1")]
con.execute(f"UPDATE projects SET total_investment = total_investment + 50000000, stage = '续建' WHERE id = {ids[0]}")
con.execute(f"UPDATE progress SET completed_ytd = completed_ytd + 2000000, completed_month = completed_month + 2000000 WHERE project_id = {ids[1]} AND year = 2017 AND month = 6")
con.execute(f"UPDATE projects SET leader_name = '王建国' WHERE id = {ids[2]}")
con.execute("DELETE FROM deals WHERE id = (SELECT min(d.id) FROM deals d JOIN regions r ON r.id = d.region_id WHERE r.name = '文安县')")
con.commit()
PY
"$CLI" --db "$WORK/demo.db" submit --period 2017-06 --office 文安县 --out "$WORK/文安县-更正.ilpkg" > /dev/null
mkdir -p "$OUT" "$WORK/home"
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
  IL_SCREENSHOT_PACKAGE="$WORK/文安县-更正.ilpkg" \
  xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
  "$SHOTS" --db "$WORK/city.db" --period 2017-06 --screenshots "$WORK/shots" 2> "$WORK/gui.log" || true
[ -s "$WORK/shots/city.png" ] && [ -s "$WORK/shots/city-review.png" ] || { cat "$WORK/gui.log"; exit 1; }
cp "$WORK/shots/city.png" "$WORK/shots/city-review.png" "$OUT/"
ls -1 "$OUT/city.png" "$OUT/city-review.png"
