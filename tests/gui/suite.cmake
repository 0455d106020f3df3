# GUI test under Xvfb: the application drives its own views and dialogs (--self-test) on a demo
# ledger, then this script checks the database and the files it wrote.
if(TARGET investledger)
  find_program(XVFB_RUN xvfb-run)
  if(XVFB_RUN)
    add_test(NAME gui_self_test
      COMMAND ${CMAKE_CURRENT_LIST_DIR}/gui_self_test.sh $<TARGET_FILE:investledger> $<TARGET_FILE:investledger-cli>
              ${CMAKE_CURRENT_BINARY_DIR}/gui_self_test)
    set_tests_properties(gui_self_test PROPERTIES TIMEOUT 300 LABELS gui)
  else()
    message(STATUS "xvfb-run not found: the GUI test is not registered")
  endif()
endif()
