#!/usr/bin/env bash
# Set-up on a fresh Debian machine with Node 20: Debian's Chromium and Firefox ESR (and their French translations),
# then the npm packages. Only what is missing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${CHROMIUM_PATH:-}" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # chromium-l10n: Debian ships the browser's translations apart; without them Loupe's panel shows in English.
  dpkg -s chromium-l10n >/dev/null 2>&1 || missing+=(chromium-l10n)
fi
if [ -z "${FIREFOX_PATH:-}" ]; then
  # The e2e tests and `npm run audit -- --browser firefox` run Loupe in Firefox ESR, as many schools do.
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  dpkg -s firefox-esr-l10n-fr >/dev/null 2>&1 || missing+=(firefox-esr-l10n-fr)
fi
# rsync: gitlab-ci-local (test/e2e/gitlab-ci.spec.ts runs the Forge's pipeline with it) copies the project with it.
command -v rsync >/dev/null || missing+=(rsync)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
