# cereal (header-only) for the MinGW cross build; see cmake/mingw-w64.cmake.
include(${CMAKE_CURRENT_LIST_DIR}/host_headers.cmake)
if(NOT TARGET cereal::cereal)
  add_library(cereal::cereal INTERFACE IMPORTED)
  set_target_properties(cereal::cereal PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${HORIZONS_HOST_HEADERS}"
    INTERFACE_COMPILE_FEATURES cxx_std_11)
endif()
set(cereal_FOUND TRUE)
