#!/usr/bin/env bash
# Builds SecretBot, starts it in local (anonymous) mode on http://localhost:3978/api/messages and
# the Microsoft 365 Agents Playground (Teams emulation) against it. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

BOT_URL="http://localhost:3978"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
ensure_debian_packages curl:curl
ensure_npm_tools tools/playground
dotnet build Bot --nologo -v quiet -c Debug

shim="$(mktemp -d)"
no_browser_opener "$shim"
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$shim"
}
trap stop INT TERM EXIT

# Local mode: no app id, Development. The Playground always says en-US, so French and Belgium are
# set here, as a Belgian social worker would have them.
ASPNETCORE_ENVIRONMENT=Development Bot__Language=fr Bot__DefaultJurisdiction=BE \
  dotnet Bot/bin/Debug/net10.0/SecretBot.Bot.dll --urls "$BOT_URL" &
pids+=($!)
wait_for_url "$BOT_URL/healthz" 60

PATH="$shim:$PATH" tools/playground/node_modules/.bin/agentsplayground \
  -e "$BOT_URL/api/messages" -c msteams -p "$PLAYGROUND_PORT" --disable-telemetry &
pids+=($!)
wait_for_url "http://localhost:$PLAYGROUND_PORT" 60

echo
echo "SecretBot is running. Open the Agents Playground: http://localhost:$PLAYGROUND_PORT"
echo "Press Ctrl-C to stop."
wait
