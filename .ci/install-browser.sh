#!/usr/bin/env bash
# Installs what publication-service's browser test (BoardPageIT) needs: Debian's headless chromium, its
# chromedriver, and a CJK font so the board's Chinese text renders in screenshots. Idempotent and quiet: does
# nothing when /usr/bin/chromedriver is already there. Needs root (or sudo) and the Debian package mirrors.
set -euo pipefail

if [[ -x /usr/bin/chromedriver ]]; then
  exit 0
fi
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei >/dev/null
echo "install-browser: $(/usr/bin/chromedriver --version)"
