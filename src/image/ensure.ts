// The image step: tag by content, skip what exists, build and push only what changed.
//
//   local: the content tag in the engine? reuse it : pull it from the registry, or build it.   (never pushed)
//   push:  the content tag in the registry (HTTP API)? reuse its digest : assemble it there, or build and push it.
//
// A registry hit, the common case, loads none of the build, assembly and push code (make-image.ts, ensure-local.ts).
import { messageOf } from '../error-message.js';
import { RedactingLogger } from '../logger.js';
import { NO_RUN_IDENTITY } from '../run-identity.js';
import { hashBuildContext, type ContextDigest } from './content-hash.js';
import type { EnsureImageOptions, ImageOutcome, LookedUpImage } from './ensure-options.js';
import { buildLabels } from './labels.js';
import { parseRepository, registryAccess, type AccessOptions, type RegistryAccess } from './registry-access.js';

export type { EnsureImageOptions, ImageOutcome, ImageSource, LookedUpImage } from './ensure-options.js';

/**
 * The skip path's look-up alone: hash the context, ask the registry for the content tag. Nothing is built or pushed
 * and the engine is never touched (the run cache uses it to know the image's digest before deciding to train).
 */
export async function lookUpPushedImage(
  opts: Pick<EnsureImageOptions, 'spec' | 'logger' | 'env' | 'mask' | 'ecr' | 'fetch' | 'signal'>,
): Promise<LookedUpImage> {
  const logger = new RedactingLogger(opts.logger, opts.mask);
  // A look-up creates nothing: a missing repository simply has no such tag yet.
  const lookUp: AccessOptions = { ...opts, spec: { ...opts.spec, createRepository: false } };
  try {
    const [content, access] = await Promise.all([
      hashBuildContext(opts.spec, { debug: (m) => logger.debug(m) }),
      registryAccess(lookUp, (secret) => logger.mask(secret)),
    ]);
    const digest = await access.client.manifestDigest(access.path, content.tag);
    return { content, registry: digest ? { digest } : {} };
  } catch (err) {
    throw new Error(logger.redact(messageOf(err)));
  }
}

/** The content tag: the one the run cache computed for this build, or hashed now. */
function contentOf(opts: EnsureImageOptions, logger: RedactingLogger): Promise<ContextDigest> {
  const known = opts.lookedUp?.content;
  if (known) {
    logger.info(`Content tag ${known.tag}: ${known.files} file(s), hashed once for the run cache`);
    return Promise.resolve(known);
  }
  const started = Date.now();
  return hashBuildContext(opts.spec, { debug: (message) => logger.debug(message) }).then((content) => {
    const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);
    const byGit = content.gitFiles > 0 ? `, ${content.gitFiles} by git blob id` : '';
    logger.info(
      `Content tag ${content.tag}: ${content.files} file(s), ${mib(content.bytes)} MiB (${mib(content.readBytes)} MiB read${byGit}) in ${((Date.now() - started) / 1000).toFixed(2)} s`,
    );
    return content;
  });
}

/** The image the run cache's look-up found in the registry: no credentials, no second request. */
function foundInRegistry(opts: EnsureImageOptions, logger: RedactingLogger): ImageOutcome | undefined {
  const digest = opts.lookedUp?.registry?.digest;
  if (!digest || opts.spec.forceBuild || !opts.lookedUp) return undefined;
  const { registry, path } = parseRepository(opts.spec.repository ?? '');
  return found(`${registry}/${path}`, opts.lookedUp.content.tag, digest, logger);
}

function found(repository: string, tag: string, digest: string, logger: RedactingLogger): ImageOutcome {
  logger.info(`Image ${repository}:${tag} is already in the registry (${digest}): not building or pushing`);
  return { uri: `${repository}@${digest}`, tag, built: false, pushed: false, digest, source: 'found' };
}

/** Remote modes: the registry's image of the content tag, or one made now (make-image.ts, loaded only then). */
async function ensurePushed(
  opts: EnsureImageOptions,
  content: ContextDigest,
  logger: RedactingLogger,
  access: RegistryAccess,
): Promise<ImageOutcome> {
  if (!opts.spec.forceBuild) {
    // Asked already by the run cache's look-up, moments ago: not asked twice.
    const known = opts.lookedUp?.registry;
    const existing = known ? known.digest : await access.client.manifestDigest(access.path, content.tag);
    if (existing) return found(access.repository, content.tag, existing, logger);
  }
  // The commit (a git call when GITHUB_SHA is unset) is looked up while the build code loads.
  const labelled = buildLabels({ ...opts, identity: opts.identity ?? NO_RUN_IDENTITY });
  labelled.catch(() => undefined);
  const { makeImage } = await import('./make-image.js');
  return makeImage({ opts, content, logger, access, labelled });
}

/**
 * Makes sure the image of `spec` exists where it will run, building and pushing only what changed. Everything it
 * prints, and the message of anything it throws, has the registry secrets replaced by ***.
 */
export async function ensureImage(opts: EnsureImageOptions): Promise<ImageOutcome> {
  const logger = new RedactingLogger(opts.logger, opts.mask);
  try {
    if (opts.push && !opts.spec.repository) throw new Error('image.repository is required to push the image');
    if (opts.push) parseRepository(opts.spec.repository ?? '');
    const hashed = contentOf(opts, logger);
    if (!opts.push) {
      const [{ ensureLocal }, content] = await Promise.all([import('./ensure-local.js'), hashed]);
      return await ensureLocal(opts, content, logger);
    }
    const known = foundInRegistry(opts, logger);
    if (known) return known;
    // The registry's credentials (an ECR token takes a round trip) and its connection while the context is hashed.
    const [content, access] = await Promise.all([
      hashed,
      registryAccess(opts, (secret) => logger.mask(secret)).then((access) => {
        access.client.warmUp();
        return access;
      }),
    ]);
    opts.signal?.throwIfAborted();
    return await ensurePushed(opts, content, logger, access);
  } catch (err) {
    if (err instanceof Error) {
      err.message = logger.redact(err.message);
      if (err.stack) err.stack = logger.redact(err.stack);
      throw err;
    }
    throw new Error(logger.redact(String(err)));
  }
}
