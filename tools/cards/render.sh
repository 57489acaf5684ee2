#!/usr/bin/env bash
# Draws every French card variant with the official renderer in headless Chromium and writes
# docs/cards/<name>.png. The card JSON comes from the C# card builders, exported by the official
# renderer test (SECRETBOT_EXPORT_CARDS). Usage: tools/cards/render.sh [name filter regex]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${SECRETBOT_SHARED:-}"
if [[ -z "$shared" ]]; then
  for candidate in "$root/../shared" "$root/../../shared"; do
    if [[ -d "$candidate/adaptive-cards" ]]; then shared="$(cd "$candidate" && pwd)"; break; fi
  done
fi
[[ -d "$shared/adaptive-cards" ]] || { echo "shared/adaptive-cards not found; set SECRETBOT_SHARED" >&2; exit 2; }

[[ -d "$here/node_modules/adaptivecards" ]] || (cd "$here" && npm ci --no-audit --no-fund)

export_dir="$(mktemp -d)"
trap 'rm -rf "$export_dir"' EXIT
SECRETBOT_EXPORT_CARDS="$export_dir" dotnet test "$root/Bot.Tests" \
  --filter "FullyQualifiedName~OfficialRendererTests.TheOfficialRendererParsesEveryCard" >/dev/null

node "$here/render.js" "$export_dir" "$shared/adaptive-cards/teams-hostconfig-light.json" \
  "$root/docs/cards" "${1:-\\.fr\$}"
