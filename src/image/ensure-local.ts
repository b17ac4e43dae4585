// Local mode's image: the engine's image of the content tag; else the registry's, pulled (when image.repository is
// set); else built by the engine. Never pushed.
import type Dockerode from 'dockerode';

import { messageOf } from '../error-message.js';
import type { RedactingLogger } from '../logger.js';
import { NO_RUN_IDENTITY } from '../run-identity.js';
import { buildLocalImage } from './build-local.js';
import type { ContextDigest } from './content-hash.js';
import { engineOf, signalOf, type EnsureImageOptions, type ImageOutcome } from './ensure-options.js';
import { buildLabels } from './labels.js';
import { pullIntoEngine } from './pull-local.js';
import { registryAccess } from './registry-access.js';

async function engineHas(docker: Dockerode, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

async function tagInEngine(docker: Dockerode, source: string, target: string): Promise<void> {
  const colon = target.lastIndexOf(':');
  await docker.getImage(source).tag({ repo: target.slice(0, colon), tag: target.slice(colon + 1) });
}

/** The registry's image of the same content, pulled into the engine (credentials as for a push). */
async function pullLocal(
  opts: EnsureImageOptions,
  docker: Dockerode,
  tag: string,
  localRef: string,
  logger: RedactingLogger,
): Promise<boolean> {
  // A look-up creates nothing: a missing repository simply has no such tag yet.
  const lookUp = { ...opts, spec: { ...opts.spec, createRepository: false } };
  const access = await registryAccess(lookUp, (secret) => logger.mask(secret)).catch((err: unknown) => {
    logger.info(`The registry was not asked for ${tag} (${messageOf(err)}): building it`);
    return undefined;
  });
  if (!access) return false;
  return pullIntoEngine({ docker, ...access, tag, localRef, logger });
}

export async function ensureLocal(
  opts: EnsureImageOptions,
  content: ContextDigest,
  logger: RedactingLogger,
): Promise<ImageOutcome> {
  const docker = await engineOf(opts)();
  const ref = `${opts.localRepository}:${content.tag}`;
  const alias = opts.localAlias ? `${opts.localRepository}:${opts.localAlias}` : undefined;
  const reuse = !opts.spec.forceBuild;
  let built = false;
  if (reuse && (await engineHas(docker, ref))) {
    logger.info(`Image ${ref} is already in the engine (same content): not building it again`);
  } else if (reuse && opts.spec.repository && (await pullLocal(opts, docker, content.tag, ref, logger))) {
    // Pulled: the registry had the image of this very content.
  } else {
    const { labels } = await buildLabels({ ...opts, identity: opts.identity ?? NO_RUN_IDENTITY });
    await (opts.build ?? buildLocalImage)({ docker, spec: opts.spec, tag: ref, logger, labels, ...signalOf(opts) });
    built = true;
  }
  if (alias) await tagInEngine(docker, ref, alias);
  return { uri: alias ?? ref, tag: content.tag, built, pushed: false, source: built ? 'built' : 'found' };
}
