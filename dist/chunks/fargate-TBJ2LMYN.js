import {
  stopSavedTask
} from "./chunk-J7S55UG5.js";
import "./chunk-IL3VUA2S.js";
import {
  cleanupSavedJob
} from "./chunk-QOLQOTYR.js";
import "./chunk-MHQU2NGJ.js";
import {
  sleep
} from "./chunk-NHSZ5FW5.js";
import "./chunk-JR6BMV5V.js";
import {
  createCloudWatchLogsClient,
  createEcsClient,
  createSageMakerClient
} from "./chunk-A2ZB4GEY.js";
import {
  createS3Client
} from "./chunk-G3PK4UPH.js";
import {
  NO_RUN_IDENTITY
} from "./chunk-QBYG7RQS.js";
import "./chunk-YOYRZ3GA.js";
import "./chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";

// src/backends/fargate/index.ts
async function cleanupSavedTask(saved, ctx, seams = {}) {
  if (!saved.sagemakerRegion) return;
  if (!saved.taskArn) return cleanupSavedJob(saved, ctx, seams.stopSavedJob);
  ctx.logger.info(`The main step did not finish: stopping runner task ${saved.taskArn}.`);
  try {
    await (seams.stopSavedTask ?? stopSavedTask)({
      taskArn: saved.taskArn,
      ...saved.fargateCluster ? { cluster: saved.fargateCluster } : {},
      ...saved.jobName ? { jobName: saved.jobName, sagemakerRegion: saved.sagemakerRegion } : {},
      logger: ctx.logger,
      identity: ctx.identity
    });
  } catch (err) {
    ctx.logger.warning(`Could not stop runner task ${saved.taskArn}: ${messageOf(err)}`);
  }
}
var MIN_DESCRIBE_TASKS_INTERVAL_MS = 15e3;
var DEFAULT_RUN_TASK_ATTEMPTS = 6;
var FargateBackend = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  cleanup(saved, ctx) {
    return cleanupSavedTask(saved, ctx);
  }
  async run(ctx) {
    const { FargateRun } = await import("./run-OCWSCXTW.js");
    const { logs, logsFor, request } = { ...this.deps, request: ctx.request };
    const describe = Math.max(
      this.deps.pollIntervalMs?.describe ?? MIN_DESCRIBE_TASKS_INTERVAL_MS,
      MIN_DESCRIBE_TASKS_INTERVAL_MS
    );
    return new FargateRun(
      {
        ecs: this.deps.ecs,
        s3: this.deps.s3,
        sagemaker: this.deps.sagemaker,
        logs: (region) => region === request.region ? Promise.resolve(logs) : (logsFor ?? createCloudWatchLogsClient)(region),
        sleep: this.deps.sleep ?? sleep,
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        random: this.deps.random ?? Math.random,
        identity: this.deps.identity ?? NO_RUN_IDENTITY,
        pollIntervalMs: { describe, logs: this.deps.pollIntervalMs?.logs ?? 1e4 },
        runTaskAttempts: this.deps.runTaskAttempts ?? DEFAULT_RUN_TASK_ATTEMPTS
      },
      ctx
    ).execute();
  }
};
function lazyFargateBackend(deps = {}) {
  return {
    async run(ctx) {
      const region = ctx.request.region;
      const [ecs, s3, logs, sagemaker] = await Promise.all([
        (deps.ecs ?? createEcsClient)(region),
        (deps.s3 ?? createS3Client)(region),
        (deps.logs ?? createCloudWatchLogsClient)(region),
        (deps.sagemaker ?? createSageMakerClient)(region)
      ]);
      return new FargateBackend({
        ...deps,
        ecs,
        s3,
        logs,
        sagemaker,
        logsFor: deps.logs ?? createCloudWatchLogsClient
      }).run(ctx);
    },
    cleanup: (saved, ctx) => cleanupSavedTask(saved, ctx, deps)
  };
}
export {
  DEFAULT_RUN_TASK_ATTEMPTS,
  FargateBackend,
  MIN_DESCRIBE_TASKS_INTERVAL_MS,
  cleanupSavedTask,
  lazyFargateBackend,
  stopSavedTask
};
