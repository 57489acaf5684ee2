#!/usr/bin/env bash
# Fuzzes /api/messages of the real bot over real HTTP with 100,000 mutated activities and raw bodies
# (SECRETBOT_FUZZ_ITERATIONS to change; SECRETBOT_FUZZ_SEED replays a run CsCheck reported), then
# prints the figures: requests, failures, statuses, memory. ./test.sh runs a short version.
set -euo pipefail
cd "$(dirname "$0")"
export SECRETBOT_FUZZ_ITERATIONS="${SECRETBOT_FUZZ_ITERATIONS:-100000}"

dotnet build Bot.Tests --nologo -v quiet -c Debug
rm -f artifacts/fuzz/summary.txt
status=0
dotnet test Bot.Tests --no-build --nologo -c Debug --filter "FullyQualifiedName~Hardening.MessagesFuzzTests" || status=$?
echo
cat artifacts/fuzz/summary.txt 2>/dev/null || echo "The fuzz test did not get as far as its figures."
exit "$status"
