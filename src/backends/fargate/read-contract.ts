// Reading request.json: inline from TRAINING_REQUEST_JSON when the action could fit it in RunTask's overrides, else
// from S3 at TRAINING_REQUEST_URI. Checked strictly before anything is launched: a runner image of another version
// than the action, or a hand-edited request, fails here with what to change (exit RunnerExit.BadRequest).
import type { S3Client } from '@aws-sdk/client-s3';

import { readSmallObject } from '../../aws/s3.js';
import { LocationError, parseS3Uri } from '../../config/locations.js';
import { checkRemoteJob } from '../../config/mode-rules.js';
import { JOB_NAME_PATTERN } from '../../naming.js';
import type { DraftRequest, RemoteJobRequest, S3Location } from '../../request.js';
import { ENVELOPE_VERSION, RunnerEnv, type DetachedReport, type RunnerEnvelope } from './contract.js';
import { messageOf } from '../../error-message.js';

/** Requests are a few kilobytes: a bigger object is not one. */
const MAX_REQUEST_BYTES = 1024 * 1024;

/** The request could not be read or is not valid: nothing was launched. */
export class BadRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BadRequestError';
  }
}

export interface ReadEnvelopeOptions {
  env: Record<string, string | undefined>;
  /** S3 client of a region (for TRAINING_REQUEST_URI). */
  s3: (region: string) => Promise<S3Client>;
  signal?: AbortSignal;
}

export interface EnvelopeSource {
  envelope: RunnerEnvelope;
  /** Where it was read from: the environment variable, or the S3 URI. */
  source: string;
  /** TRAINING_REQUEST_URI when it was set. */
  requestUri?: string;
}

/** The region of the task (ECS sets AWS_REGION in every task; AWS_DEFAULT_REGION as a fallback). */
export function taskRegion(env: Record<string, string | undefined>): string | undefined {
  return env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || undefined;
}

