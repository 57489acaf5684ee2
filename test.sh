#!/usr/bin/env bash
# Installs what the tests need when it is missing (Debian packages, pinned npm tools), then runs
# every test: unit, contract, real HTTP, real redis-server, the Agents Playground in Chromium,
# and the Bicep build and lint of infra/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

# The emoji font lets Chromium draw the 👍 / 👎 buttons in the Playground screenshots.
ensure_debian_packages redis-server:redis-server chromium:chromium curl:curl zip:zip \
  /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf:fonts-noto-color-emoji
for tool in tools/*/; do
  [ -f "$tool/package-lock.json" ] && ensure_npm_tools "${tool%/}"
done

dotnet build SecretBot.sln --nologo -v quiet -c Debug

status=0
# The Azure deployment (infra/): compiled and linted by the Bicep CLI pinned in tools/bicep.
scripts/check-infra.sh || status=$?

results="$(mktemp -d)"
# One test project per part, each on its own (two cores: in parallel they would time each other out):
# the engine alone, the knowledge, the cards, then the bot over HTTP.
for project in Dialogs.Tests Knowledge.Tests Cards.Tests Bot.Tests; do
  dotnet test "$project" --no-build --nologo -c Debug \
    --logger "trx;LogFileName=$project.trx" --results-directory "$results" || status=$?
done

# One plain closing line, whatever the runner printed above.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit "$status"
