#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries for the SQL tests (test/sql/pg-server.ts starts a throwaway server)
# when no initdb is found under /usr/lib/postgresql (apt-get update first). The tests start and stop the server.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-postgres: PostgreSQL is missing and this user cannot run apt-get; install the 'postgresql' package" >&2
    exit 1
  fi
fi

echo "ensure-postgres: installing Debian's postgresql with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y postgresql
ls /usr/lib/postgresql/*/bin/initdb >&2
