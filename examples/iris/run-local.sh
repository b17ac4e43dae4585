#!/usr/bin/env bash
# `npm run example`: trains the iris example end to end in local mode, exactly as SageMaker would run it, and prints
# the metrics. On a fresh machine it first prepares Docker and an offline Python base image (scripts/setup-env.sh).
# Runs the committed, self-contained dist/cli.js, so no `npm ci` is needed. Extra arguments go to `sagemaker-train run`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash scripts/setup-env.sh

# The Dockerfile's default base is python:3.12-slim; where Docker Hub is out of reach, use the offline base image.
base=python:3.12-slim
offline=${OFFLINE_BASE_IMAGE:-sagemaker-train/python-offline:bookworm}
if ! docker image inspect "$base" >/dev/null 2>&1 && ! timeout 300 docker pull -q "$base" >/dev/null 2>&1; then
  echo "[example] $base cannot be pulled here; building on the offline base image $offline instead"
  base=$offline
fi

if [ ! -f dist/cli.js ]; then
  echo "[example] dist/cli.js is missing: run 'npm ci && npm run build' first" >&2
  exit 1
fi
exec node dist/cli.js run --config examples/iris/sagemaker-training.yml --build-arg "BASE_IMAGE=$base" "$@"
