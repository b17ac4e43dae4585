#!/usr/bin/env bash
# Fails when dist/ is not exactly what the sources build: users run dist/, never src/.
set -euo pipefail
npm run -s build
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is not current. Run 'npm run build' and commit dist/:" >&2
  git status --porcelain -- dist >&2
  exit 1
fi
echo "dist/ is current"
