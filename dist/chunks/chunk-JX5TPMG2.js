import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  createCloudWatchLogsClient,
  createSageMakerClient
} from "./chunk-6K5YUH5B.js";
import {
  sleep
} from "./chunk-JNQNZV5F.js";
import {
  createS3Client
} from "./chunk-57ZJPNCC.js";

// src/backends/sagemaker/index.ts
var MIN_DESCRIBE_INTERVAL_MS = 3e4;
var SageMakerBackend = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  async run(ctx) {
    const { SageMakerRun } = await import("./run-PSU6OXW4.js");
    const describe = Math.max(this.deps.pollIntervalMs?.describe ?? MIN_DESCRIBE_INTERVAL_MS, MIN_DESCRIBE_INTERVAL_MS);
    return new SageMakerRun(
      {
        sagemaker: this.deps.sagemaker,
        logs: this.deps.logs,
        s3: this.deps.s3 ?? createS3Client,
        sleep: this.deps.sleep ?? sleep,
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        random: this.deps.random ?? Math.random,
        env: this.deps.env ?? process.env,
        pollIntervalMs: { describe, logs: this.deps.pollIntervalMs?.logs ?? 1e4 }
      },
      ctx
    ).execute();
  }
};
function lazySageMakerBackend(deps = {}) {
  return {
    async run(ctx) {
      const region = ctx.request.region;
      const [sagemaker, logs] = await Promise.all([
        (deps.sagemaker ?? createSageMakerClient)(region),
        (deps.logs ?? createCloudWatchLogsClient)(region)
      ]);
      return new SageMakerBackend({ ...deps, sagemaker, logs }).run(ctx);
    }
  };
}

export {
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  lazySageMakerBackend
};
