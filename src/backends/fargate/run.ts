// One fargate run: upload local channels, write request.json, RunTask (capacity failures retried), then either hand off
// once the runner is running (wait: false) or follow the task with DescribeTasks (never more often than every 15 s)
// while its log stream is tailed, and read result.json when it stops. Cancelled: StopTask and StopTrainingJob.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  type ContainerDefinition,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import type { Logger } from '../../logger.js';
import type { FargateRequest, FargateSpec } from '../../request.js';
import type { RunIdentity } from '../../run-identity.js';
import type { Link, TrainingResult } from '../../result.js';
import { envelopeUris } from './contract.js';
import { State } from '../../state.js';
import { isAbortError } from '../../wait/abortable.js';
import { awsErrorName, isTransientError } from '../../wait/backoff.js';
import { waitDeadlineSeconds } from '../../wait/deadline.js';
import { pollUntil } from '../../wait/poll-loop.js';
import type { RunContext } from '../backend.js';
import { HostLog } from '../host-log.js';
import { uploadLocalChannels } from '../sagemaker/channels.js';
import { runTagValue } from '../sagemaker/input.js';
import { isRegistryImage } from '../sagemaker/run.js';
import { stopTrainingJob } from '../sagemaker/stop.js';
import { stopTask } from './stop.js';
import { buildEnvelope, putEnvelope, readResult, runnerEnvironment } from './envelope-io.js';
import { launchRunner, type Launch } from './launch.js';
import { readResultAfterStop } from './settle.js';
import { neverStarted, runnerVerdict, stopped, type Outcome } from './outcome.js';
import { RunnerLogTail } from './runner-log.js';
import {
  describeExit,
  essentialContainers,
  runnerContainer,
  runnerLogLocation,
  type RunnerLogLocation,
  taskEnd,
  taskLinks,
} from './task.js';
import { messageOf } from '../../error-message.js';

export interface FargateRunDeps {
  ecs: ECSClient;
  s3: S3Client;
  /** The client for the runner's log group (its awslogs-region, which is usually the request's). */
  logs: (region: string) => Promise<CloudWatchLogsClient>;
  sagemaker: SageMakerClient;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => Date;
  random: () => number;
  /** The run: handed to the runner in the envelope; its run tag marks the task and the job as this run's. */
  identity: RunIdentity;
  pollIntervalMs: { describe: number; logs: number };
  /** RunTask calls before giving up on capacity. */
  runTaskAttempts: number;
}

/** A freshly started task can be MISSING from DescribeTasks for a moment (eventual consistency). */
const MISSING_GRACE_MS = 2 * 60_000;
/** Beyond the SageMaker wait's own deadline: the runner task's start, and its stop and result after the job ends. */
const RUNNER_MARGIN_MS = 30 * 60_000;
const LOG_DRAIN_GAP_MS = 5_000;
/** Runner log lines quoted in a crash report. */
const CRASH_LINES = 20;

type WaitEnd =
  { kind: 'stopped'; task: Task } | { kind: 'running'; task: Task } | { kind: 'aborted' } | { kind: 'deadline' };

/** Problems that stop a request from running in fargate mode, each naming the setting to change. */
/** Not a rule of the request (config/ checked those) but of the image this run was handed. */
export function imageProblem(imageUri: string): string | undefined {
  if (isRegistryImage(imageUri)) return undefined;
  return (
    `The image ${imageUri} is not in a registry: SageMaker pulls the training image from ECR. Set image.uri to an ` +
    'ECR image, or image.repository so the image is built and pushed there.'
  );
}

export class FargateRun {
  private readonly request: FargateRequest;
  private readonly spec: FargateSpec;
  private readonly logger: Logger;
  private readonly jobName: string;
  private readonly hostLog: HostLog;
  private readonly requestUri: string;
  private readonly resultUri: string;
  private container?: ContainerDefinition;
  private describedArn?: string;
  private essential = new Set<string>();
  private task?: Task;
  private logLocation?: RunnerLogLocation;
  private tail?: RunnerLogTail;
  private logWarned = false;

