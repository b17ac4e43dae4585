// The image step: tag by content, skip what exists, build and push only what changed.
//
//   local: the content tag in the engine? reuse it : build it.               (never pushed)
//   push:  the content tag in the registry (HTTP API)? reuse its digest : build, push the content and commit tags.
import { execFile } from 'node:child_process';

import type { ECRClient } from '@aws-sdk/client-ecr';
import type Dockerode from 'dockerode';

import { clientConfig } from '../aws/client-config.js';
import { parseImageReference } from '../config/image-ref.js';
import { RedactingLogger, type Logger } from '../logger.js';
import type { BuildImageSpec } from '../request.js';
import { assembleOrWhy, buildSteps, tagAnchor } from './assemble/for-build.js';
import { withStepsLabel } from './steps/record.js';
import { buildLocalImage } from './build-local.js';
import { hashBuildContext, type ContextDigest } from './content-hash.js';
import { parseEcrHost } from './ecr-host.js';
import { pullIntoEngine } from './pull-local.js';
import { pushImage } from './push.js';
import { RegistryClient, type Fetch, type RegistryCredentials } from './registry.js';
import { messageOf } from '../error-message.js';

export interface ImageOutcome {
  /** What to run: `registry/path@sha256:…` after a push or a registry hit; the local reference otherwise. */
  uri: string;
  /** The content tag, `ctx-<16 hex>`. */
  tag: string;
  /** True when this run made the image (built it with the engine or assembled it in the registry). */
  built: boolean;
  /** How the image was made: assembled in the registry, built by the engine, or found (already there). */
  source?: ImageSource;
  /** One line on how it was made: the steps reused and the bytes uploaded, or why the engine built it. */
  note?: string;
  /** True when this run pushed it. */
  pushed: boolean;
  digest?: string;
}

export type ImageSource = 'assembled' | 'built' | 'found';

export interface EnsureImageOptions {
  /** The engine, or a function that connects to it the first time it is needed (a registry hit needs none). */
  docker: Dockerode | (() => Promise<Dockerode>);
  spec: BuildImageSpec;
  /** Push to spec.repository (remote modes); otherwise build into the local engine only. */
  push: boolean;
  /** Local mode: the repository of the local tags (`sagemaker-train/iris`). */
  localRepository: string;
  /** Local mode: a second, moving tag the image also gets (`local`), which `uri` then names. */
  localAlias?: string;
  logger: Logger;
  signal?: AbortSignal;
  /** GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_REPOSITORY and the password variable come from here. */
  env: Record<string, string | undefined>;
  /** Hides a secret before anything can print it (the action: core.setSecret). */
  mask?: (secret: string) => void;
  /** ECR client of a region (default: @aws-sdk/client-ecr, loaded only for an ECR repository). */
  ecr?: (region: string) => Promise<ECRClient>;
  fetch?: Fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  build?: typeof buildLocalImage;
  /** The commit built (default GITHUB_SHA, else `git rev-parse HEAD` in the context, else none). */
  revision?: () => Promise<string | undefined>;
  /** What the run cache already looked up of this very build: the context is not hashed (nor the registry asked) again. */
  lookedUp?: LookedUpImage;
}

/**
 * A build's content tag, computed once before the image step (the run cache does), and, when the registry was asked
 * for it, its answer: `registry.digest` when the tag is there, no digest when it is not.
 */
export interface LookedUpImage {
  content: ContextDigest;
  registry?: { digest?: string };
}

function gitHead(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd, timeout: 5000 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined);
    });
  });
}

async function defaultEcr(region: string): Promise<ECRClient> {
  const { ECRClient } = await import('@aws-sdk/client-ecr');
  return new ECRClient(clientConfig(region));
}

/** The OCI labels of the build: the commit and the repository it came from, when known. */
export function imageLabels(env: Record<string, string | undefined>, revision?: string): Record<string, string> {
  const server = env.GITHUB_SERVER_URL?.trim();
  const repository = env.GITHUB_REPOSITORY?.trim();
  return {
    ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
    ...(server && repository
      ? { 'org.opencontainers.image.source': `${server.replace(/\/+$/, '')}/${repository}` }
      : {}),
  };
}

/** `registry` and `path` of image.repository; a clear error when it names no registry or is malformed. */
export function parseRepository(repository: string): { registry: string; path: string } {
  const ref = parseImageReference(repository);
  if ('problem' in ref) throw new Error(`The image repository "${repository}" ${ref.problem}`);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new Error(`The image repository "${repository}" must not include a tag or digest`);
  }
  if (ref.registry === undefined) {
    throw new Error(
      `The image repository "${repository}" must include the registry host, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/${ref.path}`,
    );
  }
  return { registry: ref.registry, path: ref.path };
}

/** The engine, connected on first use. */
function engineOf(opts: EnsureImageOptions): () => Promise<Dockerode> {
  let engine: Promise<Dockerode> | undefined;
  return () => (engine ??= typeof opts.docker === 'function' ? opts.docker() : Promise.resolve(opts.docker));
}

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

