#!/bin/bash
# Usage (inside tests/pg/with_cluster.sh, which exports IL_TEST_PG_URL and PGPASSFILE):
#   gui_server_test.sh GUI_TEST CLI WORKDIR
# The desktop application on a ledger held on a PostgreSQL server (issue 14): the demo city is
# moved to the throw-away server with the CLI, the GUI test program starts on the server's address
# (--self-test-step server: the views read through their workers' server connections, a project
# is edited through its dialog), and the CLI reads the server back: the list showed the server's
# projects, the edit is stored there, and the settings hold the address but never the password.
# IL_SCREENSHOT_OUT=DIR also keeps the main window's screenshot there (scripts/screenshots_server.sh).
set -euo pipefail
GUI_TEST=$1
CLI=$2
WORK=$3
: "${IL_TEST_PG_URL:?run through tests/pg/with_cluster.sh}"
rm -rf "$WORK"
mkdir -p "$WORK/home"
fail() { echo "FAIL $*"; exit 1; }

"$CLI" --db "$WORK/县台账.db" demo --seed 20170630 --quiet > "$WORK/demo.log"
"$CLI" --db "$WORK/县台账.db" migrate-to "$IL_TEST_PG_URL" > "$WORK/migrate.log"

status=0
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
  xvfb-run -a -s "-screen 0 1700x1100x24" timeout 240 "$GUI_TEST" --db "$IL_TEST_PG_URL" --period 2017-06 \
  --config "$WORK/config.ini" --self-test "$WORK/out" --self-test-step server > "$WORK/gui.log" 2>&1 || status=$?
grep -E '^(ok|FAIL|self-test)' "$WORK/gui.log" || true
if [ $status -ne 0 ]; then
  echo "GUI self-test on the server failed with status $status"; tail -30 "$WORK/gui.log"; exit 1
fi
if grep -E '(Gtk|Gdk|GLib|GLib-GObject|Pango)-(WARNING|CRITICAL)' "$WORK/gui.log"; then fail "GTK warnings (above)"; fi
echo "ok   no GTK warnings or criticals"

# The list the GUI showed against the server's projects as the CLI reads them.
gui_rows=$(cat "$WORK/out/server-projects.txt")
cli_rows=$("$CLI" --db "$IL_TEST_PG_URL" list projects --json | /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
[ "$gui_rows" = "$cli_rows" ] || fail "the GUI's project list had $gui_rows rows, the server has $cli_rows projects"
echo "ok   the GUI's project list had the server's $cli_rows projects"

# The edit made through the dialog, read back from the server.
IFS=$'\t' read -r id owner < "$WORK/out/server-edit.txt"
stored=$("$CLI" --db "$IL_TEST_PG_URL" show "$id" | awk -F'\t' '$1 == "owner" { print $2 }')
[ "$stored" = "$owner" ] || fail "project $id: the server has owner '$stored', the GUI saved '$owner'"
echo "ok   the GUI's edit of project $id is on the server ($owner)"

# The settings keep the server's address (recent ledgers, the last one), never its password.
grep -qF "$IL_TEST_PG_URL" "$WORK/config.ini" || fail "the server's address is not among the recent ledgers"
password=$(cut -d: -f5- "$IL_TEST_PG_PASSFILE")
if grep -rqF "$password" "$WORK/config.ini" "$WORK/home"; then fail "the server's password was written to the settings"; fi
echo "ok   the settings hold the server's address and not its password"

[ -s "$WORK/out/projects-server.png" ] || fail "no screenshot of the main window"
if [ -n "${IL_SCREENSHOT_OUT:-}" ]; then
  mkdir -p "$IL_SCREENSHOT_OUT"
  if command -v convert > /dev/null; then
    convert "$WORK/out/projects-server.png" -dither None -colors 256 "PNG8:$IL_SCREENSHOT_OUT/projects-server.png"
  else
    cp "$WORK/out/projects-server.png" "$IL_SCREENSHOT_OUT/"
  fi
  echo "screenshot: $IL_SCREENSHOT_OUT/projects-server.png"
fi
