// `sagemaker-train runner`: the Fargate task's command. Reads the envelope, runs the request with the direct SageMaker
// backend (logs to stdout, which the awslogs driver ships), writes result.json beside request.json, reports the end
// itself in detached mode, and exits with a RunnerExit code. SIGTERM (ECS StopTask) stops the training job first.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import { envelopeUris, RunnerExit, type RunnerEnvelope } from '../backends/fargate/contract.js';
import { BadRequestError, readEnvelope } from '../backends/fargate/read-contract.js';
import { messageOf } from '../error-message.js';
import type { CreateGithubOptions, GitHub } from '../github/client.js';
import type { ResolvedImage } from '../image/resolve.js';
import type { Logger } from '../logger.js';
import { linkAbort, type SignalSource } from '../pipeline/abort.js';
import type { TrainingResult } from '../result.js';
import { readRunIdentity } from '../run-identity.js';
import { CRASH_EXIT_MS, onCrash, stopAfterCrash } from './crash.js';
import type { InstallationTokenOptions } from './github-app.js';
import { RunnerReporter } from './reporter.js';
import { ownTaskArn } from './task-metadata.js';

export { BadRequestError, parseEnvelope, readEnvelope } from '../backends/fargate/read-contract.js';

export type RunnerExitCode = (typeof RunnerExit)[keyof typeof RunnerExit];

export interface RunnerDeps {
  env: Record<string, string | undefined>;
  /** Plain lines on stdout in the task (a ConsoleLogger on process.stdout). */
  logger: Logger;
  /** Aborts the run like SIGTERM does. */
  signal?: AbortSignal;
  /** Install SIGINT/SIGTERM handlers (the real process does; tests pass a source or a signal). */
  handleSignals?: boolean;
  signalSource?: SignalSource;
  /** Client factories by region (default: src/aws's, created on first use). */
  s3?: (region: string) => Promise<S3Client>;
  sagemaker?: (region: string) => Promise<SageMakerClient>;
  logs?: (region: string) => Promise<CloudWatchLogsClient>;
  secrets?: (region: string) => Promise<SecretsManagerClient>;
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  installationToken?: (options: InstallationTokenOptions) => Promise<string>;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** The ECS task metadata endpoint is read with this (default: global fetch). */
  fetch?: typeof fetch;
}

/** The exit code of a result: only Completed is 0. */
export function exitCodeOf(result: Pick<TrainingResult, 'status'>): RunnerExitCode {
  switch (result.status) {
    case 'Completed':
      return RunnerExit.Completed;
    case 'Failed':
      return RunnerExit.JobFailed;
    case 'Stopped':
      return RunnerExit.JobStopped;
    default:
      return RunnerExit.Error;
  }
}

/** A Failed result for a run the runner could not finish (an error thrown before or while the job ran). */
export function runnerErrorResult(
  envelope: RunnerEnvelope,
  startedAt: Date,
  endedAt: Date,
  err: unknown,
): TrainingResult {
  return {
    mode: 'fargate',
    jobName: envelope.jobName,
    status: 'Failed',
    failureReason: `The runner failed: ${messageOf(err)}`,
    metrics: {},
    metricSeries: {},
    imageUri: envelope.imageUri,
    instanceType: envelope.request.job.instanceType,
    instanceCount: envelope.request.job.instanceCount,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000),
    logTail: [],
    links: [],
  };
}

type Now = () => Date;

