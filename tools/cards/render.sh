#!/usr/bin/env bash
# Draws every French card variant with the official renderer in headless Chromium and writes
# docs/cards/<name>.phone.png (340 px) and <name>.png (500 px). The card JSON comes from the C# card
# builders, exported by the official renderer test (SECRETBOT_EXPORT_CARDS).
#
# Usage: tools/cards/render.sh [name filter regex] [output folder]
# Without a filter: one card of each kind, and one answer per topic (the pictures kept in
# docs/cards/). Every French card: tools/cards/render.sh '\.fr$' /tmp/cards (about 1,100 pictures,
# 100 MB: not for the repository; the tests draw them all at both widths and check them).
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
SECRETBOT_EXPORT_CARDS="$export_dir" dotnet test "$root/Cards.Tests" \
  --filter "FullyQualifiedName~OfficialRendererTests.TheOfficialRendererParsesEveryCard" >/dev/null

kept='^(welcome|welcome-team|help|question|question-first|question-six-choices|question-retry|question-answered|question-answered-shared|question-danger-first|question-be-danger-who|understood|understood-danger|jurisdiction-picker|language-picker|not-understood|referent-offer|referent-offer-unnamed|referent-summary-be|referent-summary-be-named|referent-summary-be-taken|referent-summary-be-expired|service-trouble|apology|channel-reminder|answer-be-bound-secret|answer-be-share-shared_secret|answer-be-police-secret_stands|answer-be-danger-may_inform_prosecutor|answer-fr-bound-public_agent_secret|answer-fr-share-care_team_share|answer-fr-police-refuse_police|answer-fr-danger-information_preoccupante|lookup-be.urgent.police-phone|lookup-fr.article-40|shared-be.urgent.police-phone)\.fr$'
node "$here/render.js" "$export_dir" "$shared/adaptive-cards/teams-hostconfig-light.json" \
  "${2:-$root/docs/cards}" "${1:-$kept}"
