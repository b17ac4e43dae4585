// Gathers the run fingerprint's parts from a request, without building anything: the image by digest (a prebuilt
// image pinned by digest, or the registry's digest of the content tag, looked up as the image step's skip path does)
// or by content tag (local mode), and every channel's content. What cannot be known makes the run unreusable, and
// the reason says so.
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { S3Client } from '@aws-sdk/client-s3';

import { messageOf } from '../error-message.js';
import type { LookedUpImage } from '../image/ensure.js';
import type { GitRunner } from '../image/git-ids.js';
import type { Fetch } from '../image/registry.js';
import type { Logger } from '../logger.js';
import type { DraftRequest } from '../request.js';
import { channelContent } from './channel-content.js';
import { pinnedDigest, unpinnedImageReason } from './unpinned.js';
import type { ChannelIdentity, FingerprintInputs, ImageIdentity } from './fingerprint.js';

export interface GatherDeps {
  logger: Logger;
  /** S3 client of a region (for s3:// channels). */
  s3: (region: string) => Promise<S3Client>;
  env: Record<string, string | undefined>;
  ecr?: (region: string) => Promise<ECRClient>;
  /** The registry's HTTP (default: global fetch). */
  fetch?: Fetch;
  git?: GitRunner;
  mask?: (secret: string) => void;
  signal?: AbortSignal;
}

/** Everything but the image, which may only be known once the image step has pushed it. */
export type InputsWithoutImage = Omit<FingerprintInputs, 'image'>;

export type Gathered = (
  | /** Every part known. */
    { kind: 'complete'; inputs: FingerprintInputs }
    /** The image is not in the registry yet: nothing was trained with it; its digest comes from the image step. */
  | { kind: 'image-pending'; inputs: InputsWithoutImage; reason: string }
  /** A part cannot be known: the run is neither reused nor recorded. */
  | { kind: 'unavailable'; reason: string }
) & {
  /** A build's content tag (and the registry's answer), for the image step: the context is hashed once per run. */
  lookedUp?: LookedUpImage;
};

export { pinnedDigest } from './unpinned.js';

type ImageLookup = ({ identity: ImageIdentity } | { pending: string } | { problem: string }) & {
  lookedUp?: LookedUpImage;
};

async function lookUpImage(request: DraftRequest, deps: GatherDeps): Promise<ImageLookup> {
  const spec = request.image;
  if (spec.kind === 'prebuilt') {
    const digest = pinnedDigest(spec.uri);
    return digest ? { identity: { kind: 'digest', digest } } : { problem: unpinnedImageReason(request) ?? '' };
  }
  const { hashBuildContext } = await import('../image/content-hash.js');
  if (request.mode === 'local') {
    const content = await hashBuildContext(spec, { ...(deps.git ? { git: deps.git } : {}) });
    return { identity: { kind: 'content-tag', tag: content.tag }, lookedUp: { content } };
  }
  const { lookUpPushedImage } = await import('../image/ensure.js');
  const pushed = await lookUpPushedImage({
    spec,
    logger: deps.logger,
    env: deps.env,
    ...(deps.mask ? { mask: deps.mask } : {}),
    ...(deps.ecr ? { ecr: deps.ecr } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const digest = pushed.registry?.digest;
  if (digest) return { identity: { kind: 'digest', digest }, lookedUp: pushed };
  return {
    pending: `image ${spec.repository ?? ''}:${pushed.content.tag} is not in the registry yet, so nothing trained it`,
    lookedUp: pushed,
  };
}

/** The request's own settings that go into the fingerprint. */
function settingsOf(request: DraftRequest, channels: ChannelIdentity[]): InputsWithoutImage {
  const { job } = request;
  return {
    platform: request.mode === 'local' ? 'local' : 'sagemaker',
    ...(job.entrypoint ? { entrypoint: job.entrypoint } : {}),
    ...(job.arguments ? { arguments: job.arguments } : {}),
    hyperparameters: request.hyperparameters,
    environment: job.environment,
    instanceType: job.instanceType,
    instanceCount: job.instanceCount,
    channels,
    metrics: request.metrics.map((m) => ({ name: m.name, regex: m.regex })),
  };
}

/** The fingerprint's parts, gathered concurrently (image look-up and channel listings). */
export async function gatherFingerprintInputs(request: DraftRequest, deps: GatherDeps): Promise<Gathered> {
  // A tag can move: nothing else is worth listing or hashing (local mode's runs start sooner).
  const unpinned = request.image.kind === 'prebuilt' ? await lookUpImage(request, deps) : undefined;
  if (unpinned && 'problem' in unpinned) return { kind: 'unavailable', reason: unpinned.problem };
  const s3 = (): Promise<S3Client> => deps.s3(request.region);
  const image = (unpinned ? Promise.resolve(unpinned) : lookUpImage(request, deps)).catch(
    (err: unknown): ImageLookup => ({
      problem: `the image's identity could not be looked up: ${messageOf(err)}`,
    }),
  );
  const contents = await Promise.all(
    request.channels.map((channel) =>
      channelContent(channel, {
        s3,
        ...(deps.git ? { git: deps.git } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
        debug: (m) => deps.logger.debug(m),
      }),
    ),
  );
  const found = await image;
  const lookedUp = found.lookedUp ? { lookedUp: found.lookedUp } : {};
  const problems = contents.flatMap((c) => ('problem' in c ? [c.problem] : []));
  if ('problem' in found || problems.length > 0) {
    const reason = ['problem' in found ? found.problem : [], ...problems].flat().join('; ');
    return { kind: 'unavailable', reason, ...lookedUp };
  }

  const channels = request.channels.map((channel, i): ChannelIdentity => {
    const content = contents[i];
    return {
      name: channel.name,
      inputMode: channel.inputMode,
      distribution: channel.distribution,
      compression: channel.compression,
      recordWrapper: channel.recordWrapper,
      ...(channel.contentType !== undefined ? { contentType: channel.contentType } : {}),
      content: content && 'content' in content ? content.content : '',
    };
  });
  const inputs = settingsOf(request, channels);
  if ('pending' in found) return { kind: 'image-pending', inputs, reason: found.pending, ...lookedUp };
  return { kind: 'complete', inputs: { ...inputs, image: found.identity }, ...lookedUp };
}

/** The image's identity once the image step ran: the digest it pushed, or its content tag (local mode). */
export function identityOfResolvedImage(
  request: Pick<DraftRequest, 'mode'>,
  image: { uri: string; tag?: string },
): ImageIdentity | undefined {
  const digest = pinnedDigest(image.uri);
  if (digest) return { kind: 'digest', digest };
  if (request.mode === 'local' && image.tag) return { kind: 'content-tag', tag: image.tag };
  return undefined;
}
