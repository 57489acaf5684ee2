#!/usr/bin/env bash
# Builds the Teams app package (manifest.json, en.json, color.png, outline.png at the root of a zip).
# Usage: appPackage/build.sh <MicrosoftAppId> <public base URL, e.g. https://secretbot.example.org> [out.zip]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:?usage: build.sh MicrosoftAppId PublicBaseUrl [out.zip]}"
base_url="${2:?usage: build.sh MicrosoftAppId PublicBaseUrl [out.zip]}"
out="${3:-$here/../artifacts/appPackage/SecretBot.zip}"
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]] || { echo "'$app_id' is not a GUID" >&2; exit 2; }
[[ "$base_url" == https://* ]] || { echo "'$base_url' must start with https://" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s|{{MicrosoftAppId}}|$app_id|g" -e "s|{{PublicBaseUrl}}|${base_url%/}|g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/en.json" "$here/color.png" "$here/outline.png" "$work/"
mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json en.json color.png outline.png)
echo "$out"
