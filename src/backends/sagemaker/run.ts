// One direct SageMaker run: upload local channels, create the job (or attach to this run's own), wait with an abortable
// loop that prints status transitions and streams every host's logs, stop it when cancelled, create it again under a
// new name when it failed for lack of capacity (capacity-retries), and map the outcome.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  DescribeTrainingJobCommand,
  type DescribeTrainingJobCommandOutput,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';

import type { Logger } from '../../logger.js';
import type { RemoteJobRequest } from '../../request.js';
import type { RunIdentity } from '../../run-identity.js';
import type { TrainingResult } from '../../result.js';
import { isAbortError } from '../../wait/abortable.js';
import { waitDeadlineSeconds } from '../../wait/deadline.js';
import { pollUntil } from '../../wait/poll-loop.js';
import { isAccessDeniedError, isTransientError } from '../../wait/backoff.js';
import { CloudWatchLogTail, hostOfStream } from '../../wait/cloudwatch-logs.js';
import type { RunContext } from '../backend.js';
import { HostLog } from '../host-log.js';
import { capacityRetryDelayMs, capacityRetryName, isCapacityFailure } from './capacity.js';
import { uploadLocalChannels } from './channels.js';
import { createOrAttach } from './create-job.js';
import { type JobDescription, LOG_GROUP, type Outcome, outcomeOf, TERMINAL_STATUSES } from './outcome.js';
import { registryImageProblem } from './registry-image.js';
import { sageMakerResult } from './result.js';
import { stopTrainingJob } from './stop.js';
import { messageOf } from '../../error-message.js';

export interface SageMakerRunDeps {
  sagemaker: SageMakerClient;
  logs: CloudWatchLogsClient;
  s3: (region: string) => Promise<S3Client>;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => Date;
  random: () => number;
  /** The run: the job's tags, and which job is this run's. */
  identity: RunIdentity;
  pollIntervalMs: { describe: number; logs: number };
}

/** Access granted through tags can take minutes to reach DescribeTrainingJob. */
const ACCESS_DENIED_GRACE_MS = 3 * 60_000;
/** Gap between the last log passes after the job ended. */
const LOG_DRAIN_GAP_MS = 5_000;
/** After a stop request: how long we wait before looking at the job once more (GitHub kills at about 10 s). */
const STOP_SETTLE_MS = 3_000;
const STOP_DESCRIBE_TIMEOUT_MS = 4_000;

/** Why waiting ended without a terminal status. */
type WaitEnd = { kind: 'ended'; job: JobDescription } | { kind: 'deadline' } | { kind: 'aborted' };

/** How one job ended; `ended` is its final description when it reached a terminal status by itself. */
interface JobEnd {
  outcome: Outcome;
  ended?: JobDescription;
}

export class SageMakerRun {
  private readonly request: RemoteJobRequest;
  private readonly logger: Logger;
  private readonly hostLog: HostLog;
  private logWarned = false;
  // The current job: a capacity retry starts over with a new name (see startJob).
  private jobName: string;
  private seenTransitions = new Set<string>();
  private lastJob?: JobDescription;
  private tail?: CloudWatchLogTail;
  /** True once CreateTrainingJob succeeded or this run's existing job was attached. */
  private jobExists = false;

  constructor(
    private readonly deps: SageMakerRunDeps,
    private readonly ctx: RunContext<RemoteJobRequest>,
  ) {
    this.request = ctx.request;
    this.logger = ctx.logger;
    this.hostLog = new HostLog(ctx.logger, ctx.onLogLine);
    this.jobName = ctx.jobName;
  }

  async execute(): Promise<TrainingResult> {
    const startedAt = this.deps.now();
    // Not a rule of the request (config/ checked those) but of the image this run was handed.
    const problem = registryImageProblem(this.ctx.imageUri);
    if (problem !== undefined) throw new Error(problem);
    if (this.ctx.signal.aborted)
      return this.result(startedAt, stoppedBeforeStart('Stopped before the job was created.'));

    let channelUris: Record<string, string>;
    try {
      channelUris = await uploadLocalChannels({
        channels: this.request.channels,
        output: this.request.output,
        s3: () => this.deps.s3(this.request.region),
        logger: this.logger,
        signal: this.ctx.signal,
      });
    } catch (err) {
      if (this.ctx.signal.aborted)
        return this.result(startedAt, stoppedBeforeStart('Stopped while uploading channels.'));
      throw err;
    }
    return this.runWithCapacityRetries(startedAt, channelUris);
  }

