// Pushes a tag through the engine (dockerode image.push with an auth config, so the engine skips the layers the
// registry already has), summarised as one line per layer, the digest taken from the stream's aux message, and
// transient failures retried with backoff.
import type { Readable } from 'node:stream';

import type Dockerode from 'dockerode';

import type { Logger } from '../logger.js';
import { sleep as abortableSleep } from '../wait/abortable.js';
import { readJsonLines } from './json-lines.js';
import type { RegistryCredentials } from './registry.js';
import { messageOf } from '../error-message.js';

/** One JSON message of the engine's push output. */
export interface PushMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  aux?: { Tag?: string; Digest?: string; Size?: number };
  error?: string;
  errorDetail?: { message?: string };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Follows a push: a line per layer when it is done (pushed, already present, mounted), the digest, the error. */
export class PushProgress {
  digest?: string;
  error?: string;
  readonly layers = { pushed: 0, present: 0, bytes: 0 };
  private readonly sizes = new Map<string, number>();

  constructor(private readonly onLine: (line: string) => void) {}

  push(message: PushMessage): void {
    if (message.aux?.Digest) this.digest = message.aux.Digest;
    if (message.error !== undefined || message.errorDetail?.message !== undefined) {
      this.error = (message.errorDetail?.message ?? message.error ?? '').trim();
      return;
    }
    const { id, status } = message;
    if (!id || !status) return;
    const total = message.progressDetail?.total;
    if (status === 'Pushing' && total !== undefined && total > 0) this.sizes.set(id, total);
    const size = this.sizes.get(id);
    const sized = size !== undefined ? ` (${formatBytes(size)})` : '';
    if (status === 'Pushed') {
      this.layers.pushed++;
      this.layers.bytes += size ?? 0;
      this.onLine(`layer ${id}: pushed${sized}`);
    } else if (status === 'Layer already exists') {
      this.layers.present++;
      this.onLine(`layer ${id}: already present`);
    } else if (status.startsWith('Mounted from')) {
      this.layers.present++;
      this.onLine(`layer ${id}: ${status.toLowerCase()}`);
    }
  }
}

// Worth another try: the network or the registry's side hiccupped. Refusals (denied, unauthorized, unknown name,
// immutable tag) are not.
const TRANSIENT =
  /(timeout|timed out|connection reset|ECONNRESET|ECONNREFUSED|EPIPE|broken pipe|i\/o timeout|EOF|50[0234]|Service Unavailable|Bad Gateway|Gateway Time|Internal Server Error|TooManyRequests|429|try again)/i;
const REFUSAL =
  /(denied|unauthorized|authentication required|no basic auth credentials|forbidden|name unknown|immutable|tag invalid|already exists)/i;

export function isTransientPushError(message: string): boolean {
  return TRANSIENT.test(message) && !REFUSAL.test(message);
}

export interface PushImageOptions {
  docker: Dockerode;
  /** `registry/path`, without a tag. */
  repository: string;
  tag: string;
  credentials?: RegistryCredentials;
  logger: Logger;
  signal?: AbortSignal;
  /** Tries in all (default 3), with 2 s, 4 s, … between them. */
  attempts?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

async function pushOnce(
  opts: PushImageOptions,
  serveraddress: string,
): Promise<{ digest: string; progress: PushProgress }> {
  const { docker, repository, tag, logger } = opts;
  const authconfig = opts.credentials
    ? { username: opts.credentials.username, password: opts.credentials.password, serveraddress }
    : { serveraddress };
  let stream: Readable;
  try {
    stream = (await docker.getImage(repository).push({
      tag,
      authconfig,
      ...(opts.signal ? { abortSignal: opts.signal } : {}),
    })) as unknown as Readable;
  } catch (err) {
    throw new Error(`The push of ${repository}:${tag} could not start: ${messageOf(err)}`);
  }
  const progress = new PushProgress((line) => logger.info(line));
  await readJsonLines<PushMessage>(stream, (message) => progress.push(message));
  opts.signal?.throwIfAborted();
  if (progress.error !== undefined)
    throw new Error(`The registry refused the push of ${repository}:${tag}: ${progress.error}`);
  if (!progress.digest) throw new Error(`The push of ${repository}:${tag} ended without a digest`);
  return { digest: progress.digest, progress };
}

/** Pushes `repository:tag` and returns the manifest digest the registry stored. */
export async function pushImage(opts: PushImageOptions): Promise<{ digest: string }> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const sleep = opts.sleep ?? abortableSleep;
  const serveraddress = opts.repository.split('/')[0] ?? opts.repository;
  for (let attempt = 1; ; attempt++) {
    try {
      const { digest, progress } = await pushOnce(opts, serveraddress);
      const { pushed, present, bytes } = progress.layers;
      opts.logger.info(
        `Pushed ${opts.repository}:${opts.tag} (${digest}): ${pushed} layer(s) pushed (${formatBytes(bytes)}), ${present} already present`,
      );
      return { digest };
    } catch (err) {
      const message = messageOf(err);
      if (opts.signal?.aborted || attempt >= attempts || !isTransientPushError(message)) throw err;
      const delay = 2000 * 2 ** (attempt - 1);
      opts.logger.warning(`Push attempt ${attempt} of ${attempts} failed (${message}); retrying in ${delay / 1000} s`);
      await sleep(delay, opts.signal);
    }
  }
}
