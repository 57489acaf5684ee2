#!/usr/bin/env bash
# Publishes the bot (Release, framework-dependent) and deploys it to its Azure web app as a zip.
# Usage: scripts/deploy-code.sh <resource group> [web app name]
# Without a web app name, it is read from the outputs of the infrastructure deployment named
# "secretbot" in that group (README.md, "Deploy to Azure"). Needs the Azure CLI, logged in.
set -euo pipefail
cd "$(dirname "$0")/.."
group="${1:?usage: scripts/deploy-code.sh RESOURCE_GROUP [WEB_APP_NAME]}"
app="${2:-$(az deployment group show --resource-group "$group" --name secretbot \
  --query properties.outputs.BOT_WEB_APP_NAME.value --output tsv)}"
[ -n "$app" ] || { echo "No web app name: pass it, or deploy infra/main.bicep as deployment 'secretbot' first." >&2; exit 2; }

out="artifacts/publish"
zip="$PWD/artifacts/secretbot.zip"
rm -rf "$out" "$zip"
dotnet publish Bot/Bot.csproj --configuration Release --output "$out" --nologo
(cd "$out" && zip -q -r -X "$zip" .)
az webapp deploy --resource-group "$group" --name "$app" --src-path "$zip" --type zip
