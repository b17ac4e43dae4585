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
var chunk_IVSETR7W_exports = {};
__export(chunk_IVSETR7W_exports, {
  MIN_DESCRIBE_INTERVAL_MS: () => MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend: () => SageMakerBackend,
  cleanupSavedJob: () => cleanupSavedJob,
  lazySageMakerBackend: () => lazySageMakerBackend,
  stopSavedTrainingJob: () => stopSavedTrainingJob
});
module.exports = __defProp(chunk_IVSETR7W_exports, "__esModule", { value: true });
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_JR6BMV5V = require("./chunk-JR6BMV5V.js");
var import_chunk_A2ZB4GEY = require("./chunk-A2ZB4GEY.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
async function stopSavedTrainingJob(opts) {
  try {
    const client = await (opts.sagemaker ?? import_chunk_A2ZB4GEY.createSageMakerClient)(opts.region);
    const runTag = (0, import_chunk_JR6BMV5V.runTagValue)(opts.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY);
    return await (0, import_chunk_JR6BMV5V.stopTrainingJob)(client, opts.jobName, opts.logger, {
      ...runTag !== void 0 ? { runTag } : {},
      ...opts.signal ? { signal: opts.signal } : {}
    });
  } catch (err) {
    opts.logger.warning(`Could not stop training job ${opts.jobName}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return false;
  }
}
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
    const { SageMakerRun } = await Promise.resolve().then(() => require("./run-RHK22G2P.js"));
    const describe = Math.max(this.deps.pollIntervalMs?.describe ?? MIN_DESCRIBE_INTERVAL_MS, MIN_DESCRIBE_INTERVAL_MS);
    return new SageMakerRun(
      {
        sagemaker: this.deps.sagemaker,
        logs: this.deps.logs,
        s3: this.deps.s3 ?? import_chunk_G3PK4UPH.createS3Client,
        sleep: this.deps.sleep ?? import_chunk_NHSZ5FW5.sleep,
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        random: this.deps.random ?? Math.random,
        identity: this.deps.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY,
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
        (deps.sagemaker ?? import_chunk_A2ZB4GEY.createSageMakerClient)(region),
        (deps.logs ?? import_chunk_A2ZB4GEY.createCloudWatchLogsClient)(region)
      ]);
      return new SageMakerBackend({ ...deps, sagemaker, logs }).run(ctx);
    },
    cleanup: (saved, ctx) => cleanupSavedJob(saved, ctx, deps.stopSavedJob)
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  cleanupSavedJob,
  lazySageMakerBackend,
  stopSavedTrainingJob
});
