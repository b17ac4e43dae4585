#!/usr/bin/env bash
# GitHub runs the action on node24 (action.yml): runs the action's black-box tests again with the bundles of dist/ on
# Node 24, the binary scripts/setup-env.sh installs from the npm registry (SAGEMAKER_TRAIN_NODE24 overrides it).
# scripts/test.sh calls it after the whole suite; CI too. Extra arguments go to vitest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

NODE24=${SAGEMAKER_TRAIN_NODE24:-${SETUP_STATE_DIR:-/var/tmp/sagemaker-train-env}/node24/bin/node}
[ -x "$NODE24" ] || { echo "[test] no Node 24 at $NODE24: run scripts/setup-env.sh" >&2; exit 1; }
echo "[test] the action's bundles on Node 24 ($("$NODE24" --version))"
NODE_BIN="$NODE24" npx vitest run --reporter=default \
  test/blackbox/action.test.ts \
  test/blackbox/sagemaker-mode.test.ts \
  test/blackbox/sagemaker-main.test.ts \
  test/blackbox/fork-publish.test.ts \
  test/blackbox/gate.itg.test.ts \
  test/blackbox/fork-workflow-run.itg.test.ts \
  "$@"
