#!/usr/bin/env bash
# Installs Debian's pgbouncer, only when missing: the local cluster (infra/local-cluster) and
# its test run the pgbouncer of the distribution, the version production servers get. (The
# cluster starts its own pgbouncer on a free port with its own configuration; the package's
# service, if the init system starts one, is not used.)
set -euo pipefail

bash "$(dirname "$0")/ensure-debian-package.sh" pgbouncer
echo "ensure-pgbouncer: $( (pgbouncer --version 2>/dev/null || /usr/sbin/pgbouncer --version) | head -1)"
