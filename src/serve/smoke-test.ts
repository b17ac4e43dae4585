// The serve smoke test: after training, start the image as SageMaker hosting would, wait for GET /ping, send the
// configured samples to POST /invocations, and always remove the container. Every failure is a report with the
// reason and the container's last log lines, never an exception.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';
import type Dockerode from 'dockerode';

import { messageOf } from '../error-message.js';
import type { Logger } from '../logger.js';
import type { DraftRequest, ServeSample, ServeSpec } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { SampleOutcome, ServeReport } from '../serving.js';
import { State } from '../state.js';
import { containerState, lastLogLines, removeServing, startServing, type ServingContainer } from './container.js';
import { exchange } from './http.js';
import { mismatch } from './match.js';
import { extractModel } from './model.js';

export interface ServeTestDeps {
  docker: Dockerode | (() => Promise<Dockerode>);
  logger: Logger;
  signal: AbortSignal;
  /** Saves the container id the moment it exists (the post step removes it), and '' once it is gone. */
  onState?: (key: State, value: string) => void;
  s3?: (region: string) => Promise<S3Client>;
  /** Makes a remote image present in the engine (pulled with the registry's credentials). */
  pullImage?: (imageUri: string) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** How often /ping is tried while the server starts: short, since the wait is the test's overhead. */
const PING_EVERY_MS = 25;
/** SageMaker's health check gives /ping 2 s. */
const PING_TIMEOUT_MS = 2000;
const LOG_LINES = 30;

class ServeFailure extends Error {}

/** Waits `ms`, or less when the run is cancelled (the loop then sees the signal and stops). */
function abortableSleep(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((done) => {
      const finish = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      signal.addEventListener('abort', finish, { once: true });
    });
}

/** The run was cancelled (the AbortSignal fired) while the serve test ran: the step ends as cancelled. */
class ServeCancelled extends ServeFailure {}

function stopIfCancelled(signal: AbortSignal, during: string): void {
  if (signal.aborted) throw new ServeCancelled(`the run was cancelled ${during}`);
}

async function exited(docker: Dockerode, id: string): Promise<ServeFailure | undefined> {
  const state = await containerState(docker, id);
  if (state.running) return undefined;
  return new ServeFailure(`the container exited with code ${state.exitCode ?? '?'} before /ping answered 200`);
}

async function waitForPing(docker: Dockerode, serving: ServingContainer, spec: ServeSpec, deps: ServeTestDeps) {
  const port = serving.port;
  if (port === undefined)
    throw (await exited(docker, serving.id)) ?? new ServeFailure('the engine did not publish port 8080');
  const now = deps.now ?? (() => performance.now());
  const sleep = deps.sleep ?? abortableSleep(deps.signal);
  const started = now();
  const deadline = started + spec.pingTimeoutSeconds * 1000;
  let last = 'no answer';
  for (;;) {
    stopIfCancelled(deps.signal, 'while the serve test waited for /ping');
    try {
      const answer = await exchange({
        port,
        method: 'GET',
        path: '/ping',
        timeoutMs: PING_TIMEOUT_MS,
        signal: deps.signal,
      });
      if (answer.status === 200) return now() - started;
      last = `status ${answer.status}`;
    } catch (err) {
      stopIfCancelled(deps.signal, 'while the serve test waited for /ping');
      last = messageOf(err);
      const gone = await exited(docker, serving.id);
      if (gone) throw gone;
    }
    if (now() >= deadline)
      throw new ServeFailure(`GET /ping did not answer 200 within ${spec.pingTimeoutSeconds} s (last: ${last})`);
    await sleep(PING_EVERY_MS);
  }
}

async function sendSample(port: number, sample: ServeSample, spec: ServeSpec): Promise<SampleOutcome> {
  const name = basename(sample.file);
  const body = await readFile(sample.file);
  try {
    const answer = await exchange({
      port,
      method: 'POST',
      path: '/invocations',
      headers: { 'content-type': sample.contentType, accept: sample.accept },
      body,
      timeoutMs: spec.invocationTimeoutSeconds * 1000,
    });
    const text = answer.body.toString('utf8');
    const wrongStatus =
      answer.status !== sample.expectStatus ? `status ${answer.status}, expected ${sample.expectStatus}` : undefined;
    const note = wrongStatus ?? (sample.match ? mismatch(sample.match, text) : undefined);
    return { name, status: answer.status, latencyMs: answer.latencyMs, passed: !note, ...(note ? { note } : {}) };
  } catch (err) {
    return { name, passed: false, note: `POST /invocations failed: ${messageOf(err)}` };
  }
}

async function engineOf(docker: ServeTestDeps['docker']): Promise<Dockerode> {
  return typeof docker === 'function' ? docker() : docker;
}

async function ensureImage(docker: Dockerode, imageUri: string, deps: ServeTestDeps): Promise<void> {
  try {
    await docker.getImage(imageUri).inspect();
  } catch {
    if (!deps.pullImage) throw new ServeFailure(`the engine has no image ${imageUri} and cannot pull it`);
    await deps.pullImage(imageUri);
  }
}

/** The model, extracted into a folder the container mounts; a model that cannot be read fails the serve test. */
function extractServedModel(
  request: DraftRequest & { serve: ServeSpec },
  artifacts: string,
  deps: ServeTestDeps,
): ReturnType<typeof extractModel> {
  return extractModel(artifacts, {
    region: request.region,
    maxBytes: request.serve.maxModelBytes,
    signal: deps.signal,
    ...(deps.s3 ? { s3: deps.s3 } : {}),
  }).catch((err: unknown) => {
    throw new ServeFailure(`the model could not be read: ${messageOf(err)}`);
  });
}

/** Runs the serve test of `request.serve` against the result's model and image. */
export async function runServeTest(
  request: DraftRequest & { serve: ServeSpec },
  result: TrainingResult,
  deps: ServeTestDeps,
): Promise<ServeReport> {
  const spec = request.serve;
  if (!result.modelArtifacts)
    return { passed: false, reason: 'the run left no model.tar.gz to serve', samples: [], logTail: [] };
  const docker = await engineOf(deps.docker);
  let model: Awaited<ReturnType<typeof extractModel>> | undefined;
  let id: string | undefined;
  const samples: SampleOutcome[] = [];
  try {
    model = await extractServedModel(request, result.modelArtifacts, deps);
    await ensureImage(docker, result.imageUri, deps);
    stopIfCancelled(deps.signal, 'before the serve test started its container');
    const serving = await startServing(
      docker,
      {
        name: `${result.jobName}-serve`.slice(0, 128),
        imageUri: result.imageUri,
        modelDir: model.dir,
        region: request.region,
        environment: spec.environment,
        jobName: result.jobName,
      },
      (created) => {
        id = created;
        deps.onState?.(State.ServeContainer, created);
      },
    );
    const pingMs = await waitForPing(docker, serving, spec, deps);
    const port = serving.port ?? 0;
    deps.logger.info(`Serving: /ping answered 200 after ${Math.round(pingMs)} ms`);
    for (const sample of spec.samples) {
      stopIfCancelled(deps.signal, 'while the serve test sent its samples');
      samples.push(await sendSample(port, sample, spec));
    }
    const failed = samples.find((s) => !s.passed);
    if (!failed) return { passed: true, pingMs, samples, logTail: [] };
    const logTail = await lastLogLines(docker, serving.id, LOG_LINES);
    return { passed: false, reason: `${failed.name}: ${failed.note ?? 'failed'}`, pingMs, samples, logTail };
  } catch (err) {
    const logTail = id ? await lastLogLines(docker, id, LOG_LINES) : [];
    if (!(err instanceof ServeFailure))
      deps.logger.debug(err instanceof Error && err.stack ? err.stack : messageOf(err));
    const cancelled = err instanceof ServeCancelled ? { cancelled: true as const } : {};
    return { passed: false, reason: messageOf(err), samples, logTail, ...cancelled };
  } finally {
    if (id) {
      await removeServing(docker, id, deps.logger);
      deps.onState?.(State.ServeContainer, '');
    }
    await model?.remove();
  }
}
