# Every shipped template.json references templates/template.schema.json and validates against it
# (python3-jsonschema); the schema refuses what the program refuses.
add_test(NAME template_schema
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_template_schema.py ${PROJECT_SOURCE_DIR}/templates)
set_tests_properties(template_schema PROPERTIES TIMEOUT 60)
