#!/usr/bin/env bash
# Installs the dependencies when node_modules is missing or older than package-lock.json (a fresh clone, a pull), so
# `npm start` and `npm test` each work by themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
