# doctest (header-only) for the MinGW cross build; see cmake/mingw-w64.cmake.
include(${CMAKE_CURRENT_LIST_DIR}/host_headers.cmake)
if(NOT TARGET doctest::doctest)
  add_library(doctest::doctest INTERFACE IMPORTED)
  set_target_properties(doctest::doctest PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${HORIZONS_HOST_HEADERS}")
endif()
set(doctest_FOUND TRUE)