  /** Runs the job; while it fails for lack of capacity and retries are left, creates it again under a new name. */
  private async runWithCapacityRetries(startedAt: Date, channelUris: Record<string, string>): Promise<TrainingResult> {
    const attempts = 1 + Math.max(0, this.request.job.capacityRetries);
    for (let attempt = 1; ; attempt++) {
      const end = await this.runJob(channelUris);
      const capacity = end.ended !== undefined && isCapacityFailure(end.ended);
      if (!capacity || attempt >= attempts) {
        return this.result(startedAt, this.withAttempts(end.outcome, attempt, attempts, capacity));
      }
      const next = capacityRetryName(this.ctx.jobName, attempt);
      const delay = capacityRetryDelayMs(attempt);
      this.logger.warning(
        `Training job ${this.jobName} failed for lack of capacity (${end.outcome.failureReason ?? ''}): creating ` +
          `it again as ${next} in ${Math.round(delay / 1000)} s (attempt ${attempt + 1} of ${attempts})`,
      );
      try {
        await this.deps.sleep(delay, this.ctx.signal);
      } catch (err) {
        if (!isAbortError(err) && !this.ctx.signal.aborted) throw err;
        return this.result(startedAt, {
          status: 'Stopped',
          failureReason:
            `The run was cancelled before attempt ${attempt + 1} of ${attempts}; the last job, ` +
            `${this.jobName}, had failed for lack of capacity: ${end.outcome.failureReason ?? ''}`,
        });
      }
      this.startJob(next);
    }
  }

  /** Forgets the previous job: the next create, wait and logs are about `jobName`. */
  private startJob(jobName: string): void {
    this.jobName = jobName;
    this.seenTransitions = new Set<string>();
    this.lastJob = undefined;
    this.tail = undefined;
    this.jobExists = false;
  }

  /** After capacity retries the reason says how many attempts were made. */
  private withAttempts(outcome: Outcome, attempt: number, attempts: number, capacity: boolean): Outcome {
    if (outcome.status === 'Completed') {
      if (attempt > 1) this.logger.info(`Training job ${this.jobName} completed on attempt ${attempt} of ${attempts}`);
      return outcome;
    }
    if (capacity && attempts === 1) {
      this.logger.info('The job failed for lack of capacity: set job.capacity-retries to create it again by itself.');
    }
    if (attempt === 1) return outcome;
    const note = capacity
      ? `all ${attempt} attempts failed for lack of capacity (capacity retries: ${attempts - 1})`
      : `attempt ${attempt} of ${attempts}; the ${attempt - 1} before failed for lack of capacity`;
    return { ...outcome, failureReason: `${outcome.failureReason ?? `The training job ${outcome.status}`} [${note}]` };
  }

  /** Creates (or attaches to) the current job and follows it to its end. */
  private async runJob(channelUris: Record<string, string>): Promise<JobEnd> {
    const created = await this.createOrAttach(channelUris);
    if (created !== 'created') return { outcome: created };
    this.jobExists = true;

    let end: WaitEnd;
    try {
      end = await this.waitForEnd(this.deps.now());
    } catch (err) {
      // A job nobody can watch would run unattended until its max runtime: stop it before giving up.
      this.logger.error(`Cannot follow training job ${this.jobName}: ${messageOf(err)}; stopping it`);
      await stopTrainingJob(this.deps.sagemaker, this.jobName, this.logger);
      throw err;
    }
    if (end.kind === 'aborted') return { outcome: await this.stopAfterAbort() };
    if (end.kind === 'deadline') return { outcome: await this.stopAfterDeadline() };
    await this.drainLogs(this.ctx.signal);
    return { outcome: outcomeOf(end.job), ended: end.job };
  }

  /** Creates the job; on ResourceInUse attaches to it when this run created it. Other outcomes end the run. */
  private createOrAttach(channelUris: Record<string, string>): Promise<'created' | Outcome> {
    return createOrAttach({
      sagemaker: this.deps.sagemaker,
      request: this.request,
      jobName: this.jobName,
      imageUri: this.ctx.imageUri,
      identity: this.deps.identity,
      channelUris,
      logger: this.logger,
      ...(this.ctx.onState ? { onState: this.ctx.onState } : {}),
      describe: () => this.describe(),
    });
  }

  /** Max runtime + max wait + a margin, from now: past it we stop waiting (and stop the job). */
  private deadlineFrom(start: Date): number {
    return start.getTime() + waitDeadlineSeconds(this.request.job) * 1000;
  }

