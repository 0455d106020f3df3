# GUI test under Xvfb: the GUI test program (the application's library with a driver of its own
# views and dialogs, tests/gui/self_test/) runs --self-test on a demo ledger, then this script
# checks the database and the files it wrote, and the application's own --help and start without
# a display. The same program takes docs/screenshots (--screenshots, scripts/screenshots*.sh).
if(TARGET investledger_gui)
  file(GLOB GUI_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/self_test/*.cpp)
  add_executable(investledger_gui_test ${GUI_TEST_SOURCES})
  target_link_libraries(investledger_gui_test PRIVATE investledger_gui)
  # Beside the application (<build>/gui/), so that it finds the translations in <build>/locale/
  # the way the application does.
  set_target_properties(investledger_gui_test PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/gui)
  add_dependencies(investledger_gui_test investledger_translations)
  find_program(XVFB_RUN xvfb-run)
  if(XVFB_RUN)
    add_test(NAME gui_self_test
      COMMAND ${CMAKE_CURRENT_LIST_DIR}/gui_self_test.sh $<TARGET_FILE:investledger_gui_test>
              $<TARGET_FILE:investledger> $<TARGET_FILE:investledger-cli> ${CMAKE_CURRENT_BINARY_DIR}/gui_self_test)
    set_tests_properties(gui_self_test PROPERTIES TIMEOUT 300 LABELS gui)
    # The application on a ledger held on a PostgreSQL server: a throw-away cluster
    # (tests/pg/with_cluster.sh) around the GUI test program's "server" run.
    get_target_property(_il_gui_core_defs investledger_core COMPILE_DEFINITIONS)
    if("IL_HAVE_POSTGRESQL=1" IN_LIST _il_gui_core_defs AND NOT WIN32)
      add_test(NAME gui_server_test
        COMMAND bash ${PROJECT_SOURCE_DIR}/tests/pg/with_cluster.sh bash ${CMAKE_CURRENT_LIST_DIR}/gui_server_test.sh
                $<TARGET_FILE:investledger_gui_test> $<TARGET_FILE:investledger-cli> ${CMAKE_CURRENT_BINARY_DIR}/gui_server_test)
      set_tests_properties(gui_server_test PROPERTIES TIMEOUT 400 LABELS "gui;pg")
    endif()
  else()
    message(STATUS "xvfb-run not found: the GUI test is not registered")
  endif()
endif()
