import {
  CloudWatchLogTail,
  hostOfStream,
  pollUntil,
  registryImageProblem
} from "./chunk-GJZ77SZE.js";
import {
  uploadLocalChannels
} from "./chunk-WAEPYHZO.js";
import {
  HostLog
} from "./chunk-UMA3BQCH.js";
import "./chunk-NBTSJA7Y.js";
import "./chunk-HNNMNGSZ.js";
import {
  LOG_GROUP,
  TERMINAL_STATUSES,
  finalMetrics,
  jobLinks,
  outcomeOf,
  outputArtifactsUri
} from "./chunk-MHQU2NGJ.js";
import {
  isAbortError
} from "./chunk-NHSZ5FW5.js";
import {
  TagKey,
  createTrainingJobInput,
  runTagValue,
  runTags,
  stopTrainingJob
} from "./chunk-JR6BMV5V.js";
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTagsCommand
} from "./chunk-YPU6SPTV.js";
import "./chunk-D546KRQB.js";
import "./chunk-2MJ7FFP2.js";
import "./chunk-G3PK4UPH.js";
import {
  estimateCost,
  spotSavingsPercent
} from "./chunk-XZEEPGY5.js";
import "./chunk-Q3ZBZB5P.js";
import "./chunk-QBYG7RQS.js";
import {
  waitDeadlineSeconds
} from "./chunk-IULFMOT4.js";
import {
  awsErrorName,
  isAccessDeniedError,
  isTransientError
} from "./chunk-YOYRZ3GA.js";
import {
  MAX_JOB_NAME_LENGTH
} from "./chunk-OWRVBMST.js";
import "./chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-EEZT73VI.js";
import "./chunk-UTHY2BUW.js";
import "./chunk-X6HAP4OX.js";
import "./chunk-LYTMSHXR.js";
import "./chunk-YFMXSBBW.js";
import "./chunk-65MDVLYD.js";
import "./chunk-LU7E3M5V.js";
import "./chunk-X4VY5EZD.js";
import "./chunk-TC5HUNIO.js";
import "./chunk-7VZ5H7B6.js";

// src/backends/sagemaker/capacity.ts
var FIRST_RETRY_DELAY_MS = 6e4;
var MAX_RETRY_DELAY_MS = 5 * 6e4;
function isCapacityFailure(job) {
  const reason = job.FailureReason ?? "";
  return job.TrainingJobStatus === "Failed" && /capacity/i.test(reason) && !/^\s*AlgorithmError\b/i.test(reason) && !/ResourceLimitExceeded/i.test(reason);
}
function capacityRetryName(baseName, retry) {
  const suffix = `-c${retry}`;
  return `${baseName.slice(0, MAX_JOB_NAME_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}
function capacityRetryDelayMs(retry) {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, retry - 1), MAX_RETRY_DELAY_MS);
}

// src/backends/sagemaker/create-job.ts
async function createOrAttach(o) {
  const { request, jobName } = o;
  const input = createTrainingJobInput(request, {
    jobName,
    imageUri: o.imageUri,
    tags: runTags(o.identity),
    channelUris: o.channelUris
  });
  o.onState?.("job-name" /* JobName */, jobName);
  o.onState?.("sagemaker-region" /* SageMakerRegion */, request.region);
  o.logger.debug(`CreateTrainingJob ${JSON.stringify(input)}`);
  try {
    await o.sagemaker.send(new CreateTrainingJobCommand(input));
    o.logger.info(`Created training job ${jobName} (${request.job.instanceCount} \xD7 ${request.job.instanceType})`);
    o.logger.info(`Console: ${jobLinks(request.region, jobName)[0]?.url ?? ""}`);
    return "created";
  } catch (err) {
    const name = awsErrorName(err);
    if (name === "ResourceInUse") return attachIfOurs(o, err);
    if (name === "ResourceLimitExceeded") {
      o.onState?.("job-name" /* JobName */, "");
      return { status: "Failed", failureReason: quotaMessage(request, err) };
    }
    throw new Error(`CreateTrainingJob ${jobName} failed: ${messageOf(err)}`, { cause: err });
  }
}
function quotaMessage(request, err) {
  const { instanceType, instanceCount, spot } = request.job;
  const quota = `${instanceType} for ${spot ? "spot " : ""}training job usage`;
  return `ResourceLimitExceeded: ${messageOf(err)} \u2014 the account's SageMaker quota "${quota}" in ${request.region} is too low for ${instanceCount} instance(s). Request an increase in the Service Quotas console (Amazon SageMaker \u2192 "${quota}"); retrying will not help.`;
}
async function attachIfOurs(o, err) {
  const { jobName } = o;
  const ours = runTagValue(o.identity);
  let theirs;
  try {
    const job = await o.describe();
    const tags = await o.sagemaker.send(new ListTagsCommand({ ResourceArn: job.TrainingJobArn }));
    theirs = tags.Tags?.find((t) => t.Key === TagKey.Run)?.Value;
  } catch (lookupErr) {
    o.logger.debug(`Looking up the existing job ${jobName}: ${messageOf(lookupErr)}`);
  }
  if (ours !== void 0 && theirs === ours) {
    o.logger.info(`Training job ${jobName} already exists and was created by this run (${ours}): attaching`);
    return "created";
  }
  o.onState?.("job-name" /* JobName */, "");
  throw new Error(
    `A training job named ${jobName} already exists and was not created by this run (its ${TagKey.Run} tag is ${theirs === void 0 ? "absent" : `"${theirs}"`}${ours === void 0 ? "" : `, this run is "${ours}"`}). Job names are unique per account and region: set another job.name or job.name-prefix. (${messageOf(err)})`,
    { cause: err }
  );
}

