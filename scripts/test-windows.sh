#!/bin/bash
# Tests the Windows build of scripts/build-windows.sh under wine (Debian's wine64), in a private
# wine prefix ($BUILD_DIR/wine):
#   1. core_tests.exe and cli_process_tests.exe (the doctest suites, as .exe files);
#   2. the NSIS installer, installed silently (/S); the installed CLI makes the demo city in its
#      default database (%APPDATA%\InvestLedger) and writes the quarterly report set, which is
#      read back with openpyxl and compared cell for cell with the Linux build's report (same seed);
#      the installed CLI also makes the report set from a ledger on a throw-away PostgreSQL server;
#   3. the installed GUI under Xvfb: a screenshot of 首页 -> docs/screenshots/windows-home.png;
#   4. the uninstaller (/S): programs gone, %APPDATA%\InvestLedger kept.
# Environment: BUILD_DIR (default build-windows), LINUX_BUILD_DIR (default build: its
#   investledger-cli makes the reference report; built when missing), JOBS (default 2),
#   SKIP_BUILD=1 (do not run build-windows.sh first), GUI=0 (a build without the desktop
#   application: its checks are skipped), SCREENSHOT (where to put it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD_DIR=$(realpath -m "${BUILD_DIR:-build-windows}")
LINUX_BUILD_DIR=$(realpath -m "${LINUX_BUILD_DIR:-build}")
JOBS=${JOBS:-2}
SCREENSHOT=${SCREENSHOT:-$ROOT/docs/screenshots/windows-home.png}
SEED=${SEED:-20170630}
PERIOD=2017-06
t0=$(date +%s)
say() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "!! $*"; exit 1; }

[ "${SKIP_BUILD:-0}" = 1 ] || BUILD_DIR=$BUILD_DIR JOBS=$JOBS bash scripts/build-windows.sh
has_gui=1
[ -f "$BUILD_DIR/gui/investledger.exe" ] || { has_gui=0; echo "== no gui/investledger.exe in $BUILD_DIR (GUI=0 build): GUI checks skipped"; }

export WINEPREFIX=$BUILD_DIR/wine WINEDEBUG=-all WINEARCH=win64
# no Mono/Gecko installers (not needed, and they would be downloads)
export WINEDLLOVERRIDES="mscoree,mshtml="
W=$BUILD_DIR/wine-work
rm -rf "$W"; mkdir -p "$W"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  say "Creating the wine prefix $WINEPREFIX"
  wineboot -i > "$W/wineboot.log" 2>&1 || { cat "$W/wineboot.log"; exit 1; }
fi
# Chinese in the user interface: wine draws with the host's fonts through fontconfig, but its UI
# faces (MS Shell Dlg -> Tahoma, wine's own Tahoma has no CJK glyphs) show Chinese as boxes.
# Substituting Debian's Noto Sans CJK SC (fonts-noto-cjk) for them is what a Chinese Windows does
# with Microsoft YaHei. (`wine reg add`: a REGEDIT4 file imported with regedit did not take effect.)
# (After `wineserver -w`: a new prefix's wineboot may still be writing its own defaults there.)
wineserver -w
subst='HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes'
for face in "MS Shell Dlg" "MS Shell Dlg 2" "Tahoma" "Segoe UI" "Microsoft YaHei" "Microsoft YaHei UI" "SimSun"; do
  wine reg add "$subst" /v "$face" /d "Noto Sans CJK SC" /f > /dev/null 2>&1 ||
    fail "could not set the font substitute for $face in the wine prefix"
done
# wine rewrites the MS Shell Dlg entry per locale when a GUI process starts (it becomes SimSun
# under zh_CN, see the GUI step), so SimSun and the other Chinese faces are also replaced:
for face in "SimSun" "NSimSun" "SimHei" "Microsoft YaHei" "Microsoft YaHei UI"; do
  wine reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$face" /d "Noto Sans CJK SC" /f > /dev/null 2>&1 ||
    fail "could not set the font replacement for $face in the wine prefix"
done
wineserver -w
wineserver -w

status=0
check() {  # check DESCRIPTION COMMAND...: runs it, reports, remembers a failure
  local what=$1; shift
  if "$@"; then echo "   ok: $what"; else echo "!! FAILED: $what"; status=1; fi
}

# --- 1. the doctest suites as Windows programs ---------------------------------------------
say "core_tests.exe under wine"
check "core doctest suite" wine "$BUILD_DIR/tests/core_tests.exe" --no-colors=true --duration=false
say "cli_process_tests.exe under wine"
check "CLI process suite" wine "$BUILD_DIR/tests/cli_process_tests.exe" --no-colors=true

