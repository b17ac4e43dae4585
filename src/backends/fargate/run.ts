// One fargate run: upload local channels, write request.json, RunTask (capacity failures retried), then either hand off
// once the runner is running (wait: false) or follow the task with DescribeTasks (never more often than every 15 s)
// while its log stream is tailed, and read result.json when it stops. Cancelled: StopTask and StopTrainingJob.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ContainerDefinition, ECSClient, Task } from '@aws-sdk/client-ecs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import type { Logger } from '../../logger.js';
import type { FargateRequest, FargateSpec } from '../../request.js';
import type { RunIdentity } from '../../run-identity.js';
import type { Link, TrainingResult } from '../../result.js';
import { envelopeUris } from './contract.js';
import { State } from '../../state.js';
import { isAbortError } from '../../wait/abortable.js';
import { isTransientError } from '../../wait/backoff.js';
import { waitDeadlineSeconds } from '../../wait/deadline.js';
import type { RunContext } from '../backend.js';
import { HostLog } from '../host-log.js';
import { runTagValue } from '../sagemaker/input.js';
import { registryImageProblem } from '../sagemaker/registry-image.js';
import { stopTrainingJob } from '../sagemaker/stop.js';
import { stopTask } from './stop.js';
import { runnerEnvironment, writeEnvelope } from './envelope-io.js';
import { followTask, type WaitEnd } from './follow-task.js';
import { launchRunner, type Launch } from './launch.js';
import { readResultAfterStop } from './settle.js';
import { stopped, type Outcome } from './outcome.js';
import { RunnerLogTail } from './runner-log.js';
import { stoppedTaskOutcome } from './stopped-task.js';
import { runnerLogLocation, type RunnerLogLocation, taskLinks } from './task.js';
import { describeRunnerDefinition } from './task-definition.js';
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

/** Beyond the SageMaker wait's own deadline: the runner task's start, and its stop and result after the job ends. */
const RUNNER_MARGIN_MS = 30 * 60_000;
const LOG_DRAIN_GAP_MS = 5_000;
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
    // Not a rule of the request (config/ checked those) but of the image this run was handed.
    const problem = registryImageProblem(ctx.imageUri);
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
      envelopeJson = await this.writeRequest();
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

  private async readTaskDefinition(taskDefinition: string): Promise<void> {
    const def = await describeRunnerDefinition({
      ecs: this.deps.ecs,
      taskDefinition,
      container: this.spec.container,
      region: this.request.region,
    });
    this.container = def.container;
    this.describedArn = def.arn;
    this.essential = def.essential;
  }

  /** request.json, with every local channel uploaded first; its JSON also goes inline when it fits. */
  private writeRequest(): Promise<string> {
    const { ctx } = this;
    return writeEnvelope({
      s3: this.deps.s3,
      requestUri: this.requestUri,
      logger: this.logger,
      signal: ctx.signal,
      request: this.request,
      jobName: this.jobName,
      imageUri: ctx.imageUri,
      ...(ctx.imageTag !== undefined ? { imageTag: ctx.imageTag } : {}),
      ...(ctx.imageBuilt !== undefined ? { imageBuilt: ctx.imageBuilt } : {}),
      identity: this.deps.identity,
      ...(ctx.detachedReport ? { report: ctx.detachedReport } : {}),
      ...(ctx.runCache ? { runCache: ctx.runCache } : {}),
    });
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

  private waitForEnd(first: Task): Promise<WaitEnd> {
    return followTask({
      ...this.deps,
      cluster: this.spec.cluster,
      first,
      wait: this.request.wait,
      deadline: this.deadlineFrom(this.deps.now().getTime()),
      signal: this.ctx.signal,
      logger: this.logger,
      ...(this.tail ? { tail: this.tail } : {}),
      onTask: (task) => (this.task = task),
      ...(this.ctx.onPhase ? { onPhase: this.ctx.onPhase } : {}),
      onLogsError: (err) => this.warnLogsOnce(err),
    });
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
    const outcome = await stoppedTaskOutcome({
      s3: this.deps.s3,
      resultUri: this.resultUri,
      task,
      container: this.spec.container,
      essential: this.essential,
      lastLines: this.hostLog.lastLines(),
      signal: this.ctx.signal,
      logger: this.logger,
    });
    return 'mode' in outcome ? this.fromRunner(outcome) : this.result(startedAt, outcome);
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
