# Package test: builds the .deb (cpack -G DEB), unpacks it into a scratch root with dpkg-deb -x and
# runs the unpacked programs on the unpacked templates (see tests/package/package_test.sh). Also
# validates the desktop entry, the AppStream metadata and the man pages, and checks that the
# Windows installer script (NSIS) compiles where makensis is installed.
# Not registered for sanitizer builds (an ASan build is not something to package) or builds without
# the GUI (the package needs both programs).
if(UNIX AND NOT APPLE AND EXISTS ${PROJECT_SOURCE_DIR}/installer/CMakeLists.txt AND IL_BUILD_GUI AND NOT IL_SANITIZE)
  find_program(IL_DPKG_DEB dpkg-deb)
  if(IL_DPKG_DEB)
    add_test(NAME package_deb
      COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/package_test.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
    # cpack re-runs the install of the whole build tree; keep it from overlapping other suites that
    # might rebuild, and bound it.
    set_tests_properties(package_deb PROPERTIES TIMEOUT 900 RUN_SERIAL ON LABELS package)
  else()
    message(STATUS "dpkg-deb not found: the package test is not registered")
  endif()
endif()
