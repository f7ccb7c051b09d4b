#!/usr/bin/env bash
# The whole test suite, from a fresh checkout: installs what it needs, type-checks, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1

# The oracle and end-to-end tests run Debian's binaries (promtool, Prometheus, amtool, Alertmanager, exporters) from
# a cache under .tools/, fetched and unpacked without installing anything; pins and their reasons: scripts/tools.sh.
if ! bash scripts/tools.sh; then
  echo "test: the tool cache .tools/ could not be filled (see the message above). It needs apt-get, dpkg, Debian's archive keyring and access to deb.debian.org; on Debian or Ubuntu, as root: apt-get install -y apt dpkg debian-archive-keyring; then run: bash scripts/tools.sh" >&2
  exit 1
fi

# The overview page's browser test drives Debian's Chromium through playwright-core, which never downloads a browser.
if ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Debian's chromium for the overview browser test"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: Chromium is missing; install it first: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

# npm packages, exactly as locked.
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

npx tsc --noEmit -p tsconfig.json
status=0
npx jest --ci --json --outputFile=.test-results.json "$@" || status=$?
# One plain closing line that any CI reader understands.
node -e 'const r = require("./.test-results.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)'
exit "$status"
