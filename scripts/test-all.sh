#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what it needs on a fresh machine, builds, checks, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-if-needed.sh
# The SQL tests (test/sql-*.test.ts) start their own PostgreSQL server from Debian's binaries.
bash scripts/ensure-postgres.sh

npm run build
npm run typecheck
npm run lint
# All four projects of vitest.config.ts: unit, playground, artifacts and scale. The build above leaves dist/ fresh, so the global
# setup of artifacts and scale builds nothing.
npx vitest run
bash scripts/ensure-chromium.sh
npx vitest run -c vitest.browser.config.ts
