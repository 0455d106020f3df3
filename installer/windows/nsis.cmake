# CPack NSIS configuration: the Windows installer (cpack -G NSIS, needs NSIS 3 / makensis).
# Included from installer/CMakeLists.txt on every platform (the CPACK_NSIS_* settings only matter to
# the NSIS generator, so the package test can check the generated script with Debian's makensis);
# the DLL collection below runs on Windows only.
#
# Installed layout (under e.g. C:\Program Files\InvestLedger):
#   bin\investledger.exe, bin\investledger-cli.exe (the mingw cross build links everything
#   statically; other toolchains add bin\*.dll: wxWidgets, SQLite, …)
#   share\investledger\templates, share\investledger\locale, share\investledger\dictionaries
# The programs find share\investledger as ..\share\investledger next to the executable. The user's
# data (ledger database, backups) lives in %APPDATA%\InvestLedger and survives an uninstall.

set(_il_win_dir ${CMAKE_CURRENT_LIST_DIR})
set(_il_ico ${_il_win_dir}/investledger.ico)
if(WIN32)
  file(TO_NATIVE_PATH "${_il_ico}" _il_ico)
  string(REPLACE "\\" "\\\\" _il_ico "${_il_ico}")
endif()

set(CPACK_NSIS_PACKAGE_NAME "InvestLedger 投资项目台账")
set(CPACK_NSIS_DISPLAY_NAME "InvestLedger 投资项目台账 ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${_il_ico}")
set(CPACK_NSIS_MUI_UNIICON "${_il_ico}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\investledger.exe")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)                 # the CLI is for scripts; they can call it by full path
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "investledger.exe")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_COMPRESSOR "/SOLID lzma")
# Chinese names in shortcuts and pages: build a Unicode installer (the script CPack writes is UTF-8
# with a byte-order mark, which makensis 3 reads as UTF-8).
set(CPACK_NSIS_DEFINES "Unicode true")
# Start-menu entry and desktop shortcut named 投资项目台账 for the desktop application.
set(CPACK_PACKAGE_EXECUTABLES "investledger" "投资项目台账")
# The desktop shortcut always (CPACK_CREATE_DESKTOP_LINKS depends on the add-to-PATH page,
# which this installer does not show); removed again by the uninstaller.
set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$DESKTOP\\\\投资项目台账.lnk' '$INSTDIR\\\\bin\\\\investledger.exe'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$DESKTOP\\\\投资项目台账.lnk'")
set(CPACK_NSIS_MENU_LINKS "share/doc/investledger/README.md" "README (developers)")
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall")

if(WIN32)
  install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/investledger)
endif()
if(WIN32 AND NOT CMAKE_CROSSCOMPILING)
  # Put the DLLs the programs need next to them: resolved from the compiler's folder, the prefix
  # path (vcpkg's installed/<triplet>/bin, MSYS2's /ucrt64/bin) and PATH; Windows' own DLLs excluded.
  set(_il_dll_dirs "")
  get_filename_component(_il_cxx_dir "${CMAKE_CXX_COMPILER}" DIRECTORY)
  list(APPEND _il_dll_dirs "${_il_cxx_dir}")
  foreach(_p IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND _il_dll_dirs "${_p}/bin")
  endforeach()
  if(DEFINED VCPKG_INSTALLED_DIR AND DEFINED VCPKG_TARGET_TRIPLET)
    list(APPEND _il_dll_dirs "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
  endif()
  set(IL_RUNTIME_DLL_DIRS "${_il_dll_dirs}" CACHE STRING "Folders searched for the DLLs the installer ships")
  set(_il_exes "$<TARGET_FILE:investledger-cli>")
  if(TARGET investledger)
    list(APPEND _il_exes "$<TARGET_FILE:investledger>")
  endif()
  string(JOIN "\" \"" _il_exes_q ${_il_exes})
  string(JOIN "\" \"" _il_dirs_q ${IL_RUNTIME_DLL_DIRS})
  install(CODE "
    file(TO_CMAKE_PATH \"\$ENV{PATH}\" _il_path)
    file(GET_RUNTIME_DEPENDENCIES
      EXECUTABLES \"${_il_exes_q}\"
      RESOLVED_DEPENDENCIES_VAR _il_deps
      UNRESOLVED_DEPENDENCIES_VAR _il_missing
      DIRECTORIES \"${_il_dirs_q}\" \${_il_path}
      PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
      POST_EXCLUDE_REGEXES \".*[Ss][Yy][Ss][Tt][Ee][Mm]32/.*\")
    if(_il_missing)
      message(WARNING \"DLLs not found (the installer will lack them): \${_il_missing}\")
    endif()
    file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/bin\" TYPE SHARED_LIBRARY FOLLOW_SYMLINK_CHAIN FILES \${_il_deps})
  ")
endif()