  private async waitForEnd(createdAt: Date): Promise<WaitEnd> {
    const { describe: describeMs, logs: logsMs } = this.deps.pollIntervalMs;
    const attached = this.lastJob;
    if (attached?.TrainingJobStatus && TERMINAL_STATUSES.has(attached.TrainingJobStatus)) {
      return { kind: 'ended', job: attached };
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
      lookName: 'DescribeTrainingJob',
      look: async (signal) => {
        const job = await this.describe(signal);
        return job.TrainingJobStatus && TERMINAL_STATUSES.has(job.TrainingJobStatus) ? job : undefined;
      },
      tolerate: (err, now) => {
        if (!isAccessDeniedError(err) || now - createdAt.getTime() >= ACCESS_DENIED_GRACE_MS) return false;
        this.logger.info(`DescribeTrainingJob was denied (permissions may still be propagating): retrying`);
        return true;
      },
      readLogs: () => tail.poll(),
      readLogsEveryMs: logsMs,
      onLogsError: (err) => this.warnLogsOnce(err),
    });
    return end.kind === 'done' ? { kind: 'ended', job: end.value } : end;
  }

  private warnLogsOnce(err: unknown): void {
    const text = `Reading the job's CloudWatch logs failed: ${messageOf(err)}`;
    if (this.logWarned || isTransientError(err)) this.logger.debug(text);
    else this.logger.warning(`${text} (training goes on; the logs stay in ${LOG_GROUP})`);
    if (!isTransientError(err)) this.logWarned = true;
  }

  private logTailer(): CloudWatchLogTail {
    this.tail ??= new CloudWatchLogTail({
      client: this.deps.logs,
      logGroupName: LOG_GROUP,
      streamPrefix: `${this.jobName}/`,
      onEvent: (stream, message) => this.hostLog.line(hostOfStream(stream), message),
      signal: this.ctx.signal,
    });
    return this.tail;
  }

  private async describe(signal?: AbortSignal): Promise<DescribeTrainingJobCommandOutput> {
    const job = await this.deps.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: this.jobName }), {
      abortSignal: signal,
    });
    this.lastJob = job;
    this.reportTransitions(job);
    return job;
  }

  /** Prints each SecondaryStatusTransition once, as it appears (a transition's message can change: printed again). */
  private reportTransitions(job: JobDescription): void {
    for (const t of job.SecondaryStatusTransitions ?? []) {
      const key = `${t.Status ?? ''}\0${t.StartTime?.toISOString() ?? ''}\0${t.StatusMessage ?? ''}`;
      if (this.seenTransitions.has(key)) continue;
      this.seenTransitions.add(key);
      this.logger.info(`[${this.jobName}] ${t.Status ?? '?'}${t.StatusMessage ? `: ${t.StatusMessage}` : ''}`);
    }
    if (job.SecondaryStatus) this.ctx.onPhase?.(job.SecondaryStatus);
  }

  /** The last lines, read until two passes a few seconds apart find nothing new. Never fails the run. */
  private async drainLogs(signal?: AbortSignal): Promise<void> {
    try {
      await this.logTailer().drain((ms) => this.deps.sleep(ms, signal), LOG_DRAIN_GAP_MS);
    } catch (err) {
      if (!isAbortError(err)) this.warnLogsOnce(err);
    }
  }

  /** Cancelled: StopTrainingJob at once, a short bounded look at the job, and a Stopped result. */
  private async stopAfterAbort(): Promise<Outcome> {
    this.logger.warning(`Cancelled: stopping training job ${this.jobName}`);
    await stopTrainingJob(this.deps.sagemaker, this.jobName, this.logger);
    const job = await this.settle();
    const secondaryStatus = job?.SecondaryStatus ?? 'Stopping';
    return {
      status: 'Stopped',
      secondaryStatus,
      failureReason: 'The run was cancelled: the training job was stopped.',
    };
  }

  private async stopAfterDeadline(): Promise<Outcome> {
    const { maxRuntimeSeconds, spot } = this.request.job;
    const waited = Math.round((maxRuntimeSeconds + (spot?.maxWaitSeconds ?? 0)) / 60) + 60;
    this.logger.error(`Training job ${this.jobName} has not ended after ${waited} min: stopping it`);
    await stopTrainingJob(this.deps.sagemaker, this.jobName, this.logger);
    const job = await this.settle();
    return {
      status: 'Failed',
      ...(job?.SecondaryStatus ? { secondaryStatus: job.SecondaryStatus } : {}),
      failureReason:
        `Gave up waiting for the training job after ${waited} min (max runtime + max wait + 1 h, last status ` +
        `${this.lastJob?.TrainingJobStatus ?? 'unknown'}/${this.lastJob?.SecondaryStatus ?? 'unknown'}): it was stopped.`,
    };
  }

  /** One last look at the job and its logs after a stop request, bounded to a few seconds whatever AWS does. */
  private async settle(): Promise<JobDescription | undefined> {
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

  private result(startedAt: Date, outcome: Outcome): TrainingResult {
    return sageMakerResult({
      request: this.request,
      imageUri: this.ctx.imageUri,
      jobName: this.jobName,
      ...(this.lastJob ? { job: this.lastJob } : {}),
      outcome,
      startedAt,
      endedAt: this.deps.now(),
      logTail: this.hostLog.lastLines(),
      jobExists: this.jobExists,
    });
  }
}

function stoppedBeforeStart(reason: string): Outcome {
  return { status: 'Stopped', failureReason: reason };
}