/** The envelope from the environment or S3; throws BadRequestError naming the variable and what is wrong. */
export async function readEnvelope(o: ReadEnvelopeOptions): Promise<EnvelopeSource> {
  const inline = o.env[RunnerEnv.RequestJson]?.trim();
  const uriText = o.env[RunnerEnv.RequestUri]?.trim() || undefined;
  if (inline) {
    return {
      envelope: parseEnvelope(inline, RunnerEnv.RequestJson),
      source: RunnerEnv.RequestJson,
      ...(uriText ? { requestUri: uriText } : {}),
    };
  }
  if (!uriText) {
    throw new BadRequestError(
      `Neither ${RunnerEnv.RequestJson} nor ${RunnerEnv.RequestUri} is set: the runner reads its request from one of ` +
        `them (the action sets both through RunTask's container overrides; run the task from the action).`,
    );
  }
  let location: S3Location;
  try {
    location = parseS3Uri(uriText);
  } catch (err) {
    if (!(err instanceof LocationError)) throw err;
    throw new BadRequestError(`${RunnerEnv.RequestUri} ${err.message}`);
  }
  if (location.key === '' || location.key.endsWith('/')) {
    throw new BadRequestError(`${RunnerEnv.RequestUri} must name an object (…/request.json), got ${uriText}`);
  }
  const region = taskRegion(o.env);
  if (!region) {
    throw new BadRequestError(
      `AWS_REGION is not set, so ${uriText} cannot be read: set AWS_REGION (ECS sets it in Fargate tasks).`,
    );
  }
  let text: string;
  try {
    text = await readSmallObject(await o.s3(region), location, { maxBytes: MAX_REQUEST_BYTES, signal: o.signal });
  } catch (err) {
    throw new BadRequestError(
      `Could not read the request ${uriText} (${messageOf(err)}): check that the object exists and that the task ` +
        `role may s3:GetObject it.`,
      { cause: err },
    );
  }
  return { envelope: parseEnvelope(text, uriText), source: uriText, requestUri: uriText };
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isStringMap = (v: unknown): v is Record<string, string> =>
  isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** Checks the fields this runner relies on; the request itself was validated by the action's configuration loader. */
export function parseEnvelope(text: string, source: string): RunnerEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BadRequestError(`${source} is not valid JSON (${messageOf(err)}).`);
  }
  if (!isObject(value)) throw new BadRequestError(`${source} must be a JSON object (a runner envelope).`);
  if (value.version !== ENVELOPE_VERSION) {
    throw new BadRequestError(
      `${source} has envelope version ${JSON.stringify(value.version)}; this runner reads version ${ENVELOPE_VERSION}. ` +
        'Use the runner image built from the same version as the action.',
    );
  }
  const problems: string[] = [];
  const need = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  need(
    typeof value.jobName === 'string' && JOB_NAME_PATTERN.test(value.jobName),
    'jobName must be a SageMaker job name (letters, digits and hyphens, at most 63 characters)',
  );
  need(isString(value.imageUri), 'imageUri must be the training image in its registry');
  need(value.imageTag === undefined || typeof value.imageTag === 'string', 'imageTag must be a string');
  need(value.imageBuilt === undefined || typeof value.imageBuilt === 'boolean', 'imageBuilt must be true or false');
  need(isStringMap(value.github), 'github must be an object of strings (the GITHUB_* variables)');
  const request = checkRequest(value.request);
  problems.push(...request.problems);
  if (value.report !== undefined) problems.push(...reportProblems(value.report));
  if (problems.length > 0 || request.checked === undefined) {
    throw new BadRequestError(
      `${source} is not a valid runner request:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  // The fields checked above are those this runner reads; the request's own rules are config's (checkRemoteJob).
  return { ...(value as unknown as RunnerEnvelope), request: request.checked };
}

/** The request's shape, then the rules of a SageMaker job, the same check the configuration loader makes. */
function checkRequest(request: unknown): { problems: string[]; checked?: RemoteJobRequest } {
  const problems = requestShapeProblems(request);
  if (problems.length > 0) return { problems };
  const check = checkRemoteJob(request as DraftRequest);
  if (!check.ok) return { problems: check.problems.map((p) => `request: ${p.message}`) };
  return { problems: [], checked: check.request };
}

function requestShapeProblems(request: unknown): string[] {
  if (!isObject(request)) return ['request must be an object (the TrainingRequest)'];
  const problems: string[] = [];
  const job = request.job;
  const output = request.output;
  if (!isString(request.region)) problems.push('request.region must be an AWS region');
  if (!isObject(job) || !isString(job.instanceType) || typeof job.instanceCount !== 'number') {
    problems.push('request.job must have instanceType and instanceCount');
  }
  if (!isObject(output) || output.kind !== 's3' || !isString(output.uri)) {
    problems.push('request.output must be an s3 location');
  }
  if (!Array.isArray(request.channels)) problems.push('request.channels must be an array');
  else {
    for (const [i, channel] of request.channels.entries()) {
      const src = isObject(channel) && isObject(channel.source) ? channel.source : undefined;
      if (src?.kind !== 's3' || !isString(src.uri)) {
        problems.push(`request.channels[${i}] must read from S3 (local folders are uploaded by the action first)`);
      }
    }
  }
  if (!Array.isArray(request.metrics)) problems.push('request.metrics must be an array');
  if (!isStringMap(request.hyperparameters)) problems.push('request.hyperparameters must be an object of strings');
  if (!isStringMap(request.tags)) problems.push('request.tags must be an object of strings');
  return problems;
}

function reportProblems(report: unknown): string[] {
  if (!isObject(report)) return ['report must be an object (the detached hand-off)'];
  const r = report as Partial<Record<keyof DetachedReport, unknown>>;
  const problems: string[] = [];
  const need = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(`report.${problem}`);
  };
  need(isString(r.apiUrl) && /^https?:\/\//.test(r.apiUrl), 'apiUrl must be an http(s) URL (GITHUB_API_URL)');
  need(isString(r.owner) && isString(r.repo), 'owner and repo must name the repository');
  need(isString(r.sha), 'sha must be the commit of the check run');
  need(Number.isSafeInteger(r.checkRunId) && (r.checkRunId as number) > 0, 'checkRunId must be a positive integer');
  need(isString(r.checkName), 'checkName must be the check run name');
  need(
    Number.isInteger(r.baselineDepth) && (r.baselineDepth as number) >= 1 && (r.baselineDepth as number) <= 100,
    'baselineDepth must be an integer from 1 to 100',
  );
  need(isString(r.appSecret), 'appSecret must name the Secrets Manager secret of the GitHub App');
  for (const key of ['baseBranch', 'annotationPath', 'runUrl'] as const) {
    need(r[key] === undefined || typeof r[key] === 'string', `${key} must be a string when present`);
  }
  return problems;
}
