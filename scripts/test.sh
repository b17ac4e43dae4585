#!/usr/bin/env bash
# The whole test suite (unit + integration) on a fresh clone of a fresh machine: prepares Docker, a local registry and
# the offline base image the integration tests use, installs dependencies when they are missing or stale, rebuilds
# dist/ (the black-box tests run it), then runs vitest. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-env.sh

# npm writes node_modules/.package-lock.json on every install: older than package-lock.json means stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[test] installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

echo "[test] building dist/"
npm run -s build

echo "[test] running unit and integration tests"
exec npx vitest run "$@"
