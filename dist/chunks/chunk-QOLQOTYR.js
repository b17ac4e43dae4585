import {
  sleep
} from "./chunk-NHSZ5FW5.js";
import {
  runTagValue,
  stopTrainingJob
} from "./chunk-JR6BMV5V.js";
import {
  createCloudWatchLogsClient,
  createSageMakerClient
} from "./chunk-A2ZB4GEY.js";
import {
  createS3Client
} from "./chunk-G3PK4UPH.js";
import {
  NO_RUN_IDENTITY
} from "./chunk-QBYG7RQS.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";

// src/backends/sagemaker/cleanup.ts
async function stopSavedTrainingJob(opts) {
  try {
    const client = await (opts.sagemaker ?? createSageMakerClient)(opts.region);
    const runTag = runTagValue(opts.identity ?? NO_RUN_IDENTITY);
    return await stopTrainingJob(client, opts.jobName, opts.logger, {
      ...runTag !== void 0 ? { runTag } : {},
      ...opts.signal ? { signal: opts.signal } : {}
    });
  } catch (err) {
    opts.logger.warning(`Could not stop training job ${opts.jobName}: ${messageOf(err)}`);
    return false;
  }
}

// src/backends/sagemaker/index.ts
var MIN_DESCRIBE_INTERVAL_MS = 3e4;
async function cleanupSavedJob(saved, ctx, stop = stopSavedTrainingJob) {
  if (!saved.jobName || !saved.sagemakerRegion) return;
  ctx.logger.info(`The main step did not finish: stopping training job ${saved.jobName} (${saved.sagemakerRegion}).`);
  await stop({ jobName: saved.jobName, region: saved.sagemakerRegion, logger: ctx.logger, identity: ctx.identity });
}
var SageMakerBackend = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  cleanup(saved, ctx) {
    return cleanupSavedJob(saved, ctx);
  }
  async run(ctx) {
    const { SageMakerRun } = await import("./run-DJP4MPYD.js");
    const describe = Math.max(this.deps.pollIntervalMs?.describe ?? MIN_DESCRIBE_INTERVAL_MS, MIN_DESCRIBE_INTERVAL_MS);
    return new SageMakerRun(
      {
        sagemaker: this.deps.sagemaker,
        logs: this.deps.logs,
        s3: this.deps.s3 ?? createS3Client,
        sleep: this.deps.sleep ?? sleep,
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        random: this.deps.random ?? Math.random,
        identity: this.deps.identity ?? NO_RUN_IDENTITY,
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
    },
    cleanup: (saved, ctx) => cleanupSavedJob(saved, ctx, deps.stopSavedJob)
  };
}

export {
  stopSavedTrainingJob,
  MIN_DESCRIBE_INTERVAL_MS,
  cleanupSavedJob,
  SageMakerBackend,
  lazySageMakerBackend
};
