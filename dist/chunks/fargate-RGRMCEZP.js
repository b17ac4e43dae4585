var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var fargate_RGRMCEZP_exports = {};
__export(fargate_RGRMCEZP_exports, {
  DEFAULT_RUN_TASK_ATTEMPTS: () => DEFAULT_RUN_TASK_ATTEMPTS,
  FargateBackend: () => FargateBackend,
  MIN_DESCRIBE_TASKS_INTERVAL_MS: () => MIN_DESCRIBE_TASKS_INTERVAL_MS,
  cleanupSavedTask: () => cleanupSavedTask,
  lazyFargateBackend: () => lazyFargateBackend,
  stopSavedTask: () => import_chunk_J7S55UG5.stopSavedTask
});
module.exports = __defProp(fargate_RGRMCEZP_exports, "__esModule", { value: true });
var import_chunk_J7S55UG5 = require("./chunk-J7S55UG5.js");
var import_chunk_IL3VUA2S = require("./chunk-IL3VUA2S.js");
var import_chunk_IVSETR7W = require("./chunk-IVSETR7W.js");
var import_chunk_MHQU2NGJ = require("./chunk-MHQU2NGJ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_JR6BMV5V = require("./chunk-JR6BMV5V.js");
var import_chunk_A2ZB4GEY = require("./chunk-A2ZB4GEY.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
async function cleanupSavedTask(saved, ctx, seams = {}) {
  if (!saved.sagemakerRegion) return;
  if (!saved.taskArn) return (0, import_chunk_IVSETR7W.cleanupSavedJob)(saved, ctx, seams.stopSavedJob);
  ctx.logger.info(`The main step did not finish: stopping runner task ${saved.taskArn}.`);
  try {
    await (seams.stopSavedTask ?? import_chunk_J7S55UG5.stopSavedTask)({
      taskArn: saved.taskArn,
      ...saved.fargateCluster ? { cluster: saved.fargateCluster } : {},
      ...saved.jobName ? { jobName: saved.jobName, sagemakerRegion: saved.sagemakerRegion } : {},
      logger: ctx.logger,
      identity: ctx.identity
    });
  } catch (err) {
    ctx.logger.warning(`Could not stop runner task ${saved.taskArn}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
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
    const { FargateRun } = await Promise.resolve().then(() => require("./run-OCWSCXTW.js"));
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
        logs: (region) => region === request.region ? Promise.resolve(logs) : (logsFor ?? import_chunk_A2ZB4GEY.createCloudWatchLogsClient)(region),
        sleep: this.deps.sleep ?? import_chunk_NHSZ5FW5.sleep,
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        random: this.deps.random ?? Math.random,
        identity: this.deps.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY,
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
        (deps.ecs ?? import_chunk_A2ZB4GEY.createEcsClient)(region),
        (deps.s3 ?? import_chunk_G3PK4UPH.createS3Client)(region),
        (deps.logs ?? import_chunk_A2ZB4GEY.createCloudWatchLogsClient)(region),
        (deps.sagemaker ?? import_chunk_A2ZB4GEY.createSageMakerClient)(region)
      ]);
      return new FargateBackend({
        ...deps,
        ecs,
        s3,
        logs,
        sagemaker,
        logsFor: deps.logs ?? import_chunk_A2ZB4GEY.createCloudWatchLogsClient
      }).run(ctx);
    },
    cleanup: (saved, ctx) => cleanupSavedTask(saved, ctx, deps)
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DEFAULT_RUN_TASK_ATTEMPTS,
  FargateBackend,
  MIN_DESCRIBE_TASKS_INTERVAL_MS,
  cleanupSavedTask,
  lazyFargateBackend,
  stopSavedTask
});
