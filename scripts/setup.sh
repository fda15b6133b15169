#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine is missing to build, run and test Steward.
# Only missing packages are installed; nothing is downloaded outside apt and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config libpoco-dev libsqlite3-dev sqlite3
          libsodium-dev libcli11-dev libgtest-dev libgmock-dev libpq-dev postgresql chromium)
[ "${1:-}" = "--bench" ] && packages+=(nginx wrk curl)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js may come from elsewhere than Debian (with its own npm); only install it when absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Front-end assets (govuk-frontend CSS) and the browser-test driver come from npm.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
