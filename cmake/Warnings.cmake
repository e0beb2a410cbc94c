# Strict warnings for our own targets only (third-party code keeps its own flags).
function(horizons_strict_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
    # GCC 12 at -O2/-O3 (Release) reports a false -Wrestrict inside libstdc++ for
    # `"x" + std::string(...)` (GCC PR105329, fixed in 13): without this the Release build
    # fails in diff.cpp and atomic_file.cpp.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
  endif()
endfunction()
