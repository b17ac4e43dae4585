// The run fingerprint: a sha256 over everything that decides a training run's result, and nothing else. Two runs
// with the same fingerprint train the same image on the same data with the same settings, so the second may report
// the first's result instead of training (docs/run-cache.md lists every part). Pure: the parts are gathered
// elsewhere (src/cache/gather.ts) and only folded here.
import { createHash } from 'node:crypto';

import type { CompressionType, InputMode, RecordWrapperType, S3DistributionType } from '../request.js';

/** Bumped whenever what goes into the fingerprint changes, so an old index entry never matches a new run. */
export const FINGERPRINT_FORMAT = 'sagemaker-train/run/v1';

/**
 * The image, by what identifies its bytes: the registry's manifest digest (pushed or prebuilt by digest), or the
 * content tag of a local build (local mode never pushes).
 */
export type ImageIdentity = { kind: 'digest'; digest: string } | { kind: 'content-tag'; tag: string };

export interface ChannelIdentity {
  name: string;
  inputMode: InputMode;
  distribution: S3DistributionType;
  compression: CompressionType;
  recordWrapper: RecordWrapperType;
  contentType?: string;
  /** What the channel holds: `local sha256:…` (the folder's content hash) or `s3 sha256:…` (the listing's hash). */
  content: string;
}

export interface FingerprintInputs {
  /** Where the containers run: `local` (this engine) or `sagemaker` (sagemaker and fargate modes). */
  platform: 'local' | 'sagemaker';
  image: ImageIdentity;
  entrypoint?: string[];
  arguments?: string[];
  hyperparameters: Record<string, string>;
  /** The job's environment; the values are hashed here and never appear in a part. */
  environment: Record<string, string>;
  instanceType: string;
  instanceCount: number;
  channels: ChannelIdentity[];
  metrics: { name: string; regex: string }[];
}

/** One named part of the fingerprint, as `sagemaker-train fingerprint` prints it. */
export interface FingerprintPart {
  name: string;
  value: string;
}

export interface RunFingerprint {
  /** 64 lowercase hex digits: the index entry's file name. */
  fingerprint: string;
  parts: FingerprintPart[];
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const byName = <T extends { name: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const sortedKeys = (map: Record<string, string>): string[] => Object.keys(map).sort();

function imageValue(image: ImageIdentity): string {
  return image.kind === 'digest' ? `digest ${image.digest}` : `content-tag ${image.tag}`;
}

function channelValue(channel: ChannelIdentity): string {
  return [
    `input-mode=${channel.inputMode}`,
    `distribution=${channel.distribution}`,
    `compression=${channel.compression}`,
    `record-wrapper=${channel.recordWrapper}`,
    `content-type=${JSON.stringify(channel.contentType ?? '')}`,
    `content=${channel.content}`,
  ].join(' ');
}

/** The parts in their fixed order: sections as listed, keys sorted within a section. */
export function fingerprintParts(inputs: FingerprintInputs): FingerprintPart[] {
  const parts: FingerprintPart[] = [
    { name: 'format', value: FINGERPRINT_FORMAT },
    { name: 'platform', value: inputs.platform },
    { name: 'image', value: imageValue(inputs.image) },
    { name: 'entrypoint', value: JSON.stringify(inputs.entrypoint ?? null) },
    { name: 'arguments', value: JSON.stringify(inputs.arguments ?? null) },
    { name: 'instance-type', value: inputs.instanceType },
    { name: 'instance-count', value: String(inputs.instanceCount) },
  ];
  for (const key of sortedKeys(inputs.hyperparameters)) {
    parts.push({ name: `hyperparameter ${key}`, value: JSON.stringify(inputs.hyperparameters[key]) });
  }
  for (const key of sortedKeys(inputs.environment)) {
    parts.push({ name: `environment ${key}`, value: `sha256:${sha256(inputs.environment[key] ?? '')}` });
  }
  for (const channel of byName(inputs.channels)) {
    parts.push({ name: `channel ${channel.name}`, value: channelValue(channel) });
  }
  for (const metric of byName(inputs.metrics)) {
    parts.push({ name: `metric ${metric.name}`, value: JSON.stringify(metric.regex) });
  }
  return parts;
}

/** The fingerprint: sha256 over one line per part, `<name as JSON> <value as JSON>\n`, in fingerprintParts' order. */
export function runFingerprint(inputs: FingerprintInputs): RunFingerprint {
  const parts = fingerprintParts(inputs);
  const text = parts.map((p) => `${JSON.stringify(p.name)} ${JSON.stringify(p.value)}\n`).join('');
  return { fingerprint: sha256(text), parts };
}

/** A fingerprint as an index entry's name accepts it (what the index reads back is checked against it). */
export function isFingerprint(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