/** Registry credentials: ECR's token, or the configured user name and the password from its variable, or none. */
async function registryCredentials(
  opts: EnsureImageOptions,
  registry: string,
  path: string,
  mask: (secret: string) => void,
): Promise<{ credentials?: RegistryCredentials; ecr?: ECRClient }> {
  const { spec, env } = opts;
  const ecrRegistry = parseEcrHost(registry);
  if (ecrRegistry) {
    const [client, { ecrCredentials, ensureEcrRepository }] = await Promise.all([
      (opts.ecr ?? defaultEcr)(ecrRegistry.region),
      import('./ecr.js'),
    ]);
    const credentials = await ecrCredentials({ client, registry: ecrRegistry, mask });
    if (spec.createRepository) {
      await ensureEcrRepository({
        client,
        registry: ecrRegistry,
        name: path,
        immutableTags: spec.immutableTags === true,
        logger: opts.logger,
      });
    }
    return { credentials, ecr: client };
  }
  if (spec.registryUsername === undefined) return {};
  const variable = spec.registryPasswordEnv;
  if (variable === undefined) {
    throw new Error(
      'image.registry-username is set but no password: set image.registry-password-env (or the registry-password input)',
    );
  }
  const password = env[variable];
  if (password === undefined || password === '') {
    throw new Error(`The registry password variable ${variable} (image.registry-password-env) is empty or not set`);
  }
  mask(password);
  return { credentials: { username: spec.registryUsername, password } };
}

/** The labels of a build: looked up only when something is built (git is not run for a skip). */
async function buildLabels(opts: EnsureImageOptions): Promise<{ labels: Record<string, string>; revision?: string }> {
  const given = opts.revision ? await opts.revision() : opts.env.GITHUB_SHA?.trim() || undefined;
  const revision = given ?? (opts.revision ? undefined : await gitHead(opts.spec.context));
  return { labels: imageLabels(opts.env, revision), ...(revision ? { revision } : {}) };
}

async function ensureLocal(
  opts: EnsureImageOptions,
  content: ContextDigest,
  logger: RedactingLogger,
): Promise<ImageOutcome> {
  const docker = await engineOf(opts)();
  const ref = `${opts.localRepository}:${content.tag}`;
  const alias = opts.localAlias ? `${opts.localRepository}:${opts.localAlias}` : undefined;
  let built = false;
  if (!opts.spec.forceBuild && (await engineHas(docker, ref))) {
    logger.info(`Image ${ref} is already in the engine (same content): not building it again`);
  } else if (
    !opts.spec.forceBuild &&
    opts.spec.repository &&
    (await pullLocal(opts, docker, content.tag, ref, logger))
  ) {
    // Pulled: the registry had the image of this very content.
  } else {
    const { labels } = await buildLabels(opts);
    await (opts.build ?? buildLocalImage)({ docker, spec: opts.spec, tag: ref, logger, labels, ...signalOf(opts) });
    built = true;
  }
  if (alias) await tagInEngine(docker, ref, alias);
  return { uri: alias ?? ref, tag: content.tag, built, pushed: false, source: built ? 'built' : 'found' };
}

/** Local mode: the registry's image of the same content, pulled into the engine (credentials as for a push). */
async function pullLocal(
  opts: EnsureImageOptions,
  docker: Dockerode,
  tag: string,
  localRef: string,
  logger: RedactingLogger,
): Promise<boolean> {
  const access = await registryAccess({ ...opts, spec: { ...opts.spec, createRepository: false } }, logger).catch(
    (err: unknown) => {
      logger.info(`The registry was not asked for ${tag} (${messageOf(err)}): building it`);
      return undefined;
    },
  );
  if (!access) return false;
  return pullIntoEngine({ docker, ...access, tag, localRef, logger });
}

function signalOf(opts: EnsureImageOptions): { signal?: AbortSignal } {
  return opts.signal ? { signal: opts.signal } : {};
}

interface RegistryAccess {
  path: string;
  repository: string;
  credentials?: RegistryCredentials;
  client: RegistryClient;
}

