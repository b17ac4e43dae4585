// Training job names: valid for SageMaker, unique per run, and stable when the same step is retried.

import type { RunIdentity } from './run-identity.js';

/** SageMaker's pattern for training job names (63 characters at most, no underscores). */
export const JOB_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
export const MAX_JOB_NAME_LENGTH = 63;
/**
 * Longest name prefix the configuration accepts. Generated suffixes are 21 characters with today's 11-digit run ids
 * (`-<runId>-<attempt>-<6 hex>`, `-<yyyyMMdd-HHmmss>-<4 hex>`), so 40 leaves room; longer prefixes are cut.
 */
export const MAX_NAME_PREFIX_LENGTH = 40;

export interface JobNameOptions {
  prefix: string;
  /** The run: in GitHub Actions its repository, run id, attempt, job and step make the name. */
  identity: RunIdentity;
  now: Date;
  /** A number in [0, 1), such as Math.random. */
  random: () => number;
  /**
   * What this step trains (requestFingerprint), asked for in GitHub Actions only. Matrix legs share the run, attempt
   * and job id, so without it a hyperparameter matrix would give every leg one name and the later legs would attach to
   * the first leg's job.
   */
  fingerprint?: () => string;
}

/**
 * In GitHub Actions (a run id known): `<prefix>-<runId>-<attempt>-<6 hex>`, where the hex is a hash of the
 * repository, run id, attempt, job id, step id, prefix and request fingerprint, so a re-run attempt, another step
 * and a matrix leg that trains something else each get a new name, and a retried step the same one.
 * Elsewhere: `<prefix>-<yyyyMMdd-HHmmss UTC>-<4 hex>`. The prefix is cleaned and cut to fit; the suffix never is.
 */
export function generateJobName(opts: JobNameOptions): string {
  const runId = digitsOrUndefined(opts.identity.runId);
  const suffix = runId === undefined ? localSuffix(opts.now, opts.random) : actionsSuffix(opts, runId);
  const room = MAX_JOB_NAME_LENGTH - suffix.length - 1;
  const prefix = cleanPrefix(opts.prefix).slice(0, Math.max(room, 0)).replace(/-+$/, '');
  return prefix === '' ? suffix : `${prefix}-${suffix}`;
}

function actionsSuffix(opts: JobNameOptions, runId: string): string {
  const attempt = digitsOrUndefined(opts.identity.runAttempt) ?? '1';
  const hash = sha256Hex(
    [
      opts.identity.repository ?? '',
      runId,
      attempt,
      opts.identity.job ?? '',
      opts.identity.action ?? '',
      opts.prefix,
      opts.fingerprint?.() ?? '',
    ].join('\0'),
  ).slice(0, 6);
  return `${runId}-${attempt}-${hash}`;
}

function localSuffix(now: Date, random: () => number): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const date = `${pad(now.getUTCFullYear(), 4)}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  const bits = Math.min(0xffff, Math.max(0, Math.floor(random() * 0x10000)));
  return `${date}-${time}-${bits.toString(16).padStart(4, '0')}`;
}

/** Letters, digits and hyphens, starting with a letter or digit (`my_model` → `my-model`). */
function cleanPrefix(prefix: string): string {
  return prefix.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+/, '');
}

/** Run ids and attempts are digits; anything else is ignored. Absurdly long values are cut so the name still fits. */
function digitsOrUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed !== undefined && /^\d+$/.test(trimmed) ? trimmed.slice(0, 20) : undefined;
}

/**
 * A digest of everything a request trains with (hyperparameters, instances, channels, image, environment…): equal for
 * the same step run again, different for matrix legs that differ in any setting.
 */
export function requestFingerprint(request: object): string {
  return sha256Hex(stableJson(request));
}

/**
 * node:crypto is required on the first hash, not when this module loads: loading it takes ~7 ms of every command's
 * start, and a local run outside GitHub Actions hashes nothing.
 */
function sha256Hex(text: string): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so the digest does not depend on the order the loader built the object in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
