#!/usr/bin/env bash
# Installs a Debian package only when its command is missing (also looked for in /usr/sbin,
# where daemons live): `ensure-debian-package.sh <command> [package]`, the package named as the
# command unless said.
set -euo pipefail

command_name="$1"
package="${2:-$1}"
if command -v "$command_name" >/dev/null 2>&1 || [ -x "/usr/sbin/$command_name" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-debian-package: installing $package"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package"
