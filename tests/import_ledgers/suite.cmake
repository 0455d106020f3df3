# Issue 15: real-shaped county ledgers (made by make_county_ledgers.py with openpyxl) imported
# through the CLI: unknown dictionary values listed with counts, --map / --add-missing, warnings
# for missing information, decisions replayed from the preset.
add_test(NAME import_ledgers_suite
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_import_ledgers.py
    --cli $<TARGET_FILE:investledger-cli>
    --work ${CMAKE_CURRENT_BINARY_DIR}/import_ledgers)
set_tests_properties(import_ledgers_suite PROPERTIES TIMEOUT 300)
