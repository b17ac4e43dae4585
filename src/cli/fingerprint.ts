// `sagemaker-train fingerprint`: the run fingerprint of a configuration and every part that went into it, and
// whether the result index already holds a completed run for it, so a user can see why two runs differ. Builds
// nothing: the image is known by digest (looked up in the registry) or by content tag, as the run cache does.
import type { S3Client } from '@aws-sdk/client-s3';

import { load, type CliDeps } from './context.js';
import { ConfigError } from '../config/errors.js';
import { ConsoleLogger } from '../logger.js';
import type { TrainingRequest } from '../request.js';
import { runFingerprint, type FingerprintPart } from '../cache/fingerprint.js';
import { gatherFingerprintInputs, type Gathered } from '../cache/gather.js';
import { indexReader } from '../cache/index-store.js';

export interface FingerprintReport {
  /** Undefined when it cannot be known (yet): see `reason`. */
  fingerprint?: string;
  parts: FingerprintPart[];
  /** Where the index entry of this fingerprint is (or would be). */
  entry?: string;
  /** Whether that entry exists now (not whether its artifacts do). */
  recorded?: boolean;
  reason?: string;
}

const s3Of = (deps: CliDeps): ((region: string) => Promise<S3Client>) =>
  deps.pipeline?.s3 ?? (async (region: string) => (await import('../aws/s3.js')).createS3Client(region));

function partsOf(gathered: Gathered): { fingerprint?: string; parts: FingerprintPart[] } {
  if (gathered.kind === 'complete') return runFingerprint(gathered.inputs);
  if (gathered.kind === 'unavailable') return { parts: [] };
  // The image's digest is not known yet: every other part, and the image said to be pending.
  const { parts } = runFingerprint({ ...gathered.inputs, image: { kind: 'digest', digest: '(not pushed yet)' } });
  return { parts };
}

export async function fingerprintReport(
  request: TrainingRequest,
  deps: CliDeps,
  verbose: boolean,
): Promise<FingerprintReport> {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, verbose);
  const s3 = s3Of(deps);
  const gathered = await gatherFingerprintInputs(request, {
    logger,
    env: deps.env,
    s3,
    ...(deps.pipeline?.ecr ? { ecr: deps.pipeline.ecr } : {}),
    ...(deps.pipeline?.runCache?.fetch ? { fetch: deps.pipeline.runCache.fetch } : {}),
  });
  const { fingerprint, parts } = partsOf(gathered);
  if (fingerprint === undefined) {
    return { parts, reason: gathered.kind === 'complete' ? 'unknown' : gathered.reason };
  }
  const store = indexReader(request.output, { s3: () => s3(request.region) });
  const recorded = await store.read(fingerprint).then(
    (text) => text !== undefined,
    () => undefined,
  );
  return { fingerprint, parts, entry: store.where(fingerprint), ...(recorded !== undefined ? { recorded } : {}) };
}

function text(report: FingerprintReport): string {
  const width = Math.max(12, ...report.parts.map((p) => p.name.length)) + 2;
  const head = report.fingerprint
    ? [
        `Fingerprint  ${report.fingerprint}`,
        `Entry        ${report.entry ?? ''} (${report.recorded === undefined ? 'could not be read' : report.recorded ? 'recorded' : 'none yet'})`,
      ]
    : [`Fingerprint  none: ${report.reason ?? 'unknown'}`];
  const parts = report.parts.map((p) => `  ${p.name.padEnd(width)}${p.value}`);
  return [...head, ...(parts.length > 0 ? ['', 'Parts:', ...parts] : []), ''].join('\n');
}

/** The command: 0 when the fingerprint is known, 1 when it is not (the reason is printed), 2 on bad configuration. */
export async function fingerprint(values: Parameters<typeof load>[0], deps: CliDeps): Promise<number> {
  let request: TrainingRequest;
  try {
    request = await load(values, deps);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    deps.stderr.write(`${err.message}\n`);
    return 2;
  }
  const report = await fingerprintReport(request, deps, values.verbose === true);
  deps.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : text(report));
  return report.fingerprint ? 0 : 1;
}
