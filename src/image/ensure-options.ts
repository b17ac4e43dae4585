// What the image step takes and returns, shared by its parts (ensure.ts, the local engine, the registry's miss path).
import type { ECRClient } from '@aws-sdk/client-ecr';
import type Dockerode from 'dockerode';

import type { Logger } from '../logger.js';
import type { BuildImageSpec } from '../request.js';
import type { RunIdentity } from '../run-identity.js';
import type { buildLocalImage } from './build-local.js';
import type { ContextDigest } from './content-hash.js';
import type { Fetch } from './registry.js';

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
  /** The registry password variable comes from here. */
  env: Record<string, string | undefined>;
  /** The run's commit and repository, for the image's labels (default: none known). */
  identity?: RunIdentity;
  /** Hides a secret before anything can print it (the action: core.setSecret). */
  mask?: (secret: string) => void;
  /** ECR client of a region (default: @aws-sdk/client-ecr, loaded only for an ECR repository). */
  ecr?: (region: string) => Promise<ECRClient>;
  fetch?: Fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  build?: typeof buildLocalImage;
  /** The commit built (default the run's commit, else `git rev-parse HEAD` in the context, else none). */
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

/** The engine, connected on first use. */
export function engineOf(opts: EnsureImageOptions): () => Promise<Dockerode> {
  let engine: Promise<Dockerode> | undefined;
  return () => (engine ??= typeof opts.docker === 'function' ? opts.docker() : Promise.resolve(opts.docker));
}

export function signalOf(opts: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return opts.signal ? { signal: opts.signal } : {};
}
