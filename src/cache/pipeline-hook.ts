// The run cache as the pipeline uses it: the verdict before the image step, the fingerprint handed to the backend
// (the Fargate runner records its own run), and the record of a completed run. Loaded only when a run uses the cache.
import type { S3Client } from '@aws-sdk/client-s3';

import type { ResolvedImage } from '../image/resolve.js';
import type { ECRClient } from '@aws-sdk/client-ecr';

import type { Logger } from '../logger.js';
import type { DraftRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { FingerprintPart } from './fingerprint.js';
import {
  findReusableResult,
  recordRunResult,
  trainedFingerprint,
  type CacheVerdict,
  type RunCacheDeps,
} from './reuse.js';

/** What a backend gets to record the run itself (the Fargate runner): the fingerprint and the commit. */
export interface RunCacheContext {
  fingerprint: string;
  parts: FingerprintPart[];
  commit?: string;
}

/** What the hook reads of the pipeline's deps (declared here: the cache sits below the pipeline). */
export interface PipelineCacheDeps {
  runCache?: Partial<RunCacheDeps>;
  logger: Logger;
  env?: Record<string, string | undefined>;
  s3?: (region: string) => Promise<S3Client>;
  ecr?: (region: string) => Promise<ECRClient>;
  signal: AbortSignal;
}

const defaultS3 = async (region: string): Promise<S3Client> => (await import('../aws/s3.js')).createS3Client(region);

function cacheDeps(deps: PipelineCacheDeps): RunCacheDeps {
  const given = deps.runCache ?? {};
  return {
    ...given,
    logger: given.logger ?? deps.logger,
    env: given.env ?? deps.env ?? {},
    s3: given.s3 ?? deps.s3 ?? defaultS3,
    ...(deps.ecr && !given.ecr ? { ecr: deps.ecr } : {}),
    signal: given.signal ?? deps.signal,
  };
}

/** The verdict before anything is built: reuse an earlier result, or train. */
export function checkRunCache(request: DraftRequest, deps: PipelineCacheDeps): Promise<CacheVerdict> {
  return findReusableResult(request, cacheDeps(deps));
}

/** The fingerprint of the run about to train, now that its image is known; undefined when it cannot be recorded. */
export async function runCacheContext(
  verdict: CacheVerdict | undefined,
  request: DraftRequest,
  image: Pick<ResolvedImage, 'uri' | 'tag'>,
  deps: PipelineCacheDeps,
): Promise<RunCacheContext | undefined> {
  const fingerprint = trainedFingerprint(verdict, request, image);
  if (!fingerprint) return undefined;
  const commit = await deps.runCache?.commit;
  return { ...fingerprint, ...(commit ? { commit } : {}) };
}

/** Records a completed run under its fingerprint (a warning, never an error, when that fails). */
export async function recordRun(
  request: DraftRequest,
  context: RunCacheContext,
  result: TrainingResult,
  deps: PipelineCacheDeps,
): Promise<void> {
  const all = cacheDeps(deps);
  await recordRunResult({
    request,
    fingerprint: context,
    result,
    deps: { ...all, ...(context.commit ? { commit: context.commit } : {}) },
  });
}
