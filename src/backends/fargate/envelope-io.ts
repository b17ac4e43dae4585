// The action's half of the runner contract (src/backends/fargate/contract.ts): build request.json with every channel in S3,
// write it, choose what goes into the task's environment, and read result.json back.
import type { KeyValuePair } from '@aws-sdk/client-ecs';
import type { S3Client } from '@aws-sdk/client-s3';

import { putJsonObject } from '../../aws/s3.js';
import { deniedBecauseMissing, isAccessDenied, isMissingObject } from '../../aws/s3-missing.js';
import { parseS3Uri } from '../../config/locations.js';
import type { Logger } from '../../logger.js';
import type { ChannelSpec, FargateRequest } from '../../request.js';
import type { TrainingResult, TrainingStatus } from '../../result.js';
import { identityVariables, type RunIdentity } from '../../run-identity.js';
import { type DetachedReport, ENVELOPE_VERSION, RunnerEnv, type RunnerEnvelope } from './contract.js';
import { MAX_OVERRIDES_BYTES, overridesBytes } from './task.js';
import { uploadLocalChannels } from '../sagemaker/channels.js';
import { messageOf } from '../../error-message.js';

/** What of the run's identity the runner tags the job with and links to (none of it secret). */
export const ENVELOPE_IDENTITY_FIELDS = [
  'repository',
  'commit',
  'ref',
  'workflow',
  'runId',
  'runAttempt',
  'serverUrl',
  'apiUrl',
] as const;

/** The channels with every local folder replaced by the S3 prefix it was uploaded to. */
export function channelsInS3(channels: ChannelSpec[], uploaded: Record<string, string>): ChannelSpec[] {
  return channels.map((channel) => {
    if (channel.source.kind === 's3') return channel;
    const uri = uploaded[channel.name];
    if (uri === undefined) throw new Error(`Channel ${channel.name} (${channel.source.path}) was not uploaded`);
    return { ...channel, source: parseS3Uri(uri) };
  });
}

export interface EnvelopeOptions {
  request: FargateRequest;
  jobName: string;
  imageUri: string;
  imageTag?: string;
  imageBuilt?: boolean;
  uploadedChannels: Record<string, string>;
  identity: RunIdentity;
  report?: DetachedReport;
  runCache?: RunnerEnvelope['runCache'];
}

export function buildEnvelope(o: EnvelopeOptions): RunnerEnvelope {
  return {
    version: ENVELOPE_VERSION,
    request: { ...o.request, channels: channelsInS3(o.request.channels, o.uploadedChannels) },
    jobName: o.jobName,
    imageUri: o.imageUri,
    ...(o.imageTag !== undefined ? { imageTag: o.imageTag } : {}),
    ...(o.imageBuilt !== undefined ? { imageBuilt: o.imageBuilt } : {}),
    // As GitHub's variables: the runner reads them back with readRunIdentity, as an entry point reads its own.
    github: identityVariables(o.identity, ENVELOPE_IDENTITY_FIELDS),
    ...(o.report ? { report: o.report } : {}),
    ...(o.runCache ? { runCache: o.runCache } : {}),
  };
}

/**
 * The runner's environment: the request's URI always, and the request inline only when the whole overrides stay
 * within ECS's 8 KiB (the runner then skips its GET). `container` is the name the override is for.
 */
export function runnerEnvironment(
  container: string,
  requestUri: string,
  envelopeJson: string,
): { environment: KeyValuePair[]; inline: boolean } {
  const uriOnly: KeyValuePair[] = [{ name: RunnerEnv.RequestUri, value: requestUri }];
  const withJson: KeyValuePair[] = [...uriOnly, { name: RunnerEnv.RequestJson, value: envelopeJson }];
  const fits =
    overridesBytes({ containerOverrides: [{ name: container, environment: withJson }] }) <= MAX_OVERRIDES_BYTES;
  return fits ? { environment: withJson, inline: true } : { environment: uriOnly, inline: false };
}

export interface WriteEnvelopeOptions extends Omit<EnvelopeOptions, 'uploadedChannels'> {
  s3: S3Client;
  requestUri: string;
  logger: Logger;
  signal: AbortSignal;
}

/** Uploads the local-folder channels, then writes request.json; returns its JSON (passed inline when it fits). */
export async function writeEnvelope(o: WriteEnvelopeOptions): Promise<string> {
  const uploadedChannels = await uploadLocalChannels({
    channels: o.request.channels,
    output: o.request.output,
    s3: () => Promise.resolve(o.s3),
    logger: o.logger,
    signal: o.signal,
  });
  const json = JSON.stringify(buildEnvelope({ ...o, uploadedChannels }));
  await putEnvelope(o.s3, o.requestUri, json, o.signal);
  return json;
}

/** request.json, byte for byte the JSON passed inline (the runner reads either). */
export async function putEnvelope(
  client: S3Client,
  requestUri: string,
  json: string,
  signal?: AbortSignal,
): Promise<void> {
  await putJsonObject(client, parseS3Uri(requestUri), json, signal);
}

const STATUSES: readonly TrainingStatus[] = ['Completed', 'Failed', 'Stopped', 'InProgress'];

export type ResultRead =
  | { kind: 'found'; result: TrainingResult }
  | { kind: 'missing' }
  /** There, but written before this task was created (an earlier run of the same job name). */
  | { kind: 'stale'; lastModified: Date }
  | { kind: 'invalid'; problem: string };

/** The TrainingResult the runner wrote; checks only what the action relies on, and that it is this task's. */
export async function readResult(
  client: S3Client,
  resultUri: string,
  opts: { notBefore?: Date; signal?: AbortSignal } = {},
): Promise<ResultRead> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const { bucket, key } = parseS3Uri(resultUri);
  let text: string;
  let lastModified: Date | undefined;
  try {
    const response = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key }),
      opts.signal ? { abortSignal: opts.signal } : {},
    );
    lastModified = response.LastModified;
    text = response.Body ? await response.Body.transformToString('utf8') : '';
  } catch (err) {
    if (isMissingObject(err)) return { kind: 'missing' };
    // A 403 is also what S3 says for a missing key to a role that may not list the bucket: ask the listing.
    if (isAccessDenied(err) && (await deniedBecauseMissing(client, { bucket, key }, opts.signal)))
      return { kind: 'missing' };
    throw err;
  }
  if (opts.notBefore && lastModified && lastModified.getTime() < opts.notBefore.getTime()) {
    return { kind: 'stale', lastModified };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { kind: 'invalid', problem: `not JSON (${messageOf(err)})` };
  }
  const problem = resultProblem(parsed);
  if (problem) return { kind: 'invalid', problem };
  return { kind: 'found', result: normalise(parsed as TrainingResult) };
}

function resultProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  if (typeof r.jobName !== 'string') return 'no jobName';
  if (!STATUSES.includes(r.status as TrainingStatus)) return `status ${JSON.stringify(r.status)} is not a status`;
  if (r.metrics !== undefined && (typeof r.metrics !== 'object' || r.metrics === null))
    return 'metrics is not an object';
  return undefined;
}

/** Fills what an older or partial result may lack, so reporting never trips over a missing array. */
function normalise(r: TrainingResult): TrainingResult {
  return {
    ...r,
    metrics: r.metrics ?? {},
    metricSeries: r.metricSeries ?? {},
    logTail: Array.isArray(r.logTail) ? r.logTail : [],
    links: Array.isArray(r.links) ? r.links : [],
  };
}