/** Credentials (ECR's token, created repository) and a client of the registry; run while the context is hashed. */
async function registryAccess(opts: EnsureImageOptions, logger: RedactingLogger): Promise<RegistryAccess> {
  const { registry, path } = parseRepository(opts.spec.repository ?? '');
  const mask = (secret: string): void => logger.mask(secret);
  const { credentials } = await registryCredentials(opts, registry, path, mask);
  const client = new RegistryClient({
    host: registry,
    ...(credentials ? { credentials } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...signalOf(opts),
    mask,
  });
  return { path, repository: `${registry}/${path}`, ...(credentials ? { credentials } : {}), client };
}

async function ensurePushed(
  opts: EnsureImageOptions,
  content: ContextDigest,
  logger: RedactingLogger,
  access: RegistryAccess,
): Promise<ImageOutcome> {
  const { spec } = opts;
  const { path, repository, credentials, client } = access;

  // The commit (a git call when GITHUB_SHA is unset) is looked up while the registry is asked; a hit drops it.
  const labelled = buildLabels(opts);
  labelled.catch(() => undefined);
  if (!spec.forceBuild) {
    // Asked already by the run cache's look-up, moments ago: not asked twice.
    const known = opts.lookedUp?.registry;
    const existing = known ? known.digest : await client.manifestDigest(path, content.tag);
    if (existing) {
      logger.info(
        `Image ${repository}:${content.tag} is already in the registry (${existing}): not building or pushing`,
      );
      const found = { uri: `${repository}@${existing}`, tag: content.tag, built: false, pushed: false };
      return { ...found, digest: existing, source: 'found' };
    }
  }

  const ref = `${repository}:${content.tag}`;
  const [{ labels, revision }, steps] = await Promise.all([labelled, buildSteps(spec, content)]);
  const revisionTag = revision && /^[0-9a-f]{7,64}$/.test(revision) ? revision : undefined;
  const assembled = await assembleOrWhy({
    steps,
    access,
    labels,
    tag: content.tag,
    revisionTag,
    force: spec.forceBuild,
  });
  if ('digest' in assembled) {
    logger.info(`Image ${ref} (${assembled.digest}) ${assembled.note}`);
    return { uri: `${repository}@${assembled.digest}`, tag: content.tag, built: true, pushed: true, ...assembled };
  }
  logger.info(`Building with the engine: ${assembled.why}`);
  const docker = await engineOf(opts)();
  await (opts.build ?? buildLocalImage)({
    docker,
    spec,
    tag: ref,
    logger,
    labels: 'keys' in steps ? withStepsLabel(steps, labels) : labels,
    ...signalOf(opts),
  });

  const push = { docker, repository, logger, ...signalOf(opts), ...(credentials ? { credentials } : {}) };
  const { digest } = await logger.group(`Push ${ref}`, async () => {
    const pushed = await pushImage({ ...push, ...(opts.sleep ? { sleep: opts.sleep } : {}), tag: content.tag });
    if (revisionTag) {
      // The commit tag points at the same manifest: one GET and one PUT, no second push through the engine.
      try {
        await client.tagManifest(path, pushed.digest, revisionTag);
        logger.info(`Tagged ${repository}:${revisionTag} (${pushed.digest})`);
      } catch (err) {
        logger.warning(`The commit tag ${revisionTag} was not added: ${messageOf(err)}`);
      }
    }
    if ('anchorTag' in steps) await tagAnchor(client, path, pushed.digest, steps.anchorTag, logger);
    return pushed;
  });
  return {
    uri: `${repository}@${digest}`,
    tag: content.tag,
    built: true,
    pushed: true,
    digest,
    source: 'built',
    note: `built by the engine: ${assembled.why}`,
  };
}

/**
 * The skip path's look-up alone: hash the context, ask the registry for the content tag. Nothing is built or pushed
 * and the engine is never touched (the run cache uses it to know the image's digest before deciding to train).
 */
export async function lookUpPushedImage(
  opts: Pick<EnsureImageOptions, 'spec' | 'logger' | 'env' | 'mask' | 'ecr' | 'fetch' | 'signal'>,
): Promise<LookedUpImage> {
  const logger = new RedactingLogger(opts.logger, opts.mask);
  const full: EnsureImageOptions = {
    ...opts,
    // A look-up creates nothing: a missing repository simply has no such tag yet.
    spec: { ...opts.spec, createRepository: false },
    docker: () => Promise.reject(new Error('the look-up never needs the engine')),
    push: true,
    localRepository: '',
  };
  try {
    const [content, access] = await Promise.all([
      hashBuildContext(opts.spec, { debug: (m) => logger.debug(m) }),
      registryAccess(full, logger),
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
function foundInRegistry(opts: EnsureImageOptions, logger: Logger): ImageOutcome | undefined {
  const digest = opts.lookedUp?.registry?.digest;
  if (!digest || opts.spec.forceBuild || !opts.lookedUp) return undefined;
  const { registry, path } = parseRepository(opts.spec.repository ?? '');
  const { tag } = opts.lookedUp.content;
  logger.info(`Image ${registry}/${path}:${tag} is already in the registry (${digest}): not building or pushing`);
  return { uri: `${registry}/${path}@${digest}`, tag, built: false, pushed: false, digest, source: 'found' };
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
    if (!opts.push) return await ensureLocal(opts, await hashed, logger);
    const found = foundInRegistry(opts, logger);
    if (found) return found;
    // The registry's credentials (an ECR token takes a round trip) and its connection while the context is hashed.
    const [content, access] = await Promise.all([
      hashed,
      registryAccess(opts, logger).then((access) => {
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
