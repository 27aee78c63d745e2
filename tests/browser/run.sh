#!/bin/sh
# Runs the dashboard's browser tests in headless Chromium. Needs Debian's chromium
# (apt-get install -y chromium) and Node.js; installs playwright-core from the lock file.
# Usage: tests/browser/run.sh [path/to/ftfwatch]   (default: $FTFWATCH_BIN, else build/ftfwatch)
# Exits non-zero on failure; the last line is "N passed, M failed".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-${FTFWATCH_BIN:-$root/build/ftfwatch}}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
if [ ! -x "$bin" ]; then echo "run.sh: no ftfwatch binary at $bin" >&2; echo "0 passed, 1 failed"; exit 1; fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then echo "run.sh: $chromium not found (apt-get install -y chromium)" >&2; echo "0 passed, 1 failed"; exit 1; fi
cd "$here"
if [ ! -d node_modules/playwright-core ]; then npm ci --no-audit --no-fund >/dev/null; fi
# Web unit tests (the Natural Earth join) run without a browser.
node --test "$root/web/test/" >/dev/null 2>&1 || { echo "run.sh: web unit tests failed (node --test web/test)" >&2; echo "0 passed, 1 failed"; exit 1; }
FTFWATCH_BIN="$bin" CHROMIUM="$chromium" exec timeout 300 node dashboard.test.mjs
