#!/bin/sh
# Installs the Debian 12 packages InvestLedger needs. Run as root (or through sudo).
#   scripts/install-deps.sh          build dependencies only
#   scripts/install-deps.sh --test   also what the tests use (Xvfb, LibreOffice, openpyxl, clang …)
#   scripts/install-deps.sh --bench  also what scripts/bench.sh uses (pandas + XlsxWriter, perf, …)
#   scripts/install-deps.sh --windows  also the Windows cross build (mingw-w64, wine, NSIS, and
#                                      what building Debian's source packages needs); combinable
# Packages already present are skipped, so a second run is quick.
set -eu
BUILD_PKGS="g++ make cmake pkg-config git ccache ca-certificates
  libwxgtk3.2-dev libsqlitecpp-dev libsqlite3-dev libxlsxwriter-dev doctest-dev nlohmann-json3-dev
  libcli11-dev libfreexl-dev libminizip-dev libexpat1-dev zlib1g-dev unicode-data python3 gettext
  fonts-noto-cjk dpkg-dev file librsvg2-bin wx3.2-i18n libpq-dev"
TEST_PKGS="xvfb xauth imagemagick libreoffice-calc python3 python3-openpyxl python3-jsonschema poppler-utils
  clang libclang-rt-14-dev sqlite3 procps
  desktop-file-utils appstream man-db nsis strace postgresql-15 postgresql-client-15"
# scripts/bench.sh only: the pandas comparison, /usr/bin/time, bc, and the profilers.
BENCH_PKGS="python3 python3-pandas python3-xlsxwriter time bc linux-perf valgrind"

WINDOWS_PKGS="g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix mingw-w64-tools binutils-mingw-w64-x86-64
  wine64 wine wine32:i386 nsis dpkg-dev debian-archive-keyring xz-utils bzip2 tcl make locales"

pkgs="$BUILD_PKGS"
for a in "$@"; do
  case "$a" in
    --test) pkgs="$pkgs $TEST_PKGS" ;;
    --bench) pkgs="$pkgs $BENCH_PKGS" ;;
    # NSIS makes 32-bit installers (Debian's nsis has only x86 stubs): wine needs wine32, i386.
    --windows) pkgs="$pkgs $WINDOWS_PKGS"
      dpkg --print-foreign-architectures | grep -qx i386 ||
        { [ "$(id -u)" -eq 0 ] && dpkg --add-architecture i386 || sudo dpkg --add-architecture i386; } ;;
  esac
done

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing:$missing"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi
