#!/usr/bin/env bash
# Installs Debian's pgbouncer, only when missing: the local cluster (infra/local-cluster) and
# its test run the pgbouncer of the distribution, the version production servers get.
set -euo pipefail

if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then
  echo "ensure-pgbouncer: $( (pgbouncer --version 2>/dev/null || /usr/sbin/pgbouncer --version) | head -1) already present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-pgbouncer: installing pgbouncer"
$SUDO apt-get update -qq
# (The cluster starts its own pgbouncer on a free port with its own configuration; the
# package's service, if the init system starts one, is not used.)
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq pgbouncer