  constructor(
    private readonly deps: FargateRunDeps,
    private readonly ctx: RunContext<FargateRequest>,
  ) {
    const problem = imageProblem(ctx.imageUri);
    if (problem !== undefined) throw new Error(problem);
    this.request = ctx.request;
    this.spec = ctx.request.fargate;
    this.logger = ctx.logger;
    this.jobName = ctx.jobName;
    this.hostLog = new HostLog(ctx.logger, ctx.onLogLine);
    const uris = envelopeUris(this.request.output.uri, this.jobName);
    this.requestUri = uris.requestUri;
    this.resultUri = uris.resultUri;
  }

  async execute(): Promise<TrainingResult> {
    const startedAt = this.deps.now();
    if (this.ctx.signal.aborted) return this.result(startedAt, stopped('Stopped before the runner task was started.'));

    // The container is checked before anything is uploaded or launched.
    await this.readTaskDefinition(this.spec.taskDefinition);

    let envelopeJson: string;
    try {
      const channels = await uploadLocalChannels({
        channels: this.request.channels,
        output: this.request.output,
        s3: () => Promise.resolve(this.deps.s3),
        logger: this.logger,
        signal: this.ctx.signal,
      });
      const envelope = buildEnvelope({
        request: this.request,
        jobName: this.jobName,
        imageUri: this.ctx.imageUri,
        ...(this.ctx.imageTag !== undefined ? { imageTag: this.ctx.imageTag } : {}),
        ...(this.ctx.imageBuilt !== undefined ? { imageBuilt: this.ctx.imageBuilt } : {}),
        uploadedChannels: channels,
        identity: this.deps.identity,
        ...(this.ctx.detachedReport ? { report: this.ctx.detachedReport } : {}),
        ...(this.ctx.runCache ? { runCache: this.ctx.runCache } : {}),
      });
      envelopeJson = JSON.stringify(envelope);
      await putEnvelope(this.deps.s3, this.requestUri, envelopeJson, this.ctx.signal);
    } catch (err) {
      if (this.ctx.signal.aborted) return this.result(startedAt, stopped('Stopped while writing the request.'));
      throw err;
    }
    this.logger.info(`Request written to ${this.requestUri}`);

    const launch = await this.launch(envelopeJson);
    if (launch.kind === 'aborted') return this.result(startedAt, stopped('Stopped before the runner task started.'));
    if (launch.kind === 'failed') return this.result(startedAt, launch.outcome);
    await this.locateLogs(launch.task);

    let end: WaitEnd;
    try {
      end = await this.waitForEnd(launch.task);
    } catch (err) {
      // A task nobody watches would run the job unattended: stop both before giving up.
      this.logger.error(`Cannot follow runner task ${this.taskArn}: ${messageOf(err)}; stopping it`);
      await this.stopEverything('the action could not follow it');
      throw err;
    }
    if (end.kind === 'aborted') return this.result(startedAt, await this.stopAfterAbort());
    if (end.kind === 'deadline') return this.result(startedAt, await this.stopAfterDeadline());
    if (end.kind === 'running') return this.handedOff(startedAt);
    await this.drainLogs();
    return this.finished(startedAt, end.task);
  }

  private get taskArn(): string {
    return this.task?.taskArn ?? '';
  }

