#!/usr/bin/env bash
# Compiles and lints the Azure deployment (infra/) with the Bicep CLI pinned in tools/bicep.
# Offline: no registry modules, the Azure types ship inside the CLI. Any linter warning fails,
# and so does any diagnostic of the compiler (rules: infra/bicepconfig.json).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

bicep="$(ensure_bicep)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0

# run LABEL COMMAND... — runs a Bicep command; it passes when it exits 0 and prints no diagnostic.
run() {
  local label="$1"; shift
  if "$@" >"$out/stdout" 2>"$out/stderr" && [ ! -s "$out/stderr" ]; then
    echo "infra: $label: ok"
  else
    echo "infra: $label: FAILED" >&2
    cat "$out/stderr" >&2
    status=1
  fi
}

run "bicep build infra/main.bicep" "$bicep" build infra/main.bicep --stdout
run "bicep lint infra/main.bicep" "$bicep" lint infra/main.bicep
# The example parameters read the digest key from the environment: a throw-away one here.
export SECRETBOT_DIGEST_KEY="${SECRETBOT_DIGEST_KEY:-$(head -c 32 /dev/urandom | base64)}"
run "bicep build-params infra/main.bicepparam" "$bicep" build-params infra/main.bicepparam --stdout
run "bicep lint infra/main.bicepparam" "$bicep" lint infra/main.bicepparam
exit "$status"
