# Kill test: investledger-cli is SIGKILLed at random moments during edits, a migration, a demo
# run and a report (>= 100 kills); after each the database must be intact and hold exactly the
# committed transactions. A longer run: tests/reliability/kill_test.py --runs 1000.
add_test(NAME reliability_kill_test
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/kill_test.py
          --cli $<TARGET_FILE:investledger-cli> --source-dir ${PROJECT_SOURCE_DIR} --runs 110)
set_tests_properties(reliability_kill_test PROPERTIES TIMEOUT 420 LABELS "reliability")
