# Shared by run.sh, test.sh and bench.sh: installs what a step needs, only when it is missing.
# Sourced, not run.

# ensure_debian_packages BINARY:PACKAGE ... — installs the Debian packages whose binary is absent.
# BINARY may be an absolute path instead (a font file, say), for packages that install no command.
ensure_debian_packages() {
  local missing=() pair thing
  for pair in "$@"; do
    thing="${pair%%:*}"
    if [[ "$thing" == /* ]]; then
      [ -e "$thing" ] || missing+=("${pair##*:}")
    else
      command -v "$thing" >/dev/null 2>&1 || missing+=("${pair##*:}")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_npm_tools DIR — installs DIR's pinned npm packages from its lock file when they are absent or stale.
ensure_npm_tools() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $dir (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# no_browser_opener DIR — a no-op xdg-open for programs that try to open a browser and exit when they can't.
no_browser_opener() {
  mkdir -p "$1"
  printf '#!/bin/sh\nexit 0\n' > "$1/xdg-open"
  chmod +x "$1/xdg-open"
}

# wait_for_url URL SECONDS — waits until URL answers.
wait_for_url() {
  local url="$1" seconds="$2" i
  for ((i = 0; i < seconds * 4; i++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.25
  done
  echo "Timed out waiting for $url" >&2
  return 1
}

# ensure_bicep — prints the path of the Bicep CLI pinned in tools/bicep (NuGet package
# Azure.Bicep.CommandLine.linux-x64), restoring it into the NuGet cache first when it is missing.
# It runs offline: infra/ uses no registry modules.
ensure_bicep() {
  local root project path
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  project="$root/tools/bicep/bicep.csproj"
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "ensure_bicep: tools/bicep pins the Linux x64 Bicep CLI; this is $(uname -s)-$(uname -m)" >&2
    return 1
  fi
  path="$(dotnet msbuild "$project" -getProperty:BicepPath --nologo 2>/dev/null || true)"
  if [ -z "$path" ] || [ ! -f "$path" ]; then
    dotnet restore "$project" --nologo -v quiet >&2
    path="$(dotnet msbuild "$project" -getProperty:BicepPath --nologo)"
  fi
  path="$(realpath "$path")"
  [ -x "$path" ] || chmod +x "$path"
  echo "$path"
}