  private async readTaskDefinition(taskDefinition: string): Promise<TaskDefinition> {
    let def: TaskDefinition | undefined;
    try {
      def = (await this.deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }))).taskDefinition;
    } catch (err) {
      const name = awsErrorName(err);
      const hint =
        name === 'ClientException' || name === 'InvalidParameterException'
          ? ` Check fargate.task-definition (a family, family:revision or ARN in ${this.request.region}).`
          : '';
      throw new Error(`DescribeTaskDefinition ${taskDefinition} failed: ${messageOf(err)}.${hint}`, { cause: err });
    }
    if (!def) throw new Error(`fargate.task-definition: ${taskDefinition} was not found in ${this.request.region}.`);
    this.container = runnerContainer(def, this.spec.container);
    this.describedArn = def.taskDefinitionArn;
    this.essential = essentialContainers(def, this.spec.container);
    return def;
  }

  /** RunTask (retried while ECS has no capacity); the task ARN is saved the moment it exists. */
  private async launch(envelopeJson: string): Promise<Launch> {
    const runTag = runTagValue(this.deps.identity);
    const { environment, inline } = runnerEnvironment(this.spec.container, this.requestUri, envelopeJson);
    if (!inline) this.logger.info('The request is larger than RunTask overrides allow: the runner reads it from S3.');
    this.ctx.onPhase?.('launching');
    // Saved before RunTask: the post step may have to stop the job the runner creates.
    this.ctx.onState?.(State.SageMakerRegion, this.request.region);
    const launch = await launchRunner({
      ...this.deps,
      spec: this.spec,
      jobName: this.jobName,
      environment,
      ...(runTag !== undefined ? { runTag } : {}),
      signal: this.ctx.signal,
      logger: this.logger,
    });
    if (launch.kind === 'started') {
      const task = launch.task;
      this.task = task;
      this.ctx.onState?.(State.TaskArn, task.taskArn ?? '');
      this.ctx.onState?.(State.FargateCluster, this.spec.cluster);
      this.logger.info(`Started runner task ${task.taskArn} (${this.spec.capacity}) on cluster ${this.spec.cluster}`);
      for (const link of taskLinks(this.request.region, task.taskArn ?? '')) {
        this.logger.info(`${link.label}: ${link.url}`);
      }
    }
    return launch;
  }

  /** Where the runner's lines are; the task definition's revision that actually runs wins over the one checked. */
  private async locateLogs(task: Task): Promise<void> {
    try {
      const arn = task.taskDefinitionArn;
      // A family name was given and a new revision appeared in between: read the one RunTask used.
      if (arn && arn !== this.describedArn) await this.readTaskDefinition(arn);
    } catch (err) {
      this.logger.debug(`Reading the task's own revision: ${messageOf(err)}`);
    }
    const location = this.container ? runnerLogLocation(this.container, this.taskArn) : undefined;
    if (!location) {
      this.logger.warning(
        `The runner's container "${this.spec.container}" does not log through awslogs (with a stream prefix): its ` +
          'output cannot be shown here. Give it an awslogs log configuration.',
      );
      return;
    }
    this.logLocation = location;
    this.tail = new RunnerLogTail({
      client: await this.deps.logs(location.region ?? this.request.region),
      group: location.group,
      stream: location.stream,
      onLine: (line) => this.hostLog.line('runner', line),
      signal: this.ctx.signal,
    });
  }

  private deadlineFrom(start: number): number {
    return start + this.waitSeconds() * 1000 + RUNNER_MARGIN_MS;
  }

  private waitSeconds(): number {
    return waitDeadlineSeconds(this.request.job);
  }

  private async waitForEnd(first: Task): Promise<WaitEnd> {
    const { describe: describeMs, logs: logsMs } = this.deps.pollIntervalMs;
    const start = this.deps.now().getTime();
    let lastStatus = first.lastStatus;
    this.logger.info(`Runner task: ${lastStatus ?? 'PROVISIONING'}`);
    const tail = this.tail;
    const end = await pollUntil<WaitEnd>({
      signal: this.ctx.signal,
      now: this.deps.now,
      sleep: this.deps.sleep,
      random: this.deps.random,
      logger: this.logger,
      deadline: this.deadlineFrom(start),
      // RunTask's answer was the first look.
      firstLookAt: start + describeMs,
      lookEveryMs: describeMs,
      lookName: 'DescribeTasks',
      look: async (signal) => {
        const task = await this.describeTask(signal, this.deps.now().getTime() - start);
        if (!task) return undefined;
        this.task = task;
        if (task.lastStatus !== lastStatus) {
          lastStatus = task.lastStatus;
          this.logger.info(`Runner task: ${lastStatus ?? '?'}`);
          if (lastStatus === 'RUNNING') this.ctx.onPhase?.('training');
        }
        if (task.lastStatus === 'STOPPED') return { kind: 'stopped', task };
        if (!this.request.wait && (task.lastStatus === 'RUNNING' || task.startedAt !== undefined)) {
          return { kind: 'running', task };
        }
        return undefined;
      },
      ...(tail ? { readLogs: () => tail.poll() } : {}),
      readLogsEveryMs: logsMs,
      onLogsError: (err) => this.warnLogsOnce(err),
    });
    return end.kind === 'done' ? end.value : end;
  }

  /** The task, or undefined while it is MISSING for a moment after RunTask. */
  private async describeTask(signal: AbortSignal | undefined, sinceStartMs: number): Promise<Task | undefined> {
    const response = await this.deps.ecs.send(
      new DescribeTasksCommand({ cluster: this.spec.cluster, tasks: [this.taskArn] }),
      signal ? { abortSignal: signal } : {},
    );
    const task = response.tasks?.find((t) => t.taskArn === this.taskArn) ?? response.tasks?.[0];
    if (task) return task;
    const reasons = (response.failures ?? []).map((f) => f.reason ?? '?').join('; ') || 'no task returned';
    if (sinceStartMs < MISSING_GRACE_MS) {
      this.logger.debug(`DescribeTasks: ${reasons}; the task may not be visible yet`);
      return undefined;
    }
    throw new Error(`DescribeTasks cannot find runner task ${this.taskArn}: ${reasons}`);
  }

  private warnLogsOnce(err: unknown): void {
    const text = `Reading the runner's logs failed: ${messageOf(err)}`;
    if (this.logWarned || isTransientError(err)) this.logger.debug(text);
    else
      this.logger.warning(
        `${text} (the run goes on; the logs stay in ${this.logLocation?.group ?? 'CloudWatch'}, stream ${this.logLocation?.stream ?? '?'})`,
      );
    if (!isTransientError(err)) this.logWarned = true;
  }

  private async drainLogs(): Promise<void> {
    if (!this.tail) return;
    try {
      await this.tail.drain((ms) => this.deps.sleep(ms, this.ctx.signal), LOG_DRAIN_GAP_MS);
    } catch (err) {
      if (!isAbortError(err)) this.warnLogsOnce(err);
    }
  }

  /** The task stopped on its own: which of the three failures it was, or the runner's result. */
  private async finished(startedAt: Date, task: Task): Promise<TrainingResult> {
    const end = taskEnd(task, this.spec.container, this.essential);
    if (end.kind === 'never-started') {
      return this.result(startedAt, neverStarted(`The runner task never started: ${end.reason}`));
    }
    let read;
    try {
      read = await readResult(this.deps.s3, this.resultUri, {
        ...(task.createdAt ? { notBefore: task.createdAt } : {}),
        signal: this.ctx.signal,
      });
    } catch (err) {
      read = { kind: 'invalid' as const, problem: `it could not be read (${messageOf(err)})` };
    }
    if (read.kind !== 'found') {
      const why =
        read.kind === 'missing'
          ? `without writing ${this.resultUri}`
          : read.kind === 'stale'
            ? `without writing ${this.resultUri} (the one there is from ${read.lastModified.toISOString()}, before this task)`
            : `and ${this.resultUri} is not a result: ${read.problem}`;
      const lines = this.hostLog.lastLines().slice(-CRASH_LINES);
      const stopInfo = task.stoppedReason ? ` Task stopped: ${task.stopCode ?? '?'}: ${task.stoppedReason}.` : '';
      return this.result(startedAt, {
        status: 'Failed',
        failureReason:
          `The runner crashed: ${describeExit(end.exitCode)}, ${why}.${stopInfo}` +
          (lines.length > 0 ? `\nLast runner log lines:\n${lines.join('\n')}` : ' No runner log lines were read.'),
      });
    }
    return this.fromRunner(runnerVerdict(read.result, end, task, this.logger));
  }

  private fromRunner(runner: TrainingResult): TrainingResult {
    return {
      ...runner,
      mode: 'fargate',
      jobName: this.jobName,
      taskArn: this.taskArn,
      logTail: runner.logTail.length > 0 ? runner.logTail : this.hostLog.lastLines(),
      links: [...this.links(), ...runner.links],
    };
  }

  private handedOff(startedAt: Date): TrainingResult {
    this.logger.info(
      `The runner is running: it follows the job and writes ${this.resultUri}` +
        (this.ctx.detachedReport ? `, then completes check run ${this.ctx.detachedReport.checkRunId}.` : '.'),
    );
    return {
      ...this.result(startedAt, { status: 'InProgress' }),
      detached: {
        resultUri: this.resultUri,
        ...(this.ctx.detachedReport ? { checkRunId: this.ctx.detachedReport.checkRunId } : {}),
      },
    };
  }

  private async stopEverything(reason: string): Promise<void> {
    await Promise.all([
      stopTask({ ecs: this.deps.ecs, cluster: this.spec.cluster, taskArn: this.taskArn, reason, logger: this.logger }),
      stopTrainingJob(this.deps.sagemaker, this.jobName, this.logger),
    ]);
  }

  /** Cancelled: StopTask and StopTrainingJob at once, then a bounded look for the runner's Stopped result. */
  private async stopAfterAbort(): Promise<Outcome | TrainingResult> {
    this.logger.warning(`Cancelled: stopping runner task ${this.taskArn} and training job ${this.jobName}`);
    await this.stopEverything('cancelled');
    const runner = await this.settle();
    if (runner && runner.status !== 'InProgress') return this.fromRunner(runner);
    return {
      status: 'Stopped',
      failureReason: 'The run was cancelled: the runner task and the training job were asked to stop.',
    };
  }

  private async stopAfterDeadline(): Promise<Outcome | TrainingResult> {
    const waited = Math.round(this.waitSeconds() / 60 + RUNNER_MARGIN_MS / 60_000);
    this.logger.error(`Runner task ${this.taskArn} has not stopped after ${waited} min: stopping it and the job`);
    await this.stopEverything('the action gave up waiting');
    return {
      status: 'Failed',
      failureReason:
        `Gave up waiting for the runner task after ${waited} min (max runtime + max wait + 1.5 h, last status ` +
        `${this.task?.lastStatus ?? 'unknown'}): it and the training job were stopped.`,
    };
  }

  private async settle(): Promise<TrainingResult | undefined> {
    return readResultAfterStop({
      s3: this.deps.s3,
      resultUri: this.resultUri,
      ...(this.task?.createdAt ? { notBefore: this.task.createdAt } : {}),
      sleep: this.deps.sleep,
      logger: this.logger,
    });
  }

  private links(): Link[] {
    return this.taskArn ? taskLinks(this.request.region, this.taskArn, this.logLocation) : [];
  }

  private result(startedAt: Date, outcome: Outcome | TrainingResult): TrainingResult {
    if ('mode' in outcome) return outcome;
    const endedAt = this.deps.now();
    return {
      mode: 'fargate',
      jobName: this.jobName,
      status: outcome.status,
      ...(outcome.secondaryStatus ? { secondaryStatus: outcome.secondaryStatus } : {}),
      ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
      metrics: {},
      metricSeries: {},
      imageUri: this.ctx.imageUri,
      instanceType: this.request.job.instanceType,
      instanceCount: this.request.job.instanceCount,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds: Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000),
      ...(this.taskArn ? { taskArn: this.taskArn } : {}),
      logTail: this.hostLog.lastLines(),
      links: this.links(),
    };
  }
}
