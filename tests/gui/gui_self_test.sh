#!/bin/sh
# Usage: gui_self_test.sh GUI_TEST GUI CLI WORKDIR
#   GUI_TEST: the GUI test program (investledger_gui_test: --self-test), GUI: the application
#   (investledger: its --help and its start without a display), CLI: investledger-cli.
set -eu
GUI_TEST=$1
GUI=$2
CLI=$3
WORK=$4
rm -rf "$WORK"
mkdir -p "$WORK/home"
DB="$WORK/demo.db"
"$CLI" --db "$DB" demo > "$WORK/demo.log"

# The GUI test program (the application with its test driver) opens every view, edits a project, a 技改 and a 招商 record through their dialogs
# (with validation errors at the fields), edits/resolves/deletes problems, deletes records and undoes
# that, enters a month in the grid, generates a report and saves settings; exit 0 = passed.
# Both runs share one configuration file: the second start (no --db: the last ledger) checks that
# the window size, the list's columns and filter and the language chosen in the first come back.
status=0
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
  xvfb-run -a -s "-screen 0 1700x1100x24" timeout 270 "$GUI_TEST" --db "$DB" --config "$WORK/config.ini" \
  --self-test "$WORK/out" > "$WORK/gui.log" 2>&1 || status=$?
grep -E '^(ok|FAIL|self-test)' "$WORK/gui.log" || true
if [ $status -ne 0 ]; then
  echo "GUI self-test failed with status $status"; tail -30 "$WORK/gui.log"; exit 1
fi
# No GTK warnings at start-up or on any panel (a squeezed spin button logs Gtk-CRITICAL, say).
gtk_warnings() {
  if grep -E '(Gtk|Gdk|GLib|GLib-GObject|Pango)-(WARNING|CRITICAL)' "$1"; then
    echo "FAIL GTK warnings in $1 (above)"; exit 1
  fi
  echo "ok   no GTK warnings or criticals in $(basename "$1")"
}
gtk_warnings "$WORK/gui.log"
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
  xvfb-run -a -s "-screen 0 1700x1100x24" timeout 120 "$GUI_TEST" --config "$WORK/config.ini" \
  --self-test "$WORK/out" --self-test-step restart > "$WORK/gui-restart.log" 2>&1 || status=$?
grep -E '^(ok|FAIL|self-test)' "$WORK/gui-restart.log" || true
if [ $status -ne 0 ]; then
  echo "GUI self-test (restart) failed with status $status"; tail -30 "$WORK/gui-restart.log"; exit 1
fi
gtk_warnings "$WORK/gui-restart.log"

# The application's --help follows the UI language (Chinese by default), also without a display,
# which it names, with what to use instead; it lists no test options (they are the test program's).
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" DISPLAY= WAYLAND_DISPLAY= \
  timeout 30 "$GUI" --help > "$WORK/help.txt" 2>&1 || { echo "FAIL --help exits non-zero"; cat "$WORK/help.txt"; exit 1; }
grep -q -- '--db' "$WORK/help.txt" && grep -q '台账数据库文件' "$WORK/help.txt" && grep -q 'investledger-cli' "$WORK/help.txt" \
  || { echo "FAIL --help without a display is not the Chinese usage with the CLI hint"; cat "$WORK/help.txt"; exit 1; }
echo "ok   --help without a display: Chinese usage and the investledger-cli hint"
if grep -E -- '--(self-test|screenshot)' "$WORK/help.txt"; then
  echo "FAIL the application's --help lists test options (above)"; exit 1
fi
echo "ok   the application's --help lists no test options"
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" DISPLAY= WAYLAND_DISPLAY= \
  timeout 30 "$GUI_TEST" --help > "$WORK/help-test.txt" 2>&1 || { echo "FAIL the test program's --help exits non-zero"; cat "$WORK/help-test.txt"; exit 1; }
grep -q -- '--self-test' "$WORK/help-test.txt" && grep -q -- '--screenshots' "$WORK/help-test.txt" \
  || { echo "FAIL the test program's --help does not list --self-test and --screenshots"; cat "$WORK/help-test.txt"; exit 1; }
echo "ok   the test program's --help lists --self-test and --screenshots"
status=0
HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" DISPLAY= WAYLAND_DISPLAY= \
  timeout 30 "$GUI" --db "$DB" > "$WORK/nodisplay.txt" 2>&1 || status=$?
if [ $status -eq 0 ] || ! grep -q '未找到图形显示' "$WORK/nodisplay.txt" || ! grep -q 'investledger-cli' "$WORK/nodisplay.txt"; then
  echo "FAIL without a display the application does not say so in Chinese (status $status)"; cat "$WORK/nodisplay.txt"; exit 1
fi
echo "ok   without a display: says so in Chinese and points to investledger-cli (status $status)"
xvfb-run -a -s "-screen 0 1280x800x24" env HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" \
  timeout 30 "$GUI" --help > "$WORK/help-display.txt" 2>&1 || { echo "FAIL --help exits non-zero"; cat "$WORK/help-display.txt"; exit 1; }
grep -q '台账数据库文件' "$WORK/help-display.txt" && ! grep -q 'ledger database file to open' "$WORK/help-display.txt" \
  || { echo "FAIL --help is not in Chinese"; cat "$WORK/help-display.txt"; exit 1; }
echo "ok   --help with a display: Chinese"

# Check from outside what the GUI wrote.
/usr/bin/python3 - "$DB" "$WORK/out" <<'PY'
import sqlite3, sys, openpyxl
db, out = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
fails = 0
def check(ok, what):
    global fails
    print(("ok   " if ok else "FAIL ") + what)
    fails += 0 if ok else 1
