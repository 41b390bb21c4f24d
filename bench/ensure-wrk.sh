#!/usr/bin/env bash
# Installs Debian's wrk, only when missing: `make bench` loads every peer with it.
set -euo pipefail

if command -v wrk >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-wrk: installing wrk"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
