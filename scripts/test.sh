#!/usr/bin/env bash
# The whole test suite, from a fresh checkout: installs what it needs, type-checks, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1

# Debian packages the oracle and end-to-end tests run for real.
declare -A TOOL_PACKAGE=(
  [promtool]=prometheus
  [prometheus]=prometheus
  [amtool]=prometheus-alertmanager
  [prometheus-alertmanager]=prometheus-alertmanager
  [prometheus-node-exporter]=prometheus-node-exporter
  [prometheus-blackbox-exporter]=prometheus-blackbox-exporter
)
missing=()
for tool in "${!TOOL_PACKAGE[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${TOOL_PACKAGE[$tool]}")
done
if ((${#missing[@]} > 0)); then
  packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Debian packages: ${packages}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends ${packages} >/dev/null
  else
    echo "test: missing tools; install them first: sudo apt-get install -y ${packages}" >&2
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
