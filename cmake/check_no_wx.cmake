# Fails when any file under core/ includes a wxWidgets header.
file(GLOB_RECURSE _files ${CORE_DIR}/*.h ${CORE_DIR}/*.hpp ${CORE_DIR}/*.cpp)
foreach(_f IN LISTS _files)
  file(STRINGS ${_f} _hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]wx/")
  if(_hits)
    message(FATAL_ERROR "core must not include wxWidgets: ${_f}: ${_hits}")
  endif()
endforeach()
