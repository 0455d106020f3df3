# The city level through investledger-cli as separate processes: a demo city submitted office by
# office (submit), previewed and taken in (intake, text and JSON), a truncated package refused
# with nothing written, the city's full report set compared cell for cell (openpyxl) with the
# report of the unsplit demo, the status board (text, JSON, xlsx), 退回 and 拒收 in the audit log.
add_test(NAME city_cli_suite
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_city_cli.py
    --cli $<TARGET_FILE:investledger-cli>
    --work ${CMAKE_CURRENT_BINARY_DIR}/city_cli_suite)
set_tests_properties(city_cli_suite PROPERTIES TIMEOUT 600)