# --- 2. the installer ---------------------------------------------------------------------
installer=$(ls -t "$BUILD_DIR"/investledger-*-win64.exe 2>/dev/null | head -n1)
[ -n "$installer" ] || fail "no installer in $BUILD_DIR (investledger-*-win64.exe)"
drive_c=$WINEPREFIX/drive_c
inst=$drive_c/InvestLedger
appdata=$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')
appdata_unix=$(winepath -u "$appdata" 2>/dev/null)
desktop_unix=$(winepath -u "$(wine cmd /c echo %USERPROFILE%\\Desktop 2>/dev/null | tr -d '\r')" 2>/dev/null)
# NSIS installs for all users (ProgramData), in the folder named after CPACK_NSIS_PACKAGE_NAME
startmenu_unix="$drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs"
rm -rf "$inst" "$appdata_unix/InvestLedger"
say "Installing $(basename "$installer") silently (/S) to C:\\InvestLedger"
wine "$installer" /S '/D=C:\InvestLedger'
wineserver -w
check "installed CLI" test -f "$inst/bin/investledger-cli.exe"
[ $has_gui = 0 ] || check "installed desktop application" test -f "$inst/bin/investledger.exe"
check "installed templates" test -d "$inst/share/investledger/templates/01-projects"
check "installed translations" test -f "$inst/share/locale/zh_CN/LC_MESSAGES/investledger.mo"
check "uninstaller" test -f "$inst/Uninstall.exe"
check "Start-menu shortcut 投资项目台账" test -f "$startmenu_unix/InvestLedger 投资项目台账/投资项目台账.lnk"
check "desktop shortcut 投资项目台账" bash -c "ls '$desktop_unix'/投资项目台账.lnk '$drive_c'/users/Public/Desktop/投资项目台账.lnk 2>/dev/null | grep -q ."

say "The installed CLI: demo city in the default database, quarterly report set"
cli() { wine "$inst/bin/investledger-cli.exe" "$@"; }
check "demo city (default database)" cli demo --seed "$SEED" --quiet
check "database in %APPDATA%\\InvestLedger" test -s "$appdata_unix/InvestLedger/ledger.db"
mkdir -p "$appdata_unix/InvestLedger/reports"
win_report="$appdata\\InvestLedger\\reports\\季度报表-$PERIOD.xlsx"
check "quarterly report set" cli report --all --period "$PERIOD" --date 2017-07-05 --out "$win_report"
check "report file named in Chinese" test -s "$appdata_unix/InvestLedger/reports/季度报表-$PERIOD.xlsx"

# the same on Linux, same seed
if [ ! -x "$LINUX_BUILD_DIR/cli/investledger-cli" ]; then
  say "Building the Linux CLI for the reference report ($LINUX_BUILD_DIR)"
  cmake -S . -B "$LINUX_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build "$LINUX_BUILD_DIR" -j "$JOBS" --target investledger-cli > /dev/null
fi
"$LINUX_BUILD_DIR/cli/investledger-cli" --db "$W/linux.db" demo --seed "$SEED" --quiet
"$LINUX_BUILD_DIR/cli/investledger-cli" --db "$W/linux.db" report --all --period "$PERIOD" --date 2017-07-05 \
  --out "$W/linux-report.xlsx" > /dev/null
check "Windows report equals the Linux report cell for cell" /usr/bin/python3 tests/support/compare_reports.py \
  "$W/linux-report.xlsx" "$appdata_unix/InvestLedger/reports/季度报表-$PERIOD.xlsx"

# the installed CLI on a shared ledger: a throw-away PostgreSQL cluster on this machine
# (tests/pg/with_cluster.sh), the Linux ledger moved there by the Linux CLI, the report set made
# from the server by the Windows CLI (libpq built into it) equal to the Linux report
if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  say "The installed CLI on a ledger held by a PostgreSQL server"
  check "Windows CLI: the report set from a server ledger equals the Linux report" bash tests/pg/with_cluster.sh bash -c '
    set -e
    "$0" --db "$1" migrate-to "$IL_TEST_PG_URL" > /dev/null
    PGPASSFILE="Z:$PGPASSFILE" wine "$2" --db "$IL_TEST_PG_URL" report --all --period "$3" --date 2017-07-05 --out "Z:$4" > /dev/null
    /usr/bin/python3 tests/support/compare_reports.py "$5" "$4"' \
    "$LINUX_BUILD_DIR/cli/investledger-cli" "$W/linux.db" "$inst/bin/investledger-cli.exe" "$PERIOD" "$W/server-report.xlsx" \
    "$W/linux-report.xlsx"
fi

# --- 3. the GUI under Xvfb ------------------------------------------------------------------
if [ $has_gui = 1 ]; then
  say "The installed GUI under Xvfb: screenshot of 首页"
  mkdir -p "$(dirname "$SCREENSHOT")"
  # As on a Chinese Windows: wine takes its locale (code page 936, SimSun for MS Shell Dlg, with
  # SimSun etc. replaced by Noto Sans CJK SC above) from LANG; the glibc locale is made if missing.
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || fail "could not make the zh_CN.UTF-8 locale (package locales)"
  fi
  check "GUI starts and shows 首页 (screenshot $SCREENSHOT)" \
    env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" bash tests/windows/gui_screenshot.sh \
      "$inst/bin/investledger.exe" "$appdata\\InvestLedger\\ledger.db" "$PERIOD" "$SCREENSHOT"
fi

# --- 4. uninstall -------------------------------------------------------------------------------
say "Uninstalling silently (/S)"
wine "$inst/Uninstall.exe" /S
wineserver -w
sleep 2  # the NSIS uninstaller copies itself to %TEMP% and finishes from there
wineserver -w
check "programs removed" test ! -e "$inst/bin/investledger-cli.exe" -a ! -e "$inst/bin/investledger.exe"
check "user data kept (%APPDATA%\\InvestLedger)" test -s "$appdata_unix/InvestLedger/ledger.db"

say "Done"
if [ $status -ne 0 ]; then echo "== WINDOWS TESTS FAILED"; else echo "== WINDOWS TESTS PASSED"; fi
exit $status
