// What a model package version says about how it was made, shaped to SageMaker's limits: pure.
// CustomerMetadataProperties: at most 50 entries; keys 1-128 and values 1-256 characters of letters, digits, spaces
// and `_.:/=+-@`. ModelPackageDescription: at most 1024 characters. ClientToken: 1-36 of [a-zA-Z0-9-].
import { createHash } from 'node:crypto';

import type { RegisterSpec } from '../request.js';

export const MAX_METADATA_ENTRIES = 50;
export const MAX_METADATA_KEY = 128;
export const MAX_METADATA_VALUE = 256;
const METADATA_CHARS = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;

export interface Lineage {
  repository: string;
  commit: string;
  /** The workflow run (its URL when known, else its id). */
  run: string;
  jobName: string;
  imageUri: string;
  imageDigest?: string;
  /** The run cache's fingerprint of the data and code (absent when it was not computed). */
  fingerprint?: string;
  hyperparameters: Record<string, string>;
}

/** A value SageMaker accepts: other characters become `_`, and a long one is cut with a trailing `…` marker. */
export function metadataValue(value: string, max = MAX_METADATA_VALUE): string {
  const clean = value.replace(METADATA_CHARS, '_') || '_';
  return clean.length <= max ? clean : `${clean.slice(0, max - 3)}...`;
}

/**
 * The lineage as customer metadata: the fixed keys first, then one `hp.<name>` key per hyperparameter while room is
 * left; `hp-omitted` counts the ones that did not fit (the full set is in the model quality report's lineage).
 */
export function customerMetadata(l: Lineage): Record<string, string> {
  const fixed: Record<string, string> = {
    repository: l.repository,
    commit: l.commit,
    run: l.run,
    'training-job': l.jobName,
    image: l.imageUri,
    ...(l.imageDigest ? { 'image-digest': l.imageDigest } : {}),
    ...(l.fingerprint ? { 'data-fingerprint': l.fingerprint } : {}),
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fixed)) out[k] = metadataValue(v);
  const hps = Object.entries(l.hyperparameters).sort(([a], [b]) => (a < b ? -1 : 1));
  const room = MAX_METADATA_ENTRIES - Object.keys(out).length - (hps.length > 0 ? 1 : 0);
  const kept = hps.length <= room + 1 ? hps : hps.slice(0, room);
  for (const [k, v] of kept) out[metadataValue(`hp.${k}`, MAX_METADATA_KEY)] = metadataValue(v);
  if (kept.length < hps.length) out['hp-omitted'] = String(hps.length - kept.length);
  return out;
}

/** The description carries the commit: ListModelPackages returns descriptions, so a re-run finds its version. */
export function packageDescription(l: Pick<Lineage, 'repository' | 'commit' | 'jobName'>): string {
  return `${commitMarker(l.commit)} ${l.repository} training job ${l.jobName}`.slice(0, 1024);
}

export function commitMarker(commit: string): string {
  return `commit:${commit}`;
}

/** CreateModelPackage's idempotency token for this group and commit (a retried call creates one version). */
export function clientToken(group: string, commit: string): string {
  return createHash('sha256').update(`${group}\n${commit}`).digest('hex').slice(0, 36);
}

const SECTIONS: Record<RegisterSpec['problemType'], string> = {
  regression: 'regression_metrics',
  'binary-classification': 'binary_classification_metrics',
  'multiclass-classification': 'multiclass_classification_metrics',
};

/**
 * The model quality report SageMaker's model registry shows: metrics under the problem type's section, each with a
 * value and a standard deviation (`NaN` when unknown, as Model Monitor writes it). The lineage rides along.
 */
export function modelQualityReport(
  metrics: Record<string, number>,
  problemType: RegisterSpec['problemType'],
  lineage: Lineage,
): string {
  const section = Object.fromEntries(
    Object.entries(metrics).map(([name, value]) => [name, { value, standard_deviation: 'NaN' }]),
  );
  return `${JSON.stringify({ version: 0.0, [SECTIONS[problemType]]: section, lineage }, null, 2)}\n`;
}

/** The image digest: the result's, or the one a `repo@sha256:…` reference names. */
export function imageDigestOf(imageUri: string, known?: string): string | undefined {
  return known ?? /@(sha256:[0-9a-f]{64})$/i.exec(imageUri)?.[1];
}
