# Horizons — the two commands:
#   make run    install missing Debian packages, build Release, start the app
#   make test   install missing Debian packages, build with ASan+UBSan, run every test
# Other targets: deps (packages only), build (release build only), clean.
# Build folders: build/<preset> (presets in CMakePresets.json).

SHELL := /bin/sh
JOBS ?= 2
ARGS ?=

# Debian 12 packages the build, the tests and the app need.
PACKAGES := cmake make g++ pkg-config libimgui-dev libglfw3-dev libcereal-dev doctest-dev \
            libstb-dev python3-glad libcli11-dev fonts-inter xvfb xauth xdotool

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
