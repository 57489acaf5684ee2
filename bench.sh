#!/usr/bin/env bash
# The load benchmark (issue 8): builds Release, then drives the bot over real HTTP on loopback with
# a local connector sink and token issuer, and prints a table (figures also written as JSON).
#   ./bench.sh                   full run (with 1, 2, 3 instances), a few minutes → artifacts/bench/bench.json
#   ./bench.sh --quick           under a minute of measuring      → artifacts/bench/bench-quick.json
#   ./bench.sh --instances 1,2,3 several instances on Redis behind a proxy, only → artifacts/bench/bench-instances.json
#   ./bench.sh --soak [MINUTES]  half of the capacity, memory sampled (default 10 minutes) → artifacts/bench/soak.json
# Other options: --users N, --out FILE, --rate TURNS_PER_SECOND (soak), --only floor|anonymous|auth|idle|cold-start (one part).
# The exit code is not 0 when the run had errors (or, for the soak, when memory did not stay flat).
# It needs the .NET SDK, and redis-server (Debian's) for the instances; the machine is shared with whatever else runs, so say so with the figures.
set -euo pipefail
cd "$(dirname "$0")"

dotnet build Bench --nologo -v quiet -c Release
exec dotnet Bench/bin/Release/net10.0/SecretBot.Bench.dll "$@"
