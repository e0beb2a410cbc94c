# Horizons — the two commands:
#   make run    install missing Debian packages, build Release, start the app
#   make test   install missing Debian packages, build with ASan+UBSan, run every test
# Other targets: deps (packages only), build (release build only), clean.
# Build folders: build/<preset> (presets in CMakePresets.json).

SHELL := /bin/sh
JOBS ?= 2
ARGS ?=

# Debian 12 packages the build, the tests and the app need.
PACKAGES := cmake make g++ pkg-config libcereal-dev doctest-dev \
            zlib1g-dev python3-glad libcli11-dev fonts-inter xvfb xauth xdotool ccache
# Independent parsers that read the iCalendar and vCard exports in the tests.
PACKAGES += python3-icalendar python3-vobject
# Vendored GLFW (third_party/glfw) builds for X11 and Wayland; vendored Dear ImGui rasterises
# with FreeType; system fonts for other scripts are found with fontconfig (Noto Sans CJK).
PACKAGES += libx11-dev libxrandr-dev libxinerama-dev libxcursor-dev libxi-dev \
            libxkbcommon-dev libwayland-dev libwayland-bin libgl-dev libegl-dev \
            libfreetype-dev libfontconfig-dev fonts-noto-cjk

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# A display for `make run` on a headless machine (no DISPLAY): Xvfb, like the tests.
XVFB := $(if $(DISPLAY)$(WAYLAND_DISPLAY),,xvfb-run -a -s "-screen 0 1600x1000x24")

.PHONY: all deps build run test clean

all: build

# Installs only what is missing; apt-get update only when something must be installed.
deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	else \
	  echo "All build dependencies are installed."; \
	fi

build/release/CMakeCache.txt: | deps
	cmake --preset release

build: deps build/release/CMakeCache.txt
	cmake --build --preset release --target horizons -j $(JOBS)

run: build
	$(XVFB) ./build/release/src/app/horizons $(ARGS)

build/asan/CMakeCache.txt: | deps
	cmake --preset asan

test: deps build/asan/CMakeCache.txt
	cmake --build --preset asan -j $(JOBS)
	cd build/asan && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf build

# ---- Store: fuzzing and the Windows (MinGW-w64) build of model + store ---------------------
#   make fuzz            build the libFuzzer target (clang, ASan + UBSan) and run it for
#                        FUZZ_SECONDS (60) on the seed corpus tests/fuzz/corpus
#   make windows-check   cross-compile model, store and their tests with MinGW-w64 (the Windows
#                        save path must compile)
# `make test` runs both (extra prerequisites of `test`, declared here).
PACKAGES += clang libclang-rt-14-dev g++-mingw-w64-x86-64-posix
FUZZ_SECONDS ?= 60
# `make fuzz` explores for FUZZ_SECONDS and keeps its corpus between runs. Under `make test`
# the run is reproducible instead (fixed seed and run count, about 60 s here, fresh corpus
# from the seeds), so CI checks exactly the inputs a developer checked.
FUZZ_LIMIT ?= -max_total_time=$(FUZZ_SECONDS)
FUZZ_CORPUS ?= build/fuzz/corpus
test: FUZZ_LIMIT = -seed=1 -runs=250000
test: FUZZ_CORPUS = build/fuzz/corpus-test
FUZZ_ENV := UBSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/ubsan.supp:print_stacktrace=1:halt_on_error=1

.PHONY: fuzz windows-check
test: fuzz windows-check

build/fuzz/CMakeCache.txt: | deps
	CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DHORIZONS_FUZZ=ON -DHORIZONS_MODEL_STORE_ONLY=ON -DHORIZONS_BUILD_TESTS=OFF

fuzz: deps build/fuzz/CMakeCache.txt
	cmake --build build/fuzz --target fuzz_board -j $(JOBS)
	$(if $(filter build/fuzz/corpus-test,$(FUZZ_CORPUS)),rm -rf $(FUZZ_CORPUS))
	mkdir -p $(FUZZ_CORPUS) build/fuzz/artifacts
	$(FUZZ_ENV) build/fuzz/tests/fuzz/fuzz_board $(FUZZ_CORPUS) tests/fuzz/corpus \
	  -dict=tests/fuzz/board.dict $(FUZZ_LIMIT) -timeout=10 \
	  -rss_limit_mb=2048 -malloc_limit_mb=256 -print_final_stats=1 \
	  -artifact_prefix=build/fuzz/artifacts/

build/mingw/CMakeCache.txt: | deps
	cmake -S . -B build/mingw -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64.cmake \
	  -DHORIZONS_MODEL_STORE_ONLY=ON

windows-check: deps build/mingw/CMakeCache.txt
	cmake --build build/mingw -j $(JOBS)

# ---- bench (performance figures; see README "Performance") ---------------------------------
# Builds Release with the benchmark program, then prints one table (board/map frame times,
# load/save, undo memory, diff, autosave, start-up and idle frames under Xvfb). Not a test:
# it never fails on a timing. BENCH_ARGS: e.g. --quick, --sizes 100,1000, --no-app.
BENCH_ARGS ?=
.PHONY: bench
bench: deps build/release/CMakeCache.txt
	@grep -q '^HORIZONS_BUILD_BENCH:BOOL=ON' build/release/CMakeCache.txt \
	  || cmake --preset release -DHORIZONS_BUILD_BENCH=ON
	cmake --build --preset release --target horizons horizons_bench -j $(JOBS)
	./build/release/tests/bench/horizons_bench $(BENCH_ARGS)