// src/backends/sagemaker/result.ts
function sageMakerResult(parts) {
  const { request, job, outcome, startedAt, endedAt, jobName } = parts;
  const output = request.output;
  const billableSeconds = job?.BillableTimeInSeconds;
  const trainingSeconds = job?.TrainingTimeInSeconds;
  const cost = estimateCost({
    instanceType: request.job.instanceType,
    instanceCount: request.job.instanceCount,
    ...billableSeconds !== void 0 ? { billableSeconds } : {},
    ...request.job.pricePerHour !== void 0 ? { pricePerHour: request.job.pricePerHour } : {}
  });
  const savings = spotSavingsPercent({
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
    metrics: job ? finalMetrics(job) : {},
    metricSeries: {},
    ...job?.ModelArtifacts?.S3ModelArtifacts ? { modelArtifacts: job.ModelArtifacts.S3ModelArtifacts } : {},
    ...outcome.status === "Completed" || job?.ModelArtifacts?.S3ModelArtifacts ? { outputArtifacts: outputArtifactsUri(output, jobName) } : {},
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
    links: parts.jobExists ? jobLinks(request.region, jobName) : []
  };
}

// src/backends/sagemaker/run.ts
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
    this.hostLog = new HostLog(ctx.logger, ctx.onLogLine);
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
    const problem = registryImageProblem(this.ctx.imageUri);
    if (problem !== void 0) throw new Error(problem);
    if (this.ctx.signal.aborted)
      return this.result(startedAt, stoppedBeforeStart("Stopped before the job was created."));
    let channelUris;
    try {
      channelUris = await uploadLocalChannels({
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
        if (!isAbortError(err) && !this.ctx.signal.aborted) throw err;
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
      this.logger.error(`Cannot follow training job ${this.jobName}: ${messageOf(err)}; stopping it`);
      await stopTrainingJob(this.deps.sagemaker, this.jobName, this.logger);
      throw err;
    }
    if (end.kind === "aborted") return { outcome: await this.stopAfterAbort() };
    if (end.kind === "deadline") return { outcome: await this.stopAfterDeadline() };
    await this.drainLogs(this.ctx.signal);
    return { outcome: outcomeOf(end.job), ended: end.job };
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
    return start.getTime() + waitDeadlineSeconds(this.request.job) * 1e3;
  }
  async waitForEnd(createdAt) {
    const { describe: describeMs, logs: logsMs } = this.deps.pollIntervalMs;
    const attached = this.lastJob;
    if (attached?.TrainingJobStatus && TERMINAL_STATUSES.has(attached.TrainingJobStatus)) {
      return { kind: "ended", job: attached };
    }
    const tail = this.logTailer();
    const end = await pollUntil({
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
        return job.TrainingJobStatus && TERMINAL_STATUSES.has(job.TrainingJobStatus) ? job : void 0;
      },
      tolerate: (err, now) => {
        if (!isAccessDeniedError(err) || now - createdAt.getTime() >= ACCESS_DENIED_GRACE_MS) return false;
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
    const text = `Reading the job's CloudWatch logs failed: ${messageOf(err)}`;
    if (this.logWarned || isTransientError(err)) this.logger.debug(text);
    else this.logger.warning(`${text} (training goes on; the logs stay in ${LOG_GROUP})`);
    if (!isTransientError(err)) this.logWarned = true;
  }
  logTailer() {
    this.tail ??= new CloudWatchLogTail({
      client: this.deps.logs,
      logGroupName: LOG_GROUP,
      streamPrefix: `${this.jobName}/`,
      onEvent: (stream, message) => this.hostLog.line(hostOfStream(stream), message),
      signal: this.ctx.signal
    });
    return this.tail;
  }
  async describe(signal) {
    const job = await this.deps.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: this.jobName }), {
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
      if (!isAbortError(err)) this.warnLogsOnce(err);
    }
  }
  /** Cancelled: StopTrainingJob at once, a short bounded look at the job, and a Stopped result. */
  async stopAfterAbort() {
    this.logger.warning(`Cancelled: stopping training job ${this.jobName}`);
    await stopTrainingJob(this.deps.sagemaker, this.jobName, this.logger);
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
    await stopTrainingJob(this.deps.sagemaker, this.jobName, this.logger);
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
      this.logger.debug(`After the stop request: ${messageOf(err)}`);
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
export {
  SageMakerRun
};
