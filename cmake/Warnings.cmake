# Strict warnings for our own targets only (third-party code keeps its own flags).
function(horizons_strict_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
    # GCC 12 at -O2/-O3 (Release) reports a false -Wrestrict inside libstdc++ for
    # `"x" + std::string(...)` (GCC PR105329, fixed in 13): without this the Release build
    # fails in diff.cpp and atomic_file.cpp. Likewise -Wmaybe-uninitialized on engaged checks
    # of std::optional (GCC PR80635), e.g. std::optional<PersonId> in network_map_view.cpp:
    # still shown, no longer fatal.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict -Wno-error=maybe-uninitialized)
    endif()
  endif()
endfunction()
