#!/bin/bash
# Cross-compiles InvestLedger for 64-bit Windows on Debian 12 and makes the NSIS installer.
#   bash scripts/build-windows.sh            -> $BUILD_DIR/investledger-<version>-win64.exe
# Toolchain: Debian's mingw-w64 (posix threads), cmake/toolchains/mingw-w64-x86_64.cmake.
# The libraries Debian does not ship for mingw (wxWidgets 3.2, SQLite, SQLiteCpp, libxlsxwriter,
# zlib + minizip, expat, FreeXL, libpq) are built from Debian's own source packages (`apt-get source`,
# through a private deb-src list in $WIN_DEPS_DIR/apt: the machine's apt sources are not touched)
# as static libraries into $WIN_DEPS_DIR/prefix. Each is built once per source version (a stamp
# file), so later runs reuse the cache. Tests under wine: scripts/test-windows.sh.
# Environment: BUILD_DIR (default: build-windows), WIN_DEPS_DIR (default: $BUILD_DIR/deps),
#   JOBS (default 2), NICE (niceness of the dependency builds, default 10), SKIP_DEPS=1 (do not call
#   apt-get install), BUILD_TYPE (default Release), IL_BUILD_TESTS (ON: core_tests.exe too),
#   GUI=0 (without wxWidgets and the desktop application: the CLI, the tests and an installer
#   with the CLI only; for a quick check).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD_DIR=$(realpath -m "${BUILD_DIR:-build-windows}")
WIN_DEPS_DIR=$(realpath -m "${WIN_DEPS_DIR:-$BUILD_DIR/deps}")
JOBS=${JOBS:-2}
BUILD_TYPE=${BUILD_TYPE:-Release}
RUN="nice -n ${NICE:-10}"
PREFIX=$WIN_DEPS_DIR/prefix
SRC=$WIN_DEPS_DIR/src
STAMPS=$WIN_DEPS_DIR/stamps
HOST=x86_64-w64-mingw32
TOOLCHAIN=$ROOT/cmake/toolchains/mingw-w64-x86_64.cmake
export CC=$HOST-gcc-posix CXX=$HOST-g++-posix AR=$HOST-ar RANLIB=$HOST-ranlib RC=$HOST-windres
export PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig PKG_CONFIG_PATH=
export IL_WIN_PREFIX=$PREFIX
t0=$(date +%s)
say() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }

if [ "${SKIP_DEPS:-0}" != 1 ]; then
  say "Installing build dependencies (Debian 12 packages, with the Windows cross tools)"
  sh scripts/install-deps.sh --windows
fi
mkdir -p "$PREFIX/lib/pkgconfig" "$PREFIX/include" "$PREFIX/bin" "$SRC" "$STAMPS" "$WIN_DEPS_DIR/build"

# --- Debian source packages through a private apt configuration ------------------------------
APT=$WIN_DEPS_DIR/apt
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/etc/preferences.d"
# The same mirror as the machine's own (deb.debian.org form of /etc/apt/sources.list.d/debian.sources).
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
cat > "$APT/etc/sources.list" <<EOF
deb-src [signed-by=$KEYRING] $MIRROR bookworm main
deb-src [signed-by=$KEYRING] $MIRROR bookworm-updates main
deb-src [signed-by=$KEYRING] ${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security} bookworm-security main
EOF
APT_OPTS=(-o "Dir::Etc::SourceList=$APT/etc/sources.list" -o Dir::Etc::SourceParts=/nonexistent
  -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache" -o Dir::Etc::Preferences=/dev/null
  -o "Dir::Etc::PreferencesParts=$APT/etc/preferences.d" -o APT::Sandbox::User=root -q)
