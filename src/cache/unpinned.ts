// A prebuilt image named by a tag, which can move, gives a run no identity: such a run is neither reused nor
// recorded. Told before anything else, and without loading the rest of the run cache.
import type { DraftRequest } from '../request.js';

const DIGEST = /@(sha256:[0-9a-f]{64})$/;

/** The digest a pinned reference (`repo@sha256:…`) names, if any. */
export function pinnedDigest(uri: string): string | undefined {
  return DIGEST.exec(uri)?.[1];
}

/** Why a prebuilt image cannot identify the run (it names a tag), or undefined. */
export function unpinnedImageReason(request: Pick<DraftRequest, 'image'>): string | undefined {
  const spec = request.image;
  if (spec.kind !== 'prebuilt' || pinnedDigest(spec.uri)) return undefined;
  return `image.uri ${spec.uri} names a tag, which can move: pin it by digest (…@sha256:…) to reuse results`;
}

/** The warning of a run the cache can neither reuse nor record. */
export function notRecordedWarning(reason: string): string {
  return `Run cache: not reused and not recorded, because ${reason}.`;
}