/** Runs the task's request and returns the process exit code (RunnerExit). Never throws. */
export async function runRunner(deps: RunnerDeps): Promise<RunnerExitCode> {
  const { logger } = deps;
  const now = deps.now ?? (() => new Date());
  const signals = deps.signalSource ?? (deps.handleSignals ? process : undefined);
  const abort = linkAbort({
    logger,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(signals ? { signals } : {}),
    onSecondSignal: (signal) => logger.warning(`${signal} again: still stopping the training job`),
  });
  const startedAt = now();
  // Whatever happens once the envelope could be read, its result is written.
  let run: { envelope: RunnerEnvelope; reporter: RunnerReporter } | undefined;
  const removeCrashHandlers = deps.handleSignals
    ? onCrash((err) => endAfterCrash(err, { run, deps, startedAt, now }))
    : () => undefined;
  try {
    const envelope = await readRunnerEnvelope(deps);
    if (typeof envelope === 'number') return envelope;
    run = { envelope, reporter: runnerReporter(envelope, deps) };
    return await runEnvelope({ ...run, deps, signal: abort.signal, startedAt, now });
  } catch (err) {
    logger.error(`The runner failed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
    if (run) await run.reporter.write(runnerErrorResult(run.envelope, startedAt, now(), err));
    return RunnerExit.Error;
  } finally {
    abort.dispose();
    removeCrashHandlers();
  }
}

/** BadRequest, logged, when the runner's App is not the one that created the check run it must complete. */
async function appMismatch(envelope: RunnerEnvelope, deps: RunnerDeps): Promise<RunnerExitCode | undefined> {
  if (!envelope.report) return undefined;
  const { reportingAppMismatch } = await import('./report.js');
  const mismatch = await reportingAppMismatch({
    report: envelope.report,
    logger: deps.logger,
    secrets: deps.secrets ?? (async (r: string) => (await import('../aws/clients.js')).createSecretsManagerClient(r)),
    region: envelope.request.region,
  });
  if (!mismatch) return undefined;
  deps.logger.error(`The runner cannot report this run: ${mismatch}.\nNothing was launched.`);
  return RunnerExit.BadRequest;
}

/** The envelope, or RunnerExit.BadRequest once the reason is logged (nothing was launched). */
async function readRunnerEnvelope(deps: RunnerDeps): Promise<RunnerEnvelope | RunnerExitCode> {
  try {
    // Not abortable: a stop that comes meanwhile still gets its Stopped result.json (the read takes milliseconds).
    const read = await readEnvelope({ env: deps.env, s3: s3Of(deps) });
    deps.logger.info(`Runner: training job ${read.envelope.jobName}, request from ${read.source}`);
    const { requestUri: expected, resultUri } = uris(read.envelope);
    if (read.requestUri && read.requestUri !== expected) {
      deps.logger.warning(
        `The request was read from ${read.requestUri}, not ${expected}: the result goes to ${resultUri}`,
      );
    }
    return (await appMismatch(read.envelope, deps)) ?? read.envelope;
  } catch (err) {
    if (!(err instanceof BadRequestError)) throw err;
    deps.logger.error(`${err.message}\nNothing was launched.`);
    return RunnerExit.BadRequest;
  }
}

function s3Of(deps: RunnerDeps): (region: string) => Promise<S3Client> {
  return deps.s3 ?? (async (region: string) => (await import('../aws/s3.js')).createS3Client(region));
}

function uris(envelope: RunnerEnvelope): { requestUri: string; resultUri: string } {
  return envelopeUris(envelope.request.output.uri, envelope.jobName);
}

function runnerReporter(envelope: RunnerEnvelope, deps: RunnerDeps): RunnerReporter {
  return new RunnerReporter({
    envelope,
    resultUri: uris(envelope).resultUri,
    logger: deps.logger,
    s3: s3Of(deps),
    // Read while the job runs; never delays CreateTrainingJob.
    taskArn: ownTaskArn(deps.env, deps.fetch),
    app: {
      secrets: deps.secrets ?? (async (r: string) => (await import('../aws/clients.js')).createSecretsManagerClient(r)),
      ...(deps.createGithub ? { createGithub: deps.createGithub } : {}),
      ...(deps.installationToken ? { installationToken: deps.installationToken } : {}),
    },
    ...(deps.now ? { now: () => (deps.now as Now)().getTime() } : {}),
  });
}

/** The image the action built or found and pushed: the runner builds and pushes nothing. */
export function envelopeImage(envelope: RunnerEnvelope): ResolvedImage {
  return {
    uri: envelope.imageUri,
    ...(envelope.imageTag !== undefined ? { tag: envelope.imageTag } : {}),
    built: envelope.imageBuilt ?? false,
  };
}

interface EnvelopeRun {
  envelope: RunnerEnvelope;
  reporter: RunnerReporter;
  deps: RunnerDeps;
  signal: AbortSignal;
  startedAt: Date;
  now: Now;
}

/**
 * The action's request, on SageMaker, with the image the action built and the job name it chose: the one path to a
 * verdict (trainAndJudge), reported as result.json and, when detached, the completed check run.
 */
async function runEnvelope({ envelope, reporter, deps, signal, startedAt, now }: EnvelopeRun): Promise<RunnerExitCode> {
  const { logger } = deps;
  const request = { ...envelope.request, job: { ...envelope.request.job, name: envelope.jobName } };
  const [{ trainAndJudge, judgeAndReport }, { lazySageMakerBackend }] = await Promise.all([
    import('../pipeline/train-and-judge.js'),
    import('../backends/sagemaker/index.js'),
  ]);
  // The action's run, as it handed it over: the job's tags name that workflow run, not this task.
  const identity = readRunIdentity(envelope.github);
  const backend = lazySageMakerBackend({
    identity,
    ...(deps.s3 ? { s3: deps.s3 } : {}),
    ...(deps.sagemaker ? { sagemaker: deps.sagemaker } : {}),
    ...(deps.logs ? { logs: deps.logs } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.random ? { random: deps.random } : {}),
  });
  const baseline = reporter.baseline();
  let result: TrainingResult;
  let code: RunnerExitCode;
  try {
    const outcome = await trainAndJudge(request, {
      logger,
      signal,
      identity,
      backendFor: () => backend,
      image: envelopeImage(envelope),
      reporter,
      ...(baseline ? { baseline } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
    result = outcome.result;
    code = exitCodeOf(result);
  } catch (err) {
    logger.error(`The run failed: ${messageOf(err)}`);
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    result = runnerErrorResult(envelope, startedAt, now(), err);
    await judgeAndReport(request, result, { reporter, ...(baseline ? { baseline } : {}) });
    code = RunnerExit.Error;
  }
  if (!reporter.written) code = RunnerExit.Error;
  logger.info(
    `Training job ${result.jobName}: ${result.status}${result.failureReason ? ` (${result.failureReason})` : ''}; exit ${code}`,
  );
  return code;
}

/** An error nothing caught: stop the job this runner created, write the result, and end the process. */
async function endAfterCrash(
  err: unknown,
  o: {
    run: { envelope: RunnerEnvelope; reporter: RunnerReporter } | undefined;
    deps: RunnerDeps;
    startedAt: Date;
    now: Now;
  },
): Promise<void> {
  const { logger } = o.deps;
  // Whatever hangs below (S3, SageMaker), the process ends: a hung runner would hold its task forever.
  setTimeout(() => process.exit(RunnerExit.Error), CRASH_EXIT_MS).unref();
  logger.error(`The runner crashed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
  if (!o.run) process.exit(RunnerExit.Error);
  const { envelope, reporter } = o.run;
  // Stopping a job that was never created is a harmless ValidationException.
  const created = reporter.jobName;
  const stopped = created
    ? await stopAfterCrash({
        region: envelope.request.region,
        jobName: created,
        logger,
        ...(o.deps.sagemaker ? { sagemaker: o.deps.sagemaker } : {}),
      })
    : false;
  const result = runnerErrorResult(envelope, o.startedAt, o.now(), err);
  if (created) {
    result.jobName = created;
    result.failureReason += ` (training job ${created} ${stopped ? 'was stopped' : 'was not stopped: see the log'})`;
  }
  await reporter.write(result);
  process.exit(RunnerExit.Error);
}
