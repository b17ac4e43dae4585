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
report=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?

# GitHub runs the action on node24 (action.yml): the action's black-box tests again on Node 24. Only for the whole
# suite: a focused run (arguments given) is left as asked.
report24=$(mktemp)
if [ $# -eq 0 ]; then
  bash scripts/test-node24.sh --reporter=json --outputFile.json="$report24" || status=$?
fi

# One plain closing line, whatever reads this log: "N passed, N failed" (the Node 24 runs counted in).
node -e '
  const fs = require("fs");
  if (fs.statSync(process.argv[1]).size === 0) process.exit(1);
  const reports = process.argv.slice(1).filter((f) => fs.statSync(f).size > 0).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
  const sum = (k) => reports.reduce((n, r) => n + r[k], 0);
  const skipped = sum("numPendingTests") + sum("numTodoTests");
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$report" "$report24" || echo "tests: no report (vitest exited with $status)"
rm -f "$report" "$report24"
exit "$status"
