#!/usr/bin/env bash
# Builds the Teams app package (manifest.json, en.json, color.png, outline.png at the root of a zip).
# Usage: appPackage/build.sh <MicrosoftAppId> <public base URL> <developer name> <version> [out.zip]
#   public base URL  the bot's https address, e.g. https://secretbot.example.org; the manifest links
#                    to its /, /privacy and /terms pages, which the bot serves
#   developer name   the organisation that publishes the app, as Teams shows it (1 to 32 characters)
#   version          MAJOR.MINOR.PATCH (semver, e.g. 1.2.0); each package uploaded to the Teams admin
#                    center needs a higher one than the last
set -euo pipefail
export LC_ALL=C.UTF-8 # ${#developer} counts characters, not bytes
usage="usage: build.sh MicrosoftAppId PublicBaseUrl DeveloperName Version [out.zip]"
here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "$1" >&2; exit 2; }
[[ $# -ge 4 && $# -le 5 ]] || fail "$usage"
app_id="$1"
base_url="$2"
developer="$3"
version="$4"
out="${5:-$here/../artifacts/appPackage/SecretBot.zip}"

[[ "$app_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]] || fail "'$app_id' is not a GUID"
url_pattern='^https://[^[:space:]"\|&?#]+$'
[[ "$base_url" =~ $url_pattern ]] || fail "'$base_url' must start with https:// and hold no spaces, quotes, query or fragment"
[[ ${#developer} -le 32 && ! "$developer" =~ [[:cntrl:]] && "$developer" =~ [^[:space:]] ]] ||
  fail "'$developer' must be the publishing organisation's name, 1 to 32 characters on one line"
# Semantic versioning's MAJOR.MINOR.PATCH, without leading zeros; Teams takes no pre-release or build suffix.
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
  fail "'$version' is not a version MAJOR.MINOR.PATCH such as 1.2.0 (semver, no leading zeros, no suffix)"

# The name goes into a JSON string through a sed replacement: escape it for both.
json_developer="${developer//\\/\\\\}"
json_developer="${json_developer//\"/\\\"}"
sed_developer="$(printf '%s' "$json_developer" | sed -e 's/[\\&|]/\\&/g')"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s|{{MicrosoftAppId}}|$app_id|g" -e "s|{{PublicBaseUrl}}|${base_url%/}|g" \
    -e "s|{{DeveloperName}}|$sed_developer|g" -e "s|{{Version}}|$version|g" \
    "$here/manifest.json" > "$work/manifest.json"
cp "$here/en.json" "$here/color.png" "$here/outline.png" "$work/"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")" # zip runs in the work folder
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json en.json color.png outline.png)
echo "$out"
