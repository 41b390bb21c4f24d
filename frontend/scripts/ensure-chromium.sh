#!/usr/bin/env bash
# Installs Debian's Chromium and the CJK fonts the browser tests need, only when missing.
# Playwright's own browser download cannot work here; the e2e tests launch /usr/bin/chromium.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# (read the font list whole: `fc-list | grep -q` under pipefail fails when grep exits early)
fonts="$(fc-list 2>/dev/null || true)"
if ! grep -qi 'Noto Sans CJK' <<<"$fonts"; then
  need+=(fonts-noto-cjk)
fi

if [ ${#need[@]} -eq 0 ]; then
  echo "ensure-chromium: chromium and fonts-noto-cjk already present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-chromium: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" fontconfig
fc-cache -f >/dev/null 2>&1 || true
