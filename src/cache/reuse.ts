// The run cache's two calls. Before the image step: findReusableResult — the fingerprint, the index entry, a HEAD of
// each of its artifacts; a verdict to reuse (the earlier result, marked reused) or to train (and why). After a run:
// recordRunResult — a completed run's entry, written under the fingerprint (completed with the image the run used
// when the digest was only known once pushed). Neither throws for a cache problem: the run trains, with a warning.
import type { LookedUpImage } from '../image/ensure.js';
import type { ResolvedImage } from '../image/resolve.js';
import { messageOf } from '../error-message.js';
import type { DraftRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { runFingerprint, type RunFingerprint } from './fingerprint.js';
import { gatherFingerprintInputs, identityOfResolvedImage, type Gathered, type GatherDeps } from './gather.js';
import { entryText, parseEntry, type IndexEntry } from './index-entry.js';
import { artifactExists, indexReader, indexWriter, type IndexReader } from './index-store.js';
import { notRecordedWarning } from './unpinned.js';

export interface RunCacheDeps extends GatherDeps {
  /** The commit this run trains (the check run's commit), recorded in the entry (a promise: git answers meanwhile). */
  commit?: string | Promise<string | undefined>;
  now?: () => Date;
}

export type CacheVerdict =
  | { kind: 'reuse'; result: TrainingResult; fingerprint: RunFingerprint }
  | {
      kind: 'train';
      /** Why nothing was reused, in one sentence. */
      reason: string;
      /** What the fingerprint needs still (the image), or undefined when the run cannot be recorded. */
      gathered?: Exclude<Gathered, { kind: 'unavailable' }>;
      /** The build's content tag the look-up computed, for the image step (hashed once). */
      lookedUp?: LookedUpImage;
    };

function storeOf(request: DraftRequest, deps: RunCacheDeps): IndexReader {
  return indexReader(request.output, {
    s3: () => deps.s3(request.region),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
}

/** The artifacts of an entry that are gone (or cannot be confirmed). */
async function missingArtifacts(entry: IndexEntry, request: DraftRequest, deps: RunCacheDeps): Promise<string[]> {
  const uris = [entry.result.modelArtifacts, entry.result.outputArtifacts].filter((u): u is string => !!u);
  const s3 = { s3: () => deps.s3(request.region), ...(deps.signal ? { signal: deps.signal } : {}) };
  const found = await Promise.all(uris.map((uri) => artifactExists(uri, s3)));
  return uris.filter((_, i) => !found[i]);
}

/** The earlier run's result, reported as this run's: marked reused, nothing built or trained. */
export function reusedResult(entry: IndexEntry, where: string): TrainingResult {
  return {
    ...entry.result,
    imageBuilt: false,
    reused: {
      jobName: entry.jobName,
      ...(entry.commit ? { commit: entry.commit } : {}),
      ranAt: entry.ranAt,
      fingerprint: entry.fingerprint,
      entry: where,
    },
  };
}

async function lookUp(
  request: DraftRequest,
  fingerprint: RunFingerprint,
  deps: RunCacheDeps,
): Promise<{ entry: IndexEntry; where: string } | { reason: string }> {
  const store = storeOf(request, deps);
  const where = store.where(fingerprint.fingerprint);
  let text: string | undefined;
  try {
    text = await store.read(fingerprint.fingerprint);
  } catch (err) {
    deps.signal?.throwIfAborted();
    deps.logger.warning(`Run cache: the index entry ${where} could not be read (${messageOf(err)}); ignoring it.`);
    return { reason: `its index entry could not be read` };
  }
  if (text === undefined) return { reason: `no completed run has fingerprint ${fingerprint.fingerprint}` };
  const parsed = parseEntry(text, fingerprint.fingerprint);
  if ('problem' in parsed) {
    deps.logger.warning(`Run cache: ignoring the index entry ${where}: ${parsed.problem}.`);
    return { reason: 'its index entry is unreadable' };
  }
  const missing = await missingArtifacts(parsed.entry, request, deps);
  if (missing.length > 0) {
    return {
      reason: `run ${parsed.entry.jobName} had this fingerprint, but its artifacts are gone (${missing.join(', ')})`,
    };
  }
  return { entry: parsed.entry, where };
}

/**
 * The verdict for a request, before anything is built: reuse an earlier completed run with the same fingerprint whose
 * artifacts all still exist, or train. With `reuse: false` nothing is looked up (the fingerprint is still gathered, so
 * the run is recorded).
 */
export async function findReusableResult(request: DraftRequest, deps: RunCacheDeps): Promise<CacheVerdict> {
  const started = Date.now();
  const gathered = await gatherFingerprintInputs(request, deps);
  const took = `${((Date.now() - started) / 1000).toFixed(2)} s`;
  const lookedUp = gathered.lookedUp ? { lookedUp: gathered.lookedUp } : {};
  if (gathered.kind === 'unavailable') {
    deps.logger.warning(notRecordedWarning(gathered.reason));
    return { kind: 'train', reason: gathered.reason, ...lookedUp };
  }
  if (request.reuse === false) {
    deps.logger.info('Run cache: reuse is off (reuse: false); the run is trained, and recorded when it completes.');
    return { kind: 'train', reason: 'reuse is off', gathered, ...lookedUp };
  }
  if (gathered.kind === 'image-pending') {
    deps.logger.info(`Run cache: training, because the ${gathered.reason} (${took}).`);
    return { kind: 'train', reason: gathered.reason, gathered, ...lookedUp };
  }
  const fingerprint = runFingerprint(gathered.inputs);
  const found = await lookUp(request, fingerprint, deps);
  if ('reason' in found) {
    deps.logger.info(`Run cache: training, because ${found.reason} (${took}).`);
    return { kind: 'train', reason: found.reason, gathered, ...lookedUp };
  }
  const { entry, where } = found;
  deps.logger.info(
    `Run cache: reusing training job ${entry.jobName} (commit ${entry.commit ?? 'unknown'}, ended ${entry.ranAt}): ` +
      `same fingerprint ${fingerprint.fingerprint}, artifacts present (${where}; ${took} to fingerprint). ` +
      'Nothing is built or trained.',
  );
  return { kind: 'reuse', result: reusedResult(entry, where), fingerprint };
}

/** The fingerprint of a run that trained, once its image is known (undefined when it cannot be recorded). */
export function trainedFingerprint(
  verdict: CacheVerdict | undefined,
  request: Pick<DraftRequest, 'mode'>,
  image: Pick<ResolvedImage, 'uri' | 'tag'>,
): RunFingerprint | undefined {
  if (verdict?.kind !== 'train' || !verdict.gathered) return undefined;
  const { gathered } = verdict;
  if (gathered.kind === 'complete') return runFingerprint(gathered.inputs);
  const identity = identityOfResolvedImage(request, image);
  return identity ? runFingerprint({ ...gathered.inputs, image: identity }) : undefined;
}

export interface RecordOptions {
  request: DraftRequest;
  fingerprint: RunFingerprint;
  result: TrainingResult;
  deps: Pick<RunCacheDeps, 's3' | 'logger' | 'signal' | 'commit' | 'now'>;
}

/** Writes a completed run's index entry (the later of two writers wins). Never throws: a failure is a warning. */
export async function recordRunResult(o: RecordOptions): Promise<boolean> {
  const { request, fingerprint, result, deps } = o;
  if (result.status !== 'Completed' || result.reused) return false;
  const store = indexWriter(request.output, {
    s3: () => deps.s3(request.region),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const where = store.where(fingerprint.fingerprint);
  try {
    const commit = await deps.commit;
    const text = entryText({
      fingerprint: fingerprint.fingerprint,
      parts: fingerprint.parts,
      result,
      ...(commit ? { commit } : {}),
      now: (deps.now ?? (() => new Date()))(),
    });
    await store.write(fingerprint.fingerprint, text);
    deps.logger.info(`Run cache: recorded ${result.jobName} as ${where}.`);
    return true;
  } catch (err) {
    deps.logger.warning(`Run cache: could not record ${result.jobName} at ${where} (${messageOf(err)}).`);
    return false;
  }
}