rows = con.execute("SELECT completed_month, completed_ytd, image_progress FROM progress WHERE month = 1 AND year = "
                   "(SELECT MAX(year) FROM progress) AND completed_month = 123450000").fetchall()
check(len(rows) == 1 and rows[0][1] == 123450000 and rows[0][2] == "桩基施工", "month entered in the grid is stored (123.45万元)")
check(con.execute("SELECT COUNT(*) FROM projects WHERE name LIKE '%（自测）'").fetchone()[0] == 0, "undone edit left no trace in projects")
check(con.execute("SELECT COUNT(*) FROM audit_log WHERE new_value LIKE '%（自测）'").fetchone()[0] >= 1, "the edit is in the audit log")
check(con.execute("SELECT COUNT(*) FROM audit_log WHERE reason = '撤销'").fetchone()[0] >= 1, "the undo is in the audit log")
check(con.execute("SELECT COUNT(*) FROM projects WHERE owner LIKE '%-GUI'").fetchone()[0] == 1, "the dialog's edit is stored")
q = lambda sql: con.execute(sql).fetchone()[0]
check(q("SELECT COUNT(*) FROM renovations WHERE name LIKE '%（自测技改）'") == 1, "renovation edited through its dialog is stored")
check(q("SELECT COUNT(*) FROM audit_log WHERE table_name = 'renovations' AND reason = '撤销'") >= 1, "renovation undo is in the audit log")
check(q("SELECT COUNT(*) FROM audit_log WHERE table_name = 'renovations' AND action = 'delete'") >= 1, "renovation delete is in the audit log")
check(q("SELECT COUNT(*) FROM deal_funds WHERE currency = 'USD' AND amount = 100000000 AND rate_micro = 7100000 "
        "AND amount_cny = 710000000") == 1, "USD funds entry with its rate stored (100万美元 x 7.1 = 710万元)")
check(q("SELECT COUNT(*) FROM deal_followups WHERE note = '自测跟进：客商来访'") == 1, "follow-up stored")
check(q("SELECT COUNT(*) FROM deals WHERE investor LIKE '%（自测）'") == 1, "deal edited through its dialog is stored")
check(q("SELECT COUNT(*) FROM audit_log WHERE table_name = 'deals' AND action = 'delete'") >= 1, "deal delete is in the audit log")
check(q("SELECT COUNT(*) FROM problems WHERE description = '自测问题：用地未落实' AND status = '销号' "
        "AND closed_date IS NOT NULL AND owner_unit = '自然资源和规划局'") == 1, "problem edited and resolved")
check(q("SELECT COUNT(*) FROM problems WHERE description = '自测问题：待删除'") == 0, "deleted problem is gone")
check(q("SELECT COUNT(*) FROM audit_log WHERE table_name = 'problems' AND action = 'delete'") >= 2, "problem deletes are in the audit log")
check(con.execute("SELECT value FROM settings WHERE key = 'footer_unit'").fetchone()[0] == "固安县投资促进局（自测）", "setting stored")
check(con.execute("SELECT COUNT(*) FROM report_runs").fetchone()[0] >= 1, "report run recorded")
wb = openpyxl.load_workbook(out + "/report.xlsx")
check(len(wb.sheetnames) >= 1, "report opens with openpyxl (%d sheets)" % len(wb.sheetnames))
# Long work on worker threads: a report through the panel, a cancelled one, an import through the dialog.
import os
check(con.execute("SELECT COUNT(*) FROM report_runs WHERE file_path LIKE '%report-progress.xlsx'").fetchone()[0] >= 1,
      "the panel's report run is recorded")
check(os.path.exists(out + "/report-progress.xlsx") and len(openpyxl.load_workbook(out + "/report-progress.xlsx").sheetnames) >= 1,
      "the panel's report opens with openpyxl")
check(not any("report-cancelled" in f for f in os.listdir(out)), "the cancelled report left no file")
check(con.execute("SELECT COUNT(*) FROM report_runs WHERE file_path LIKE '%report-cancelled%'").fetchone()[0] == 0,
      "the cancelled report left no report_runs row")
row = con.execute("SELECT owner, total_investment FROM projects WHERE name = '自测导入新项目甲'").fetchone()
check(row is not None and row[0] == "自测甲公司" and row[1] == 50000 * 1000000, "the imported project is stored (50000万元)")
check(con.execute("SELECT COUNT(*) FROM projects WHERE name = '自测导入坏行'").fetchone()[0] == 0, "the rejected row was not imported")
check(con.execute("SELECT COUNT(*) FROM import_presets WHERE name = '自测方案'").fetchone()[0] == 1, "the import preset is stored")
check(con.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'import'").fetchone()[0] >= 1, "the import is in the audit log")
ew = openpyxl.load_workbook(out + "/import-errors.xlsx").active
erows = [r for r in ew.values]
check(any("自测导入坏行" in [str(v) for v in r] for r in erows) and any("错误原因" in [str(v) for v in r] for r in erows[:3]),
      "the errors workbook holds the rejected row and its reason")
ws = openpyxl.load_workbook(out + "/list.xlsx").active
rows = list(ws.values)
check(len(rows) > 3 and rows[-1][0] in ("合计", "Total"), "exported list has a header, rows and a totals row")
col = [i for i, h in enumerate(rows[0]) if h in ("县（市、区）", "Region")]
check(len(col) == 1 and all(r[col[0]] == "固安县" for r in rows[1:-1]), "exported rows are the filtered ones")
sys.exit(1 if fails else 0)
PY
