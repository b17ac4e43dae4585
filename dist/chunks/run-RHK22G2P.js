var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var run_RHK22G2P_exports = {};
__export(run_RHK22G2P_exports, {
  SageMakerRun: () => SageMakerRun
});
module.exports = __defProp(run_RHK22G2P_exports, "__esModule", { value: true });
var import_chunk_GJZ77SZE = require("./chunk-GJZ77SZE.js");
var import_chunk_WAEPYHZO = require("./chunk-WAEPYHZO.js");
var import_chunk_UMA3BQCH = require("./chunk-UMA3BQCH.js");
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_MHQU2NGJ = require("./chunk-MHQU2NGJ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_JR6BMV5V = require("./chunk-JR6BMV5V.js");
var import_chunk_YPU6SPTV = require("./chunk-YPU6SPTV.js");
var import_chunk_D546KRQB = require("./chunk-D546KRQB.js");
var import_chunk_2MJ7FFP2 = require("./chunk-2MJ7FFP2.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_XZEEPGY5 = require("./chunk-XZEEPGY5.js");
var import_chunk_Q3ZBZB5P = require("./chunk-Q3ZBZB5P.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_IULFMOT4 = require("./chunk-IULFMOT4.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_EEZT73VI = require("./chunk-EEZT73VI.js");
var import_chunk_UTHY2BUW = require("./chunk-UTHY2BUW.js");
var import_chunk_X6HAP4OX = require("./chunk-X6HAP4OX.js");
var import_chunk_LYTMSHXR = require("./chunk-LYTMSHXR.js");
var import_chunk_YFMXSBBW = require("./chunk-YFMXSBBW.js");
var import_chunk_65MDVLYD = require("./chunk-65MDVLYD.js");
var import_chunk_LU7E3M5V = require("./chunk-LU7E3M5V.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var FIRST_RETRY_DELAY_MS = 6e4;
var MAX_RETRY_DELAY_MS = 5 * 6e4;
function isCapacityFailure(job) {
  const reason = job.FailureReason ?? "";
  return job.TrainingJobStatus === "Failed" && /capacity/i.test(reason) && !/^\s*AlgorithmError\b/i.test(reason) && !/ResourceLimitExceeded/i.test(reason);
}
function capacityRetryName(baseName, retry) {
  const suffix = `-c${retry}`;
  return `${baseName.slice(0, import_chunk_UO73Q2OA.MAX_JOB_NAME_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}
function capacityRetryDelayMs(retry) {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, retry - 1), MAX_RETRY_DELAY_MS);
}
async function createOrAttach(o) {
  const { request, jobName } = o;
  const input = (0, import_chunk_JR6BMV5V.createTrainingJobInput)(request, {
    jobName,
    imageUri: o.imageUri,
    tags: (0, import_chunk_JR6BMV5V.runTags)(o.identity),
    channelUris: o.channelUris
  });
  o.onState?.("job-name", jobName);
  o.onState?.("sagemaker-region", request.region);
  o.logger.debug(`CreateTrainingJob ${JSON.stringify(input)}`);
  try {
    await o.sagemaker.send(new import_chunk_YPU6SPTV.CreateTrainingJobCommand(input));
    o.logger.info(`Created training job ${jobName} (${request.job.instanceCount} \xD7 ${request.job.instanceType})`);
    o.logger.info(`Console: ${(0, import_chunk_MHQU2NGJ.jobLinks)(request.region, jobName)[0]?.url ?? ""}`);
    return "created";
  } catch (err) {
    const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err);
    if (name === "ResourceInUse") return attachIfOurs(o, err);
    if (name === "ResourceLimitExceeded") {
      o.onState?.("job-name", "");
      return { status: "Failed", failureReason: quotaMessage(request, err) };
    }
    throw new Error(`CreateTrainingJob ${jobName} failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`, { cause: err });
  }
}
function quotaMessage(request, err) {
  const { instanceType, instanceCount, spot } = request.job;
  const quota = `${instanceType} for ${spot ? "spot " : ""}training job usage`;
  return `ResourceLimitExceeded: ${(0, import_chunk_OEPHYHQN.messageOf)(err)} \u2014 the account's SageMaker quota "${quota}" in ${request.region} is too low for ${instanceCount} instance(s). Request an increase in the Service Quotas console (Amazon SageMaker \u2192 "${quota}"); retrying will not help.`;
}
async function attachIfOurs(o, err) {
  const { jobName } = o;
  const ours = (0, import_chunk_JR6BMV5V.runTagValue)(o.identity);
  let theirs;
  try {
    const job = await o.describe();
    const tags = await o.sagemaker.send(new import_chunk_YPU6SPTV.ListTagsCommand({ ResourceArn: job.TrainingJobArn }));
    theirs = tags.Tags?.find((t) => t.Key === import_chunk_JR6BMV5V.TagKey.Run)?.Value;
  } catch (lookupErr) {
    o.logger.debug(`Looking up the existing job ${jobName}: ${(0, import_chunk_OEPHYHQN.messageOf)(lookupErr)}`);
  }
  if (ours !== void 0 && theirs === ours) {
    o.logger.info(`Training job ${jobName} already exists and was created by this run (${ours}): attaching`);
    return "created";
  }
  o.onState?.("job-name", "");
  throw new Error(
    `A training job named ${jobName} already exists and was not created by this run (its ${import_chunk_JR6BMV5V.TagKey.Run} tag is ${theirs === void 0 ? "absent" : `"${theirs}"`}${ours === void 0 ? "" : `, this run is "${ours}"`}). Job names are unique per account and region: set another job.name or job.name-prefix. (${(0, import_chunk_OEPHYHQN.messageOf)(err)})`,
    { cause: err }
  );
}
function sageMakerResult(parts) {
  const { request, job, outcome, startedAt, endedAt, jobName } = parts;
  const output = request.output;
  const billableSeconds = job?.BillableTimeInSeconds;
  const trainingSeconds = job?.TrainingTimeInSeconds;
  const cost = (0, import_chunk_XZEEPGY5.estimateCost)({
    instanceType: request.job.instanceType,
    instanceCount: request.job.instanceCount,
    ...billableSeconds !== void 0 ? { billableSeconds } : {},
    ...request.job.pricePerHour !== void 0 ? { pricePerHour: request.job.pricePerHour } : {}
  });
  const savings = (0, import_chunk_XZEEPGY5.spotSavingsPercent)({
    managedSpot: request.job.spot !== void 0,
    ...billableSeconds !== void 0 ? { billableSeconds } : {},
    ...trainingSeconds !== void 0 ? { trainingSeconds } : {}
  });
  return {
    // The runner runs a fargate request with this backend: the result keeps the request's mode.
    mode: request.mode,
    jobName,
    status: outcome.status,
    ...outcome.secondaryStatus ? { secondaryStatus: outcome.secondaryStatus } : {},
    ...outcome.failureReason ? { failureReason: outcome.failureReason } : {},
    metrics: job ? (0, import_chunk_MHQU2NGJ.finalMetrics)(job) : {},
    metricSeries: {},
    ...job?.ModelArtifacts?.S3ModelArtifacts ? { modelArtifacts: job.ModelArtifacts.S3ModelArtifacts } : {},
    ...outcome.status === "Completed" || job?.ModelArtifacts?.S3ModelArtifacts ? { outputArtifacts: (0, import_chunk_MHQU2NGJ.outputArtifactsUri)(output, jobName) } : {},
    imageUri: parts.imageUri,
    instanceType: request.job.instanceType,
    instanceCount: request.job.instanceCount,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1e3),
    ...trainingSeconds !== void 0 ? { trainingSeconds } : {},
    ...billableSeconds !== void 0 ? { billableSeconds } : {},
    ...cost ? { cost } : {},
    ...savings !== void 0 ? { spotSavingsPercent: savings } : {},
    logTail: parts.logTail,
    links: parts.jobExists ? (0, import_chunk_MHQU2NGJ.jobLinks)(request.region, jobName) : []
  };
}
var ACCESS_DENIED_GRACE_MS = 3 * 6e4;
var LOG_DRAIN_GAP_MS = 5e3;
var STOP_SETTLE_MS = 3e3;
var STOP_DESCRIBE_TIMEOUT_MS = 4e3;
var SageMakerRun = class {
  constructor(deps, ctx) {
    this.deps = deps;
    this.ctx = ctx;
    this.request = ctx.request;
    this.logger = ctx.logger;
    this.hostLog = new import_chunk_UMA3BQCH.HostLog(ctx.logger, ctx.onLogLine);
    this.jobName = ctx.jobName;
  }
  deps;
  ctx;
  request;
  logger;
  hostLog;
  logWarned = false;
  // The current job: a capacity retry starts over with a new name (see startJob).
  jobName;
  seenTransitions = /* @__PURE__ */ new Set();
  lastJob;
  tail;
  /** True once CreateTrainingJob succeeded or this run's existing job was attached. */
  jobExists = false;
  async execute() {
    const startedAt = this.deps.now();
    const problem = (0, import_chunk_GJZ77SZE.registryImageProblem)(this.ctx.imageUri);
    if (problem !== void 0) throw new Error(problem);
    if (this.ctx.signal.aborted)
      return this.result(startedAt, stoppedBeforeStart("Stopped before the job was created."));
    let channelUris;
    try {
      channelUris = await (0, import_chunk_WAEPYHZO.uploadLocalChannels)({
        channels: this.request.channels,
        output: this.request.output,
        s3: () => this.deps.s3(this.request.region),
        logger: this.logger,
        signal: this.ctx.signal
      });
    } catch (err) {
      if (this.ctx.signal.aborted)
        return this.result(startedAt, stoppedBeforeStart("Stopped while uploading channels."));
      throw err;
    }
    return this.runWithCapacityRetries(startedAt, channelUris);
  }
  /** Runs the job; while it fails for lack of capacity and retries are left, creates it again under a new name. */
  async runWithCapacityRetries(startedAt, channelUris) {
    const attempts = 1 + Math.max(0, this.request.job.capacityRetries);
    for (let attempt = 1; ; attempt++) {
      const end = await this.runJob(channelUris);
      const capacity = end.ended !== void 0 && isCapacityFailure(end.ended);
      if (!capacity || attempt >= attempts) {
        return this.result(startedAt, this.withAttempts(end.outcome, attempt, attempts, capacity));
      }
      const next = capacityRetryName(this.ctx.jobName, attempt);
      const delay = capacityRetryDelayMs(attempt);
      this.logger.warning(
        `Training job ${this.jobName} failed for lack of capacity (${end.outcome.failureReason ?? ""}): creating it again as ${next} in ${Math.round(delay / 1e3)} s (attempt ${attempt + 1} of ${attempts})`
      );
      try {
        await this.deps.sleep(delay, this.ctx.signal);
      } catch (err) {
        if (!(0, import_chunk_NHSZ5FW5.isAbortError)(err) && !this.ctx.signal.aborted) throw err;
        return this.result(startedAt, {
          status: "Stopped",
          failureReason: `The run was cancelled before attempt ${attempt + 1} of ${attempts}; the last job, ${this.jobName}, had failed for lack of capacity: ${end.outcome.failureReason ?? ""}`
        });
      }
      this.startJob(next);
    }
  }
  /** Forgets the previous job: the next create, wait and logs are about `jobName`. */
  startJob(jobName) {
    this.jobName = jobName;
    this.seenTransitions = /* @__PURE__ */ new Set();
    this.lastJob = void 0;
    this.tail = void 0;
    this.jobExists = false;
  }
  /** After capacity retries the reason says how many attempts were made. */
  withAttempts(outcome, attempt, attempts, capacity) {
    if (outcome.status === "Completed") {
      if (attempt > 1) this.logger.info(`Training job ${this.jobName} completed on attempt ${attempt} of ${attempts}`);
      return outcome;
    }
    if (capacity && attempts === 1) {
      this.logger.info("The job failed for lack of capacity: set job.capacity-retries to create it again by itself.");
    }
    if (attempt === 1) return outcome;
    const note = capacity ? `all ${attempt} attempts failed for lack of capacity (capacity retries: ${attempts - 1})` : `attempt ${attempt} of ${attempts}; the ${attempt - 1} before failed for lack of capacity`;
    return { ...outcome, failureReason: `${outcome.failureReason ?? `The training job ${outcome.status}`} [${note}]` };
  }
  /** Creates (or attaches to) the current job and follows it to its end. */
  async runJob(channelUris) {
    const created = await this.createOrAttach(channelUris);
    if (created !== "created") return { outcome: created };
    this.jobExists = true;
    let end;
    try {
      end = await this.waitForEnd(this.deps.now());
    } catch (err) {
      this.logger.error(`Cannot follow training job ${this.jobName}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}; stopping it`);
      await (0, import_chunk_JR6BMV5V.stopTrainingJob)(this.deps.sagemaker, this.jobName, this.logger);
      throw err;
    }
    if (end.kind === "aborted") return { outcome: await this.stopAfterAbort() };
    if (end.kind === "deadline") return { outcome: await this.stopAfterDeadline() };
    await this.drainLogs(this.ctx.signal);
    return { outcome: (0, import_chunk_MHQU2NGJ.outcomeOf)(end.job), ended: end.job };
  }
  /** Creates the job; on ResourceInUse attaches to it when this run created it. Other outcomes end the run. */
  createOrAttach(channelUris) {
    return createOrAttach({
      sagemaker: this.deps.sagemaker,
      request: this.request,
      jobName: this.jobName,
      imageUri: this.ctx.imageUri,
      identity: this.deps.identity,
      channelUris,
      logger: this.logger,
      ...this.ctx.onState ? { onState: this.ctx.onState } : {},
      describe: () => this.describe()
    });
  }
  /** Max runtime + max wait + a margin, from now: past it we stop waiting (and stop the job). */
  deadlineFrom(start) {
    return start.getTime() + (0, import_chunk_IULFMOT4.waitDeadlineSeconds)(this.request.job) * 1e3;
  }
  async waitForEnd(createdAt) {
    const { describe: describeMs, logs: logsMs } = this.deps.pollIntervalMs;
    const attached = this.lastJob;
    if (attached?.TrainingJobStatus && import_chunk_MHQU2NGJ.TERMINAL_STATUSES.has(attached.TrainingJobStatus)) {
      return { kind: "ended", job: attached };
    }
    const tail = this.logTailer();
    const end = await (0, import_chunk_GJZ77SZE.pollUntil)({
      signal: this.ctx.signal,
      now: this.deps.now,
      sleep: this.deps.sleep,
      random: this.deps.random,
      logger: this.logger,
      deadline: this.deadlineFrom(createdAt),
      // An attached job was just described: the next look waits its turn.
      firstLookAt: createdAt.getTime() + (attached ? describeMs : 0),
      lookEveryMs: describeMs,
      lookName: "DescribeTrainingJob",
      look: async (signal) => {
        const job = await this.describe(signal);
        return job.TrainingJobStatus && import_chunk_MHQU2NGJ.TERMINAL_STATUSES.has(job.TrainingJobStatus) ? job : void 0;
      },
      tolerate: (err, now) => {
        if (!(0, import_chunk_YOYRZ3GA.isAccessDeniedError)(err) || now - createdAt.getTime() >= ACCESS_DENIED_GRACE_MS) return false;
        this.logger.info(`DescribeTrainingJob was denied (permissions may still be propagating): retrying`);
        return true;
      },
      readLogs: () => tail.poll(),
      readLogsEveryMs: logsMs,
      onLogsError: (err) => this.warnLogsOnce(err)
    });
    return end.kind === "done" ? { kind: "ended", job: end.value } : end;
  }
  warnLogsOnce(err) {
    const text = `Reading the job's CloudWatch logs failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`;
    if (this.logWarned || (0, import_chunk_YOYRZ3GA.isTransientError)(err)) this.logger.debug(text);
    else this.logger.warning(`${text} (training goes on; the logs stay in ${import_chunk_MHQU2NGJ.LOG_GROUP})`);
    if (!(0, import_chunk_YOYRZ3GA.isTransientError)(err)) this.logWarned = true;
  }
  logTailer() {
    this.tail ??= new import_chunk_GJZ77SZE.CloudWatchLogTail({
      client: this.deps.logs,
      logGroupName: import_chunk_MHQU2NGJ.LOG_GROUP,
      streamPrefix: `${this.jobName}/`,
      onEvent: (stream, message) => this.hostLog.line((0, import_chunk_GJZ77SZE.hostOfStream)(stream), message),
      signal: this.ctx.signal
    });
    return this.tail;
  }
  async describe(signal) {
    const job = await this.deps.sagemaker.send(new import_chunk_YPU6SPTV.DescribeTrainingJobCommand({ TrainingJobName: this.jobName }), {
      abortSignal: signal
    });
    this.lastJob = job;
    this.reportTransitions(job);
    return job;
  }
  /** Prints each SecondaryStatusTransition once, as it appears (a transition's message can change: printed again). */
  reportTransitions(job) {
    for (const t of job.SecondaryStatusTransitions ?? []) {
      const key = `${t.Status ?? ""}\0${t.StartTime?.toISOString() ?? ""}\0${t.StatusMessage ?? ""}`;
      if (this.seenTransitions.has(key)) continue;
      this.seenTransitions.add(key);
      this.logger.info(`[${this.jobName}] ${t.Status ?? "?"}${t.StatusMessage ? `: ${t.StatusMessage}` : ""}`);
    }
    if (job.SecondaryStatus) this.ctx.onPhase?.(job.SecondaryStatus);
  }
  /** The last lines, read until two passes a few seconds apart find nothing new. Never fails the run. */
  async drainLogs(signal) {
    try {
      await this.logTailer().drain((ms) => this.deps.sleep(ms, signal), LOG_DRAIN_GAP_MS);
    } catch (err) {
      if (!(0, import_chunk_NHSZ5FW5.isAbortError)(err)) this.warnLogsOnce(err);
    }
  }
  /** Cancelled: StopTrainingJob at once, a short bounded look at the job, and a Stopped result. */
  async stopAfterAbort() {
    this.logger.warning(`Cancelled: stopping training job ${this.jobName}`);
    await (0, import_chunk_JR6BMV5V.stopTrainingJob)(this.deps.sagemaker, this.jobName, this.logger);
    const job = await this.settle();
    const secondaryStatus = job?.SecondaryStatus ?? "Stopping";
    return {
      status: "Stopped",
      secondaryStatus,
      failureReason: "The run was cancelled: the training job was stopped."
    };
  }
  async stopAfterDeadline() {
    const { maxRuntimeSeconds, spot } = this.request.job;
    const waited = Math.round((maxRuntimeSeconds + (spot?.maxWaitSeconds ?? 0)) / 60) + 60;
    this.logger.error(`Training job ${this.jobName} has not ended after ${waited} min: stopping it`);
    await (0, import_chunk_JR6BMV5V.stopTrainingJob)(this.deps.sagemaker, this.jobName, this.logger);
    const job = await this.settle();
    return {
      status: "Failed",
      ...job?.SecondaryStatus ? { secondaryStatus: job.SecondaryStatus } : {},
      failureReason: `Gave up waiting for the training job after ${waited} min (max runtime + max wait + 1 h, last status ${this.lastJob?.TrainingJobStatus ?? "unknown"}/${this.lastJob?.SecondaryStatus ?? "unknown"}): it was stopped.`
    };
  }
  /** One last look at the job and its logs after a stop request, bounded to a few seconds whatever AWS does. */
  async settle() {
    const bound = new AbortController();
    const timer = setTimeout(() => bound.abort(), STOP_DESCRIBE_TIMEOUT_MS + STOP_SETTLE_MS);
    try {
      await this.deps.sleep(STOP_SETTLE_MS, bound.signal);
      return await this.describe(bound.signal);
    } catch (err) {
      this.logger.debug(`After the stop request: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
      return this.lastJob;
    } finally {
      clearTimeout(timer);
    }
  }
  result(startedAt, outcome) {
    return sageMakerResult({
      request: this.request,
      imageUri: this.ctx.imageUri,
      jobName: this.jobName,
      ...this.lastJob ? { job: this.lastJob } : {},
      outcome,
      startedAt,
      endedAt: this.deps.now(),
      logTail: this.hostLog.lastLines(),
      jobExists: this.jobExists
    });
  }
};
function stoppedBeforeStart(reason) {
  return { status: "Stopped", failureReason: reason };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SageMakerRun
});
