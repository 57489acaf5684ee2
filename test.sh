#!/usr/bin/env bash
# Installs what the tests need when missing, then runs every test.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test SecretBot.sln
