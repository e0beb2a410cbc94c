#!/bin/sh
# Runs a test program with an X display. Used as test_e2e's launcher by ctest.
#  - Listing tests (doctest discovery at build time) needs no display: run directly.
#  - HORIZONS_E2E_ON_DISPLAY=1 with DISPLAY set: use the current display (watch the tests).
#  - Otherwise: a private virtual display via xvfb-run, so tests never move your mouse.
case " $* " in
  *" --list-test-cases "* | *" --list-test-suites "*) exec "$@" ;;
esac
if [ -n "${DISPLAY:-}" ] && [ "${HORIZONS_E2E_ON_DISPLAY:-0}" = 1 ]; then
  exec "$@"
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "with_display.sh: xvfb-run not found (install xvfb, or run 'make deps')" >&2
  exit 1
fi
exec xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" "$@"
