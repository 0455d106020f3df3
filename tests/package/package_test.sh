#!/bin/bash
# Package test: build the .deb with CPack, unpack it into a scratch root (nothing is installed on
# the machine), check its metadata and files, and run the unpacked CLI on the unpacked templates.
#   package_test.sh BUILD_DIR SOURCE_DIR
# The unpacked programs run with INVESTLEDGER_DATA_DIR unset and a scratch HOME, so they must find
# share/investledger relative to their own location (core/platform/paths.cpp).
set -uo pipefail
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
WORK="$BUILD/package-test"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
step() { echo; echo "== [${SECONDS}s] $*"; }

rm -rf "$WORK" && mkdir -p "$WORK"

step "cpack -G DEB"
if ! cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/cpack" > "$WORK/cpack.log" 2>&1; then
  cat "$WORK/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1
fi
DEB=$(ls "$WORK"/cpack/investledger_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || { cat "$WORK/cpack.log"; echo "FAIL: no investledger_*.deb produced"; exit 1; }
ok "built $(basename "$DEB") ($(stat -c %s "$DEB") bytes)"

step "control fields"
dpkg-deb -I "$DEB" | sed -n '/Package:/,$p'
field() { dpkg-deb -f "$DEB" "$1"; }
[ "$(field Package)" = investledger ] && ok "Package: investledger" || fail "package name is '$(field Package)'"
depends=$(field Depends)
for lib in libc6 libstdc++6 libsqlite3-0 libwxgtk3.2-1; do
  grep -q "$lib" <<<"$depends" && ok "Depends names $lib" || fail "Depends lacks $lib: $depends"
done
grep -q fonts-noto-cjk <<<"$(field Recommends)" && ok "Recommends fonts-noto-cjk" || fail "Recommends lacks fonts-noto-cjk"
[ -n "$(field Description)" ] && [ -n "$(field Maintainer)" ] || fail "Description or Maintainer empty"

step "dpkg-deb -x into a scratch root"
ROOT="$WORK/root"
dpkg-deb -x "$DEB" "$ROOT" || { echo "FAIL: dpkg-deb -x"; exit 1; }
U="$ROOT/usr"
expect=(bin/investledger-cli bin/investledger share/applications/investledger.desktop
        share/icons/hicolor/scalable/apps/investledger.svg
        share/metainfo/io.github.investledger.InvestLedger.metainfo.xml
        share/man/man1/investledger-cli.1.gz share/man/man1/investledger.1.gz)
for n in 16 22 24 32 48 64 128 256; do expect+=("share/icons/hicolor/${n}x${n}/apps/investledger.png"); done
for f in "${expect[@]}"; do [ -s "$U/$f" ] && ok "$f" || fail "missing in the package: /usr/$f"; done
[ -d "$U/share/investledger/templates" ] && ok "share/investledger/templates/" || fail "no share/investledger/templates"
for n in 16 32 256; do
  size=$(file -b "$U/share/icons/hicolor/${n}x${n}/apps/investledger.png" | grep -o "[0-9]* x [0-9]*")
  [ "$size" = "$n x $n" ] && ok "icon ${n}x${n} is ${size}" || fail "icon ${n}x${n} is '${size}'"
done
# Every template folder of the source tree is shipped.
if [ -d "$SRC/templates" ]; then
  for t in "$SRC"/templates/*/; do
    t=$(basename "$t")
    [ -d "$U/share/investledger/templates/$t" ] && ok "template $t shipped" || fail "template $t not in the package"
  done
fi
# Translations: each po/<lang>.po is shipped as a compiled catalogue.
if compgen -G "$SRC/po/*.po" > /dev/null; then
  for po in "$SRC"/po/*.po; do
    lang=$(basename "$po" .po)
    [ -s "$U/share/locale/$lang/LC_MESSAGES/investledger.mo" ] \
      && ok "translation $lang shipped" || fail "translation $lang (po/$lang.po) not in the package"
  done
fi

step "desktop entry, AppStream metadata, man pages"
desktop="$U/share/applications/investledger.desktop"
if out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then ok "desktop-file-validate"; else fail "desktop-file-validate: $out"; fi
grep -qx "Name=InvestLedger" "$desktop" && grep -qx "Name\[zh_CN\]=投资项目台账" "$desktop" \
  && ok "desktop names (en, zh_CN)" || fail "desktop entry lacks Name=InvestLedger / Name[zh_CN]=投资项目台账"
exec_prog=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$U/bin/$exec_prog" ] && ok "Exec=$exec_prog is in the package" || fail "Exec=$exec_prog not in /usr/bin of the package"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$U/share/icons/hicolor/scalable/apps/$icon.svg" ] && ok "Icon=$icon is in the package" || fail "Icon=$icon not shipped"
metainfo="$U/share/metainfo/io.github.investledger.InvestLedger.metainfo.xml"
if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then ok "appstreamcli validate"; else fail "appstreamcli validate: $out"; fi
grep -q "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$metainfo" \
  && ok "metainfo launches the desktop entry" || fail "metainfo <launchable> does not name $(basename "$desktop")"
for page in investledger-cli investledger; do
  err=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$U/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
  text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -E UTF-8 -l "$U/share/man/man1/$page.1.gz" 2>/dev/null)
  if [ -z "$err" ] && grep -q "^NAME" <<<"$text"; then ok "man page $page(1) formats without warnings"; else fail "man page $page: $err"; fi
done

step "the unpacked programs resolve all their libraries"
for prog in investledger-cli investledger; do
  missing=$(ldd "$U/bin/$prog" 2>&1 | grep "not found")
  [ -z "$missing" ] && ok "ldd $prog" || fail "ldd $prog: $missing"
done

step "run the unpacked CLI (no INVESTLEDGER_DATA_DIR, scratch HOME)"
CLI="$U/bin/investledger-cli"
HOME_DIR="$WORK/home"; mkdir -p "$HOME_DIR"
run_cli() { env -u INVESTLEDGER_DATA_DIR -u XDG_DATA_HOME HOME="$HOME_DIR" "$CLI" "$@"; }
has_cmd() { run_cli --help 2>/dev/null | awk -v c="$1" '/^Subcommands:/{s=1;next} s && $1==c {f=1} END{exit !f}'; }
DB="$WORK/demo.db"

if v=$(run_cli --version 2>&1) && grep -q "[0-9]\+\.[0-9]\+\.[0-9]\+" <<<"$v"; then ok "--version: $v"; else fail "--version: $v"; fi

if has_cmd demo; then
  if out=$(run_cli --db "$DB" demo 2>&1); then ok "demo"; else fail "demo: $out"; fi
else
  echo "skip: this build has no 'demo' command"
  if has_cmd init; then run_cli --db "$DB" init > /dev/null 2>&1 || fail "init"; fi
fi

if has_cmd templates; then
  out=$(run_cli templates 2>&1); rc=$?
  echo "$out"
  if [ $rc -ne 0 ]; then
    fail "templates exited $rc"
  elif compgen -G "$SRC/templates/*/" > /dev/null; then
    # Each shipped template must be listed from the unpacked tree, not from the source tree.
    for t in "$SRC"/templates/*/; do
      t=$(basename "$t")
      grep -q "$ROOT/usr/bin/../share/investledger/templates/$t\|$ROOT/usr/share/investledger/templates/$t" <<<"$out" \
        && ok "templates lists $t from the unpacked tree" \
        || fail "templates does not list $t from $ROOT/usr/share/investledger/templates"
    done
    grep -q "$SRC/templates" <<<"$out" && fail "templates reads the source tree ($SRC/templates)"
  else
    grep -q "$ROOT/usr" <<<"$out" && ok "templates looks in the unpacked tree" || fail "templates does not look in the unpacked tree"
  fi
else
  echo "skip: this build has no 'templates' command"
fi

if has_cmd report && has_cmd demo && compgen -G "$SRC/templates/*/" > /dev/null; then
  XLSX="$WORK/quarterly-2017-06.xlsx"
  if out=$(run_cli --db "$DB" report --all --period 2017-06 --out "$XLSX" 2>&1) && [ -s "$XLSX" ]; then
    ok "report --all --period 2017-06 ($(stat -c %s "$XLSX") bytes)"
    if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
      sheets=$(/usr/bin/python3 -c "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(len(wb.sheetnames))" "$XLSX" 2>&1)
      [ "${sheets:-0}" -ge 1 ] 2>/dev/null && ok "the report opens with openpyxl ($sheets sheets)" || fail "openpyxl: $sheets"
    fi
  else
    fail "report --all: $out"
  fi
else
  echo "skip: no report (needs the 'report' and 'demo' commands and templates)"
fi

if has_cmd check; then
  if out=$(run_cli --db "$DB" check 2>&1); then ok "check"; else echo "$out" | tail -20; fail "check exited non-zero"; fi
else
  echo "skip: this build has no 'check' command"
fi

step "the unpacked GUI starts (Xvfb) and finds its translations by itself"
if command -v xvfb-run > /dev/null && [ -x "$U/bin/investledger" ]; then
  # It must come up and stay up; timeout ends it. Exit 124 (ended by timeout) means it was running.
  # Under strace (where tracing is allowed) the files it opens show where it looked for translations.
  tracer=()
  if command -v strace > /dev/null && strace -o /dev/null true 2> /dev/null; then
    tracer=(strace -f -e trace=open,openat -o "$WORK/gui.trace")
  fi
  # xvfb-run -a can lose the race for a display number to another suite's Xvfb: retry only then.
  for attempt in 1 2 3; do
    env -u INVESTLEDGER_DATA_DIR HOME="$HOME_DIR" xvfb-run -a "${tracer[@]}" timeout 10 "$U/bin/investledger" --db "$DB" > "$WORK/gui.log" 2>&1
    rc=$?
    grep -q "Xvfb failed to start" "$WORK/gui.log" || break
    echo "(Xvfb did not start, attempt $attempt)"; sleep 2
  done
  if [ $rc -eq 124 ] || [ $rc -eq 0 ]; then ok "GUI started (exit $rc)"; else cat "$WORK/gui.log"; fail "GUI exited with $rc"; fi
  if [ -f "$SRC/po/zh_CN.po" ]; then
    if [ ${#tracer[@]} -eq 0 ]; then
      echo "skip: strace not usable here; translation lookup not traced"
    elif grep -E "\"$ROOT/usr/[^\"]*locale/zh_CN/LC_MESSAGES/investledger\.mo\".* = [0-9]+$" "$WORK/gui.trace" > /dev/null; then
      ok "GUI opened zh_CN/LC_MESSAGES/investledger.mo from the unpacked tree"
    else
      grep "investledger.mo" "$WORK/gui.trace" | head -10
      fail "GUI did not open its zh_CN translation from $ROOT/usr/share/locale"
    fi
  fi
else
  echo "skip: xvfb-run not installed"
fi

step "NSIS installer script (Windows) compiles"
if command -v makensis > /dev/null; then
  if cpack -G NSIS -D CPACK_NSIS_COMPRESSOR=zlib --config "$BUILD/CPackConfig.cmake" -B "$WORK/nsis" > "$WORK/nsis.log" 2>&1 && compgen -G "$WORK/nsis/*.exe" > /dev/null; then
    ok "cpack -G NSIS (makensis accepted the generated script)"
  else
    tail -30 "$WORK/nsis.log"; cat "$WORK"/nsis/_CPack_Packages/*/NSIS/NSISOutput.log 2>/dev/null | tail -20
    fail "cpack -G NSIS"
  fi
else
  echo "skip: makensis (nsis) not installed"
fi

echo
if [ $fails -ne 0 ]; then echo "package test: $fails failure(s)"; exit 1; fi
echo "package test: all checks passed"
rm -rf "$WORK/nsis" "$WORK/cpack/_CPack_Packages"
