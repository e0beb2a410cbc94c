# Cross-compiling the model and the store (and their tests) for Windows with MinGW-w64, so the
# Windows save path (ReplaceFileW / MoveFileExW) is compiled on every CI run:
#   cmake -S . -B build/mingw -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64.cmake \
#         -DHORIZONS_MODEL_STORE_ONLY=ON
# Needs Debian's g++-mingw-w64-x86-64-posix (std::thread needs the posix threading model).
# cereal, RapidJSON and doctest are header-only: cmake/mingw/ has small package configs that
# use Debian's headers through a folder of links, never /usr/include itself (whose glibc
# headers would shadow MinGW's).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(HORIZONS_MINGW_TRIPLE x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${HORIZONS_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${HORIZONS_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${HORIZONS_MINGW_TRIPLE}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${HORIZONS_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Header-only packages from the host (see cmake/mingw/*Config.cmake).
set(cereal_DIR ${CMAKE_CURRENT_LIST_DIR}/mingw CACHE PATH "cereal for MinGW" FORCE)
set(doctest_DIR ${CMAKE_CURRENT_LIST_DIR}/mingw CACHE PATH "doctest for MinGW" FORCE)

# Self-contained executables (tests run under wine or on Windows without the MinGW DLLs).
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
