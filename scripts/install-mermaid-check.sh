#!/bin/sh
# Installs what src/test/mermaid/render-check.mjs needs: Debian's Chromium (with fonts, so labels
# have real text metrics) and the pinned npm packages from package-lock.json. Playwright never
# downloads a browser here: the check drives /usr/bin/chromium.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-liberation fonts-dejavu-core
fi

cd "$root/src/test/mermaid"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
echo "mermaid check ready: $(/usr/bin/chromium --version 2>/dev/null), mermaid $(node -p "require('./node_modules/mermaid/package.json').version")"
