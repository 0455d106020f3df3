# Cross-compiling for 64-bit Windows with Debian's mingw-w64 (posix threads: std::thread, std::mutex).
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/mingw-w64-x86_64.cmake -DIL_WIN_PREFIX=<deps prefix> ...
# IL_WIN_PREFIX is where scripts/build-windows.sh installed the libraries it built from Debian's
# source packages (static .a files, headers, pkg-config files, wx-config).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(_triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${_triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_triple}-g++-posix)
set(CMAKE_RC_COMPILER ${_triple}-windres)

if(NOT IL_WIN_PREFIX AND DEFINED ENV{IL_WIN_PREFIX})
  set(IL_WIN_PREFIX $ENV{IL_WIN_PREFIX})
endif()
set(IL_WIN_PREFIX "${IL_WIN_PREFIX}" CACHE PATH "Prefix of the Windows libraries built by scripts/build-windows.sh")
# try_compile projects see the same prefix
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES IL_WIN_PREFIX)

set(CMAKE_FIND_ROOT_PATH /usr/${_triple} ${IL_WIN_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Header-only libraries (nlohmann-json, CLI11, doctest) are the Debian packages' headers, copied
# into the prefix with small CMake config files by the script (their own configs point at
# /usr/include, which must never be on a mingw include path).

# pkg-config must see only the Windows libraries.
set(ENV{PKG_CONFIG_LIBDIR} "${IL_WIN_PREFIX}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
set(wxWidgets_CONFIG_EXECUTABLE "${IL_WIN_PREFIX}/bin/wx-config" CACHE FILEPATH "")

# One self-contained .exe each: libstdc++, libgcc and winpthread linked in, no runtime DLLs to ship.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# Tests (ctest, add_custom_command) run the .exe files under wine.
find_program(IL_WINE NAMES wine wine64)
if(IL_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${IL_WINE})
endif()
