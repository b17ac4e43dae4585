// The image of a run, for the pipeline and for `sagemaker-train build`: kept apart from the pipeline so that `build`
// loads neither the backends nor (when nothing needs building) the Docker client.
import type { ECRClient } from '@aws-sdk/client-ecr';
import type Dockerode from 'dockerode';

import type { Logger } from '../logger.js';
import type { DraftRequest } from '../request.js';
import type { RunIdentity } from '../run-identity.js';
import type { buildLocalImage } from './build-local.js';
import type { ensureImage, ImageOutcome, ImageSource, LookedUpImage } from './ensure.js';

export interface ResolveImageDeps {
  /** The engine, or a function that connects to it the first time it is needed. */
  docker: Dockerode | (() => Promise<Dockerode>);
  logger: Logger;
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  /** The run's commit and repository, for the image's labels. */
  identity?: RunIdentity;
  buildImage?: typeof buildLocalImage;
  prepareImage?: typeof ensureImage;
  ecr?: (region: string) => Promise<ECRClient>;
  /** The build's content tag as the run cache looked it up: not hashed again. */
  lookedUp?: LookedUpImage;
}

/** The image a run uses, and whether this run built it. */
export interface ResolvedImage {
  uri: string;
  /** The content tag (`ctx-…`); absent for a prebuilt image. */
  tag?: string;
  built: boolean;
  /** How it was made (absent for a prebuilt image). */
  source?: ImageSource;
  /** One line on how it was made. */
  note?: string;
  /** The registry's manifest digest (`sha256:…`), when the image step knows it (remote modes). */
  digest?: string;
}

/** The local tag of a locally built image: `sagemaker-train/<name-prefix>:local`, made a valid repository name. */
export function localImageTag(namePrefix: string): string {
  const name =
    namePrefix
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'job';
  return `sagemaker-train/${name}:local`;
}

/**
 * The image of a run: a prebuilt one as it is; otherwise tagged by content and built only when that tag is missing,
 * into the engine (local mode) or pushed to image.repository (remote modes). Used by runs and by `build`.
 */
export async function resolveImage(
  request: Pick<DraftRequest, 'image' | 'job' | 'mode'>,
  deps: ResolveImageDeps,
): Promise<ResolvedImage> {
  const spec = request.image;
  if (spec.kind === 'prebuilt') {
    deps.logger.info(`Using the prebuilt image ${spec.uri}`);
    return { uri: spec.uri, built: false };
  }
  const local = localImageTag(request.job.namePrefix);
  // Loaded only when something may need building: a prebuilt image never loads the build, hash and push code.
  const prepare = deps.prepareImage ?? (await import('./ensure.js')).ensureImage;
  const outcome: ImageOutcome = await prepare({
    docker: deps.docker,
    spec,
    push: request.mode !== 'local',
    localRepository: local.slice(0, local.lastIndexOf(':')),
    localAlias: 'local',
    logger: deps.logger,
    signal: deps.signal,
    env: deps.env ?? {},
    ...(deps.identity ? { identity: deps.identity } : {}),
    ...(deps.buildImage ? { build: deps.buildImage } : {}),
    ...(deps.ecr ? { ecr: deps.ecr } : {}),
    ...(deps.lookedUp ? { lookedUp: deps.lookedUp } : {}),
  });
  const source = outcome.source ?? (outcome.built ? 'built' : 'found');
  return {
    uri: outcome.uri,
    tag: outcome.tag,
    built: outcome.built,
    source,
    ...(outcome.note ? { note: outcome.note } : {}),
    ...(outcome.digest ? { digest: outcome.digest } : {}),
  };
}