apt_updated=0
# fetch PKG: unpacks Debian's source package PKG (Debian patches applied) under $SRC/PKG and sets
# $dir (the tree) and $ver (the Debian version). A second run with the same version reuses it.
fetch() {
  local pkg=$1
  mkdir -p "$SRC/$pkg"
  if [ ! -f "$SRC/$pkg/.done" ]; then
    if [ $apt_updated = 0 ]; then
      say "apt-get update (deb-src, private lists in $APT)"
      apt-get "${APT_OPTS[@]}" update > "$APT/update.log" 2>&1 || { cat "$APT/update.log"; exit 1; }
      apt_updated=1
    fi
    say "apt-get source $pkg"
    rm -rf "${SRC:?}/$pkg" && mkdir -p "$SRC/$pkg"
    # bookworm-security's newest source may be missing on a partial mirror: fall back to bookworm.
    (cd "$SRC/$pkg" && { apt-get "${APT_OPTS[@]}" source "$pkg" > fetch.log 2>&1 ||
      { rm -rf ./*/ ./*.dsc ./*.tar.* ; apt-get "${APT_OPTS[@]}" source "$pkg/bookworm" >> fetch.log 2>&1; }; } ) ||
      { cat "$SRC/$pkg/fetch.log"; exit 1; }
    touch "$SRC/$pkg/.done"
  fi
  dir=$(find "$SRC/$pkg" -mindepth 1 -maxdepth 1 -type d | head -n1)
  ver=$(sed -n 's/^Version: //p' "$SRC/$pkg"/*.dsc | head -n1)
}
# done_or NAME VERSION: true when NAME was already built from VERSION.
built() { [ -f "$STAMPS/$1-$2" ]; }
stamp() { rm -f "$STAMPS/$1"-*; touch "$STAMPS/$1-$2"; }
cmake_dep() {  # cmake_dep SRC_DIR BUILD_SUBDIR args...: configure, build and install a CMake project
  local src=$1 b=$WIN_DEPS_DIR/build/$2; shift 2
  rm -rf "$b"
  $RUN cmake -S "$src" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DIL_WIN_PREFIX="$PREFIX" \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF "$@" > "$b.log" 2>&1 &&
  $RUN cmake --build "$b" -j "$JOBS" >> "$b.log" 2>&1 && cmake --install "$b" >> "$b.log" 2>&1 ||
    { tail -n 40 "$b.log"; exit 1; }
}

# --- zlib and minizip (minizip is zlib's contrib/minizip) ------------------------------------
fetch zlib
if ! built zlib "$ver"; then
  say "Building zlib $ver and minizip"
  b=$WIN_DEPS_DIR/build/zlib; rm -rf "$b"; cp -a "$dir" "$b"
  # zlib's own files compiled directly (the Debian tarball has no win32/ makefiles).
  (cd "$b" && for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate \
      inftrees trees uncompr zutil; do $RUN "$CC" -O2 -c $f.c -o $f.o || exit 1; done) || exit 1
  rm -f "$PREFIX/lib/libz.a"
  (cd "$b" && $AR rcs "$PREFIX/lib/libz.a" adler32.o compress.o crc32.o deflate.o gzclose.o gzlib.o \
    gzread.o gzwrite.o infback.o inffast.o inflate.o inftrees.o trees.o uncompr.o zutil.o)
  cp "$b/zlib.h" "$b/zconf.h" "$PREFIX/include/"
  zver=$(sed -n 's/^#define ZLIB_VERSION "\(.*\)"/\1/p' "$b/zlib.h")
  printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: zlib\nDescription: zlib compression library\nVersion: %s\nLibs: -L${libdir} -lz\nCflags: -I${includedir}\n' \
    "$PREFIX" "$zver" > "$PREFIX/lib/pkgconfig/zlib.pc"
  m=$b/contrib/minizip
  for f in ioapi unzip zip iowin32 mztools; do
    $RUN "$CC" -O2 -I"$PREFIX/include" -c "$m/$f.c" -o "$m/$f.o" || exit 1
  done
  rm -f "$PREFIX/lib/libminizip.a"
  $AR rcs "$PREFIX/lib/libminizip.a" "$m"/*.o
  mkdir -p "$PREFIX/include/minizip"
  cp "$m"/{ioapi,unzip,zip,iowin32,mztools,crypt}.h "$PREFIX/include/minizip/"
  printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: minizip\nDescription: zip and unzip library (zlib contrib)\nVersion: %s\nRequires: zlib\nLibs: -L${libdir} -lminizip\nCflags: -I${includedir}/minizip\n' \
    "$PREFIX" "$zver" > "$PREFIX/lib/pkgconfig/minizip.pc"
  stamp zlib "$ver"
fi

# --- wxWidgets 3.2: static, MSW, only what the GUI uses; long, so it runs in the background ---
fetch wxwidgets3.2
wx_dir=$dir wx_ver=$ver wx_pid=""
wx_running=""
if [ "${GUI:-1}" = 0 ]; then
  say "GUI=0: no wxWidgets, no desktop application"
elif [ -f "$WIN_DEPS_DIR/build/wx.pid" ] && kill -0 "$(cat "$WIN_DEPS_DIR/build/wx.pid")" 2>/dev/null; then
  wx_running=$(cat "$WIN_DEPS_DIR/build/wx.pid")
  say "wxWidgets is being built by an earlier run (pid $wx_running)"
elif ! built wxwidgets "$wx_ver"; then
  say "Building wxWidgets $wx_ver in the background (log: $WIN_DEPS_DIR/build/wx.log)"
  rm -f "$WIN_DEPS_DIR/build/wx.ok"
  (
    set -e
    b=$WIN_DEPS_DIR/build/wx
    # An interrupted build of the same version resumes (make continues where it stopped).
    if [ ! -f "$b/configured-$wx_ver" ]; then rm -rf "$b"; fi
    mkdir -p "$b"; cd "$b"
    # The Debian tarball has no bundled libpng/libjpeg/libtiff/zlib/expat (dfsg); the GUI loads no
    # images (screenshots are taken from outside), so only zlib (ours) is used.
    [ -f "$b/configured-$wx_ver" ] || $RUN "$wx_dir/configure" --host=$HOST --build=x86_64-linux-gnu --prefix="$PREFIX" \
      --disable-shared --with-msw --enable-unicode --disable-debug --disable-tests \
      CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib" \
      --with-zlib=sys --with-regex=builtin --without-libpng --without-libjpeg --without-libtiff \
      --without-liblzma --without-expat --without-opengl --disable-svg \
      --disable-xrc --disable-html --disable-htmlhelp --disable-webview --disable-mediactrl \
      --disable-propgrid --disable-ribbon --disable-richtext --disable-stc --disable-sound \
      --disable-sockets --disable-ipc --disable-protocols --disable-url --disable-fs_inet
    touch "$b/configured-$wx_ver"
    $RUN make -j "$JOBS"
    make install
    touch "$WIN_DEPS_DIR/build/wx.ok"
  ) > "$WIN_DEPS_DIR/build/wx.log" 2>&1 &
  wx_pid=$!
  echo "$wx_pid" > "$WIN_DEPS_DIR/build/wx.pid"
fi

# --- expat ----------------------------------------------------------------------------------
fetch expat
if ! built expat "$ver"; then
  say "Building expat $ver"
  # Debian's security patches test `XML_DTD == 1` (autotools' expat_config.h); CMake's defines it
  # empty, so it is given the value after configuring.
  b=$WIN_DEPS_DIR/build/expat; rm -rf "$b"
  $RUN cmake -S "$dir/expat" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DIL_WIN_PREFIX="$PREFIX" \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DEXPAT_SHARED_LIBS=OFF \
    -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF \
    > "$b.log" 2>&1 || { tail -n 30 "$b.log"; exit 1; }
  sed -i 's/^#define XML_DTD *$/#define XML_DTD 1/; s/^#define XML_NS *$/#define XML_NS 1/' "$b/expat_config.h"
  ($RUN cmake --build "$b" -j "$JOBS" && cmake --install "$b") >> "$b.log" 2>&1 || { tail -n 30 "$b.log"; exit 1; }
  stamp expat "$ver"
fi

# --- SQLite: the amalgamation is generated on the host (tclsh), then cross-compiled -----------
fetch sqlite3
if ! built sqlite3 "$ver"; then
  say "Building SQLite $ver"
  b=$WIN_DEPS_DIR/build/sqlite3; rm -rf "$b"; mkdir -p "$b"
  (cd "$b" && CC=gcc AR=ar RANLIB=ranlib $RUN "$dir/configure" --disable-tcl > ../sqlite3.log 2>&1 &&
    $RUN make sqlite3.c >> ../sqlite3.log 2>&1) || { tail -n 30 "$b/../sqlite3.log"; exit 1; }
  # The compile options of Debian's libsqlite3 (debian/rules), so both builds behave alike.
  $RUN "$CC" -O2 -fno-strict-aliasing -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA \
    -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1 \
    -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ENABLE_DBSTAT_VTAB \
    -DSQLITE_ALLOW_ROWID_IN_VIEW -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 -DSQLITE_ENABLE_JSON1 \
    -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1 -DSQLITE_USE_URI=1 -DSQLITE_MAX_SCHEMA_RETRY=25 \
    -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_STMTVTAB \
    -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_ENABLE_FTS5 -DSQLITE_OMIT_LOAD_EXTENSION \
    -c "$b/sqlite3.c" -o "$b/sqlite3.o"
  rm -f "$PREFIX/lib/libsqlite3.a"
  $AR rcs "$PREFIX/lib/libsqlite3.a" "$b/sqlite3.o"
  cp "$b/sqlite3.h" "$dir/src/sqlite3ext.h" "$PREFIX/include/" 2>/dev/null || cp "$b/sqlite3.h" "$b/sqlite3ext.h" "$PREFIX/include/"
  sver=$(sed -n 's/^#define SQLITE_VERSION *"\(.*\)"/\1/p' "$b/sqlite3.h")
  printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: SQLite\nDescription: SQL database engine\nVersion: %s\nLibs: -L${libdir} -lsqlite3\nCflags: -I${includedir}\n' \
    "$PREFIX" "$sver" > "$PREFIX/lib/pkgconfig/sqlite3.pc"
  stamp sqlite3 "$ver"
fi

# --- SQLiteCpp (on our SQLite, not its bundled copy) -----------------------------------------
fetch sqlitecpp
if ! built sqlitecpp "$ver"; then
  say "Building SQLiteCpp $ver"
  cmake_dep "$dir" sqlitecpp -DSQLITECPP_INTERNAL_SQLITE=OFF -DSQLITECPP_RUN_CPPLINT=OFF \
    -DSQLITECPP_RUN_CPPCHECK=OFF -DSQLITECPP_BUILD_TESTS=OFF -DSQLITECPP_BUILD_EXAMPLES=OFF \
    -DSQLITE_OMIT_LOAD_EXTENSION=ON -DSQLite3_INCLUDE_DIR="$PREFIX/include" \
    -DSQLite3_LIBRARY="$PREFIX/lib/libsqlite3.a"
  stamp sqlitecpp "$ver"
fi

# --- libxlsxwriter (on our zlib and minizip) ---------------------------------------------------
fetch libxlsxwriter
if ! built libxlsxwriter "$ver"; then
  say "Building libxlsxwriter $ver"
  cmake_dep "$dir" libxlsxwriter -DUSE_SYSTEM_MINIZIP=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
    -DZLIB_INCLUDE_DIR="$PREFIX/include" -DZLIB_LIBRARY="$PREFIX/lib/libz.a" \
    -DMINIZIP_INCLUDE_DIR="$PREFIX/include" -DMINIZIP_LIBRARY="$PREFIX/lib/libminizip.a"
  xver=$(sed -n 's/^#define LXW_VERSION *"\(.*\)"/\1/p' "$dir/include/xlsxwriter.h")
  printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: libxlsxwriter\nDescription: A C library for creating Excel XLSX files\nVersion: %s\nRequires.private: minizip zlib\nLibs: -L${libdir} -lxlsxwriter\nLibs.private: -lminizip -lz\nCflags: -I${includedir}\n' \
    "$PREFIX" "$xver" > "$PREFIX/lib/pkgconfig/xlsxwriter.pc"
  stamp libxlsxwriter "$ver"
fi

# --- iconv: Windows has none; FreeXL and the CSV import need one (scripts/windows/iconv.c) -----
iconv_ver=$(cat scripts/windows/*.[ch] | sha256sum | cut -c1-16)
if ! built iconv "$iconv_ver"; then
  say "Building the Win32 iconv and libcharset"
  for f in iconv localcharset; do
    $RUN "$CC" -O2 -Wall -c "$ROOT/scripts/windows/$f.c" -I"$ROOT/scripts/windows" -o "$WIN_DEPS_DIR/$f.o"
    cp "$ROOT/scripts/windows/$f.h" "$PREFIX/include/$f.h"
  done
  rm -f "$PREFIX/lib/libiconv.a" "$PREFIX/lib/libcharset.a"
  $AR rcs "$PREFIX/lib/libiconv.a" "$WIN_DEPS_DIR/iconv.o"
  $AR rcs "$PREFIX/lib/libcharset.a" "$WIN_DEPS_DIR/localcharset.o"
  stamp iconv "$iconv_ver"
fi

# --- FreeXL -------------------------------------------------------------------------------------
fetch freexl
if ! built freexl "$ver"; then
  say "Building FreeXL $ver"
  b=$WIN_DEPS_DIR/build/freexl; rm -rf "$b"; mkdir -p "$b"
  (cd "$b" && $RUN "$dir/configure" --host=$HOST --prefix="$PREFIX" --disable-shared --enable-static \
      CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib" > ../freexl.log 2>&1 &&
    $RUN make -j "$JOBS" -C src >> ../freexl.log 2>&1 && make -C src install >> ../freexl.log 2>&1 &&
    make -C headers install >> ../freexl.log 2>&1 &&
    make install-pkgconfigDATA >> ../freexl.log 2>&1) || { tail -n 30 "$b/../freexl.log"; exit 1; }
  # static linking: FreeXL needs our iconv
  sed -i 's/^Libs: \(.*\)/Libs: \1 -liconv -lcharset/' "$PREFIX/lib/pkgconfig/freexl.pc"
  stamp freexl "$ver"
fi

# --- libpq (PostgreSQL's client library, for shared ledgers on a server) ----------------------
# From Debian's postgresql-15 source: only libpq and the two helper libraries it needs, without
# SSL, GSSAPI or LDAP (the servers the offices use are on their own network; scram passwords need
# none of them). PostgreSQL's mingw build makes libpq a DLL; its objects are archived here as a
# static library instead, so the programs need no DLL beside them.
fetch postgresql-15
if ! built libpq "$ver"; then
  say "Building libpq $ver"
  b=$WIN_DEPS_DIR/build/libpq; rm -rf "$b"; mkdir -p "$b"
  (cd "$b" && $RUN "$dir/configure" --host=$HOST --without-readline --without-zlib --without-icu \
      --without-openssl --without-gssapi --without-ldap > ../libpq.log 2>&1 &&
    for d in src/include src/common src/port src/interfaces/libpq; do $RUN make -j "$JOBS" -C $d >> ../libpq.log 2>&1 || exit 1; done) ||
    { tail -n 30 "$b/../libpq.log"; exit 1; }
  rm -f "$PREFIX/lib/libpq.a"
  # (win32ver.o is the DLL's version resource: the programs have their own.) On Windows libpq
  # brings its own small pthread_* (its pthread-win32.h types, not winpthreads'): renamed in all
  # its objects, so that they neither clash with nor get mixed up with the winpthreads the
  # programs link.
  objs=$(ls "$b"/src/interfaces/libpq/*.o | grep -v '/win32ver\.o$')
  for o in $objs; do
    $HOST-objcopy $(for f in self setspecific getspecific mutex_init mutex_lock mutex_unlock; do
      printf ' --redefine-sym pthread_%s=pq_pthread_%s' $f $f; done) "$o" || exit 1
  done
  $AR rcs "$PREFIX/lib/libpq.a" $objs
  cp "$b/src/common/libpgcommon_shlib.a" "$b/src/port/libpgport_shlib.a" "$PREFIX/lib/"
  cp "$dir/src/interfaces/libpq/libpq-fe.h" "$dir/src/include/postgres_ext.h" "$b/src/include/pg_config_ext.h" "$PREFIX/include/"
  pqver=$(sed -n 's/^#define PG_VERSION "\(.*\)"/\1/p' "$b/src/include/pg_config.h")
  printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: libpq\nDescription: PostgreSQL client library (static)\nVersion: %s\nLibs: -L${libdir} -lpq -lpgcommon_shlib -lpgport_shlib -lshell32 -lws2_32 -lsecur32 -ladvapi32\nCflags: -I${includedir}\n' \
    "$PREFIX" "$pqver" > "$PREFIX/lib/pkgconfig/libpq.pc"
  stamp libpq "$ver"
fi

# --- header-only libraries: the Debian packages' headers, with small CMake configs -------------
say "Header-only libraries from Debian's packages (nlohmann-json, CLI11, doctest)"
hdr() {  # hdr PACKAGE_NAME TARGET HEADER_DIR
  rm -rf "${PREFIX:?}/include/$3"; cp -a "/usr/include/$3" "$PREFIX/include/$3"
  mkdir -p "$PREFIX/lib/cmake/$1"
  printf '# Written by scripts/build-windows.sh: the headers of Debian'"'"'s package, for the mingw build.\nif(NOT TARGET %s)\n  add_library(%s INTERFACE IMPORTED)\n  set_target_properties(%s PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "%s/include")\nendif()\n' \
    "$2" "$2" "$2" "$PREFIX" > "$PREFIX/lib/cmake/$1/$1Config.cmake"
}
hdr nlohmann_json nlohmann_json::nlohmann_json nlohmann
hdr CLI11 CLI11::CLI11 CLI
hdr doctest doctest::doctest doctest

if [ -n "$wx_running" ]; then
  say "Waiting for the earlier run's wxWidgets build"
  while kill -0 "$wx_running" 2>/dev/null; do sleep 10; done
fi
if [ -n "$wx_pid$wx_running" ] && ! built wxwidgets "$wx_ver"; then
  say "Waiting for the wxWidgets build"
  [ -z "$wx_pid" ] || wait "$wx_pid" || true
  [ -f "$WIN_DEPS_DIR/build/wx.ok" ] || { tail -n 40 "$WIN_DEPS_DIR/build/wx.log"; exit 1; }
  stamp wxwidgets "$wx_ver"
fi
if [ "${GUI:-1}" != 0 ] && [ ! -f "$PREFIX/share/locale/zh_CN/LC_MESSAGES/wxstd-3.2.mo" ]; then
  # wxWidgets' own Chinese (OK/Cancel, stock labels): Debian's wx3.2-i18n on Linux, shipped here
  mkdir -p "$PREFIX/share/locale/zh_CN/LC_MESSAGES"
  msgfmt -o "$PREFIX/share/locale/zh_CN/LC_MESSAGES/wxstd-3.2.mo" "$wx_dir/locale/zh_CN.po"
fi
say "Dependencies ready in $PREFIX"
[ "${DEPS_ONLY:-0}" = 1 ] && exit 0

# --- InvestLedger itself ----------------------------------------------------------------------
say "Configuring and building InvestLedger for Windows in $BUILD_DIR"
cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DIL_WIN_PREFIX="$PREFIX" \
  -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DIL_BUILD_TESTS="${IL_BUILD_TESTS:-ON}" -DIL_BUILD_BENCH=OFF -DIL_BUILD_GUI="$([ "${GUI:-1}" = 0 ] && echo OFF || echo ON)"
cmake --build "$BUILD_DIR" -j "$JOBS"
say "Making the installer (cpack -G NSIS)"
(cd "$BUILD_DIR" && cpack -G NSIS > cpack.log 2>&1) || { tail -n 40 "$BUILD_DIR/cpack.log"; exit 1; }
ls -1 "$BUILD_DIR"/investledger-*-win64.exe 2>/dev/null || true
say "Done"
