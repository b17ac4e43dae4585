// `sagemaker-train runner`: the Fargate task's command. Reads the envelope, runs the request with the direct SageMaker
// backend (logs to stdout, which the awslogs driver ships), writes result.json beside request.json, reports the end
// itself in detached mode, and exits with a RunnerExit code. SIGTERM (ECS StopTask) stops the training job first.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type Dockerode from 'dockerode';

import { abortOnSignals, type SignalSource } from '../action/signals.js';
import { putJsonObject } from '../aws/s3.js';
import { parseS3Uri } from '../config/locations.js';
import type { CreateGithubOptions, GitHub } from '../github/client.js';
import type { Logger } from '../logger.js';
import type { S3Location, TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { State } from '../state.js';
import { envelopeUris, RunnerExit, type RunnerEnvelope } from './envelope.js';
import type { InstallationTokenOptions } from './github-app.js';
import { BadRequestError, readEnvelope } from './read-envelope.js';
import { ownTaskArn } from './task-metadata.js';
import { messageOf } from '../error-message.js';

export { BadRequestError, parseEnvelope, readEnvelope } from './read-envelope.js';

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

/** The request as the SageMaker backend runs it: the action's image, the action's job name. */
export function backendRequest(envelope: RunnerEnvelope): TrainingRequest {
  const { request } = envelope;
  return {
    ...request,
    mode: 'sagemaker',
    image: { kind: 'prebuilt', uri: envelope.imageUri },
    job: { ...request.job, name: envelope.jobName },
  };
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

/** The pipeline's engine, which a prebuilt image on SageMaker never touches (Fargate has no Docker). */
const NO_ENGINE = new Proxy(
  {},
  {
    get() {
      throw new Error('The runner has no container engine (Fargate cannot run Docker).');
    },
  },
) as Dockerode;

/** Runs the task's request and returns the process exit code (RunnerExit). Never throws. */
export async function runRunner(deps: RunnerDeps): Promise<RunnerExitCode> {
  const { logger, env } = deps;
  const now = deps.now ?? (() => new Date());
  const s3 = deps.s3 ?? (async (region: string) => (await import('../aws/s3.js')).createS3Client(region));

  const controller = new AbortController();
  const onExternalAbort = (): void => controller.abort(deps.signal?.reason);
  if (deps.signal?.aborted) onExternalAbort();
  deps.signal?.addEventListener('abort', onExternalAbort, { once: true });
  const removeHandlers =
    deps.handleSignals || deps.signalSource
      ? abortOnSignals({
          controller,
          logger,
          ...(deps.signalSource ? { source: deps.signalSource } : {}),
          onSecondSignal: (signal) => logger.warning(`${signal} again: still stopping the training job`),
        })
      : () => undefined;

  const startedAt = now();
  let envelope: RunnerEnvelope | undefined;
  // Whatever happens from here on, the result is written once the envelope could be read.
  let write: ((result: TrainingResult) => Promise<boolean>) | undefined;
  // The current job's name, from the moment it is chosen (capacity retries rename it): what a crash must stop if it
  // exists (stopping a job that was never created is a harmless ValidationException).
  let createdJob: string | undefined;
  const removeCrashHandlers = deps.handleSignals
    ? onCrash(async (err) => {
        // Whatever hangs below (S3, SageMaker), the process ends: a hung runner would hold its task forever.
        setTimeout(() => process.exit(RunnerExit.Error), CRASH_EXIT_MS).unref();
        logger.error(`The runner crashed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
        if (!envelope) process.exit(RunnerExit.Error);
        const stopped = createdJob ? await stopAfterCrash(envelope.request.region, createdJob, deps) : false;
        const result = runnerErrorResult(envelope, startedAt, now(), err);
        if (createdJob) {
          result.jobName = createdJob;
          result.failureReason += ` (training job ${createdJob} ${stopped ? 'was stopped' : 'was not stopped: see the log'})`;
        }
        if (write) await write(result);
        process.exit(RunnerExit.Error);
      })
    : () => undefined;

  try {
    let requestUri: string | undefined;
    try {
      // Not abortable: a stop that comes meanwhile still gets its Stopped result.json (the read takes milliseconds).
      const read = await readEnvelope({ env, s3 });
      envelope = read.envelope;
      requestUri = read.requestUri;
      logger.info(`Runner: training job ${envelope.jobName}, request from ${read.source}`);
    } catch (err) {
      if (!(err instanceof BadRequestError)) throw err;
      logger.error(`${err.message}\nNothing was launched.`);
      return RunnerExit.BadRequest;
    }

    // readEnvelope checked that the output is in S3.
    const output = envelope.request.output as S3Location;
    const { resultUri, requestUri: expectedRequest } = envelopeUris(output.uri, envelope.jobName);
    if (requestUri && requestUri !== expectedRequest) {
      logger.warning(
        `The request was read from ${requestUri}, not ${expectedRequest}: the result goes to ${resultUri}`,
      );
    }
    const resultAt = parseS3Uri(resultUri);
    const region = envelope.request.region;
    write = async (result) => {
      try {
        await putJsonObject(await s3(region), resultAt, `${JSON.stringify(result, null, 2)}\n`);
        logger.info(`Result written to ${resultUri}`);
        return true;
      } catch (err) {
        logger.error(`Could not write ${resultUri} (${messageOf(err)}). The result:\n${JSON.stringify(result)}`);
        return false;
      }
    };

    if (envelope.report) {
      const { reportingAppMismatch } = await import('./report.js');
      const mismatch = await reportingAppMismatch({
        report: envelope.report,
        logger,
        secrets: secretsOf(deps),
        region,
      });
      if (mismatch) {
        logger.error(`The runner cannot report this run: ${mismatch}.\nNothing was launched.`);
        return RunnerExit.BadRequest;
      }
    }

    let result: TrainingResult;
    let code: RunnerExitCode;
    // Read while the job runs; never delays CreateTrainingJob.
    const taskArn = ownTaskArn(env, deps.fetch);
    try {
      const trained = await train(envelope, deps, controller.signal, (name) => (createdJob = name || undefined));
      result = {
        ...withoutImageTag(trained),
        mode: 'fargate',
        ...(envelope.imageTag !== undefined ? { imageTag: envelope.imageTag } : {}),
        imageBuilt: envelope.imageBuilt ?? false,
      };
      code = exitCodeOf(result);
    } catch (err) {
      logger.error(`The run failed: ${messageOf(err)}`);
      if (err instanceof Error && err.stack) logger.debug(err.stack);
      result = runnerErrorResult(envelope, startedAt, now(), err);
      code = RunnerExit.Error;
    }
    const arn = await taskArn;
    if (arn) result.taskArn = arn;
    if (!(await write(result))) code = RunnerExit.Error;

    if (envelope.report) {
      const { reportDetached } = await import('./report.js');
      await reportDetached({
        report: envelope.report,
        request: envelope.request,
        result,
        logger,
        secrets: secretsOf(deps),
        ...(deps.createGithub ? { createGithub: deps.createGithub } : {}),
        ...(deps.installationToken ? { installationToken: deps.installationToken } : {}),
        now: () => now().getTime(),
      });
    }
    logger.info(
      `Training job ${result.jobName}: ${result.status}${result.failureReason ? ` (${result.failureReason})` : ''}; exit ${code}`,
    );
    return code;
  } catch (err) {
    logger.error(`The runner failed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
    if (write && envelope) await write(runnerErrorResult(envelope, startedAt, now(), err));
    return RunnerExit.Error;
  } finally {
    removeHandlers();
    removeCrashHandlers();
    deps.signal?.removeEventListener('abort', onExternalAbort);
  }
}

function secretsOf(deps: RunnerDeps): (region: string) => Promise<SecretsManagerClient> {
  return deps.secrets ?? (async (r: string) => (await import('../aws/clients.js')).createSecretsManagerClient(r));
}

function withoutImageTag(result: TrainingResult): TrainingResult {
  const copy = { ...result };
  delete copy.imageTag;
  return copy;
}

async function train(
  envelope: RunnerEnvelope,
  deps: RunnerDeps,
  signal: AbortSignal,
  onJob: (jobName: string) => void,
): Promise<TrainingResult> {
  const [{ runTraining }, { lazySageMakerBackend }] = await Promise.all([
    import('../pipeline.js'),
    import('../backends/sagemaker/index.js'),
  ]);
  const backend = lazySageMakerBackend({
    env: envelope.github,
    ...(deps.s3 ? { s3: deps.s3 } : {}),
    ...(deps.sagemaker ? { sagemaker: deps.sagemaker } : {}),
    ...(deps.logs ? { logs: deps.logs } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.random ? { random: deps.random } : {}),
  });
  return runTraining(backendRequest(envelope), {
    docker: NO_ENGINE,
    logger: deps.logger,
    signal,
    env: envelope.github,
    backendFor: () => backend,
    // The pipeline and the backend report the job's name before CreateTrainingJob (and clear it when it was refused).
    onState: (key, value) => {
      if (key === (State.JobName as string)) onJob(value);
    },
    ...(deps.now ? { now: deps.now } : {}),
  });
}

/** The job of a crashed runner is stopped, bounded: nobody would watch it, and it would bill until max runtime. */
async function stopAfterCrash(region: string, jobName: string, deps: RunnerDeps): Promise<boolean> {
  const bound = AbortSignal.timeout(CRASH_STOP_TIMEOUT_MS);
  try {
    const [{ stopTrainingJob }, client] = await Promise.all([
      import('../backends/sagemaker/stop.js'),
      (deps.sagemaker ?? (async (r: string) => (await import('../aws/clients.js')).createSageMakerClient(r)))(region),
    ]);
    return await stopTrainingJob(client, jobName, deps.logger, { signal: bound });
  } catch (err) {
    deps.logger.error(`Could not stop training job ${jobName} after the crash: ${messageOf(err)}`);
    return false;
  }
}

const CRASH_STOP_TIMEOUT_MS = 10_000;
const CRASH_EXIT_MS = 30_000;

/** Last-resort handlers for an error nothing caught: the result is still written before the process exits. */
function onCrash(handler: (err: unknown) => Promise<void>): () => void {
  let crashed = false;
  // A second error while the first is handled (the stop, the write) must not start a second, racing ending.
  const listener = (err: unknown): void => {
    if (crashed) return;
    crashed = true;
    void handler(err);
  };
  process.on('uncaughtException', listener);
  process.on('unhandledRejection', listener);
  return () => {
    process.off('uncaughtException', listener);
    process.off('unhandledRejection', listener);
  };
}
