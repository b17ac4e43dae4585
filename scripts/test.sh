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
# One plain closing line, whatever reads this log: "N passed, N failed".
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$report" || echo "tests: no report (vitest exited with $status)"
rm -f "$report"

# GitHub runs the action on node24 (action.yml): the action's black-box tests run again with the bundles on Node 24
# (installed by setup-env.sh). Only for the whole suite: a focused run (arguments given) is left as asked.
NODE24=${SAGEMAKER_TRAIN_NODE24:-${SETUP_STATE_DIR:-/var/tmp/sagemaker-train-env}/node24/bin/node}
if [ $# -eq 0 ]; then
  echo "[test] the action's bundles on Node 24 ($("$NODE24" --version))"
  node24_status=0
  NODE_BIN="$NODE24" npx vitest run --reporter=default \
    test/blackbox/action.test.ts test/blackbox/sagemaker-mode.test.ts test/blackbox/sagemaker-main.test.ts \
    test/blackbox/fork-publish.test.ts test/blackbox/gate.itg.test.ts test/blackbox/fork-workflow-run.itg.test.ts ||
    node24_status=$?
  echo "tests on Node 24: $([ "$node24_status" -eq 0 ] && echo passed || echo failed)"
  [ "$node24_status" -eq 0 ] || status=$node24_status
fi
exit "$status"
