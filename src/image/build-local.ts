// Builds an image on the local engine through dockerode (no docker CLI): the context streamed as a tar, the build's
// output streamed to the logger, and a failure reported with its step and the output that led to it.
import type { Readable } from 'node:stream';

import type Dockerode from 'dockerode';

import type { Logger } from '../logger.js';
import type { BuildImageSpec } from '../request.js';
import { createContextTar } from './context-tar.js';
import { readJsonLines } from './json-lines.js';
import { messageOf } from '../error-message.js';

/** One JSON message of the engine's build output. */
export interface BuildMessage {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { code?: number; message?: string };
  aux?: { ID?: string };
}

const TAIL_LINES = 20;
const STEP = /^Step \d+\/\d+ : /;
// Builder chatter that says nothing about why a step failed.
const NOISE = /^( ---> |Removing intermediate container |Successfully (built|tagged) )/;
// The classic builder paints a RUN step's stderr red (ESC[91m … ESC[0m); colour codes are dropped.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Follows a build's messages: logs each line, remembers the current step, its last lines, the image id, the error. */
export class BuildProgress {
  imageId?: string;
  error?: string;
  private step?: string;
  private tail: string[] = [];
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(message: BuildMessage): void {
    if (message.aux?.ID) this.imageId = message.aux.ID;
    if (message.stream !== undefined) this.pushText(message.stream);
    else if (message.status !== undefined) this.line(message.status);
    if (message.error !== undefined || message.errorDetail?.message !== undefined) {
      this.flush();
      this.error = (message.errorDetail?.message ?? message.error ?? '').trim();
    }
  }

  flush(): void {
    if (this.partial !== '') this.line(this.partial);
    this.partial = '';
  }

  /** The error to throw: the failing step, the engine's message and the step's last output lines. */
  failureMessage(tag: string): string {
    const where = this.step ? ` at ${this.step}` : '';
    const lines = this.tail.length > 0 ? `\nLast output lines:\n${this.tail.map((l) => `  ${l}`).join('\n')}` : '';
    return `Image build of ${tag} failed${where}: ${this.error ?? 'unknown error'}${lines}`;
  }

  private pushText(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.line(part.replace(/\r$/, ''));
  }

  private line(raw: string): void {
    const line = raw.replace(SGR, '');
    this.onLine(line);
    if (STEP.test(line)) {
      this.step = line.replace(/ : /, ': ').trim();
      this.tail = [];
    } else if (line.trim() !== '' && !NOISE.test(line)) {
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
  }
}

/** Query parameters of POST /build (undefined ones left out: the engine would read an empty target as a name). */
export function buildOptions(opts: {
  spec: BuildImageSpec;
  tag: string;
  dockerfileName: string;
  labels?: Record<string, string>;
}): Record<string, unknown> {
  const { spec } = opts;
  return {
    t: opts.tag,
    dockerfile: opts.dockerfileName,
    rm: true,
    forcerm: true,
    ...(Object.keys(spec.buildArgs).length > 0 ? { buildargs: spec.buildArgs } : {}),
    ...(spec.target ? { target: spec.target } : {}),
    ...(spec.platform ? { platform: spec.platform } : {}),
    ...(opts.labels && Object.keys(opts.labels).length > 0 ? { labels: opts.labels } : {}),
  };
}

export async function buildLocalImage(opts: {
  docker: Dockerode;
  spec: BuildImageSpec;
  tag: string;
  logger: Logger;
  signal?: AbortSignal;
  labels?: Record<string, string>;
}): Promise<{ imageId: string; tag: string }> {
  const { docker, spec, tag, logger } = opts;
  return logger.group(`Build image ${tag}`, async () => {
    const context = await createContextTar({ context: spec.context, dockerfile: spec.dockerfile });
    const options = buildOptions({ spec, tag, dockerfileName: context.dockerfileName, labels: opts.labels });
    let response: Readable;
    try {
      response = (await docker.buildImage(context.stream, {
        ...options,
        ...(opts.signal ? { abortSignal: opts.signal } : {}),
      })) as unknown as Readable;
    } catch (err) {
      context.stream.destroy();
      throw new Error(`Image build of ${tag} could not start: ${messageOf(err)}`);
    }
    const progress = new BuildProgress((line) => logger.info(line));
    // A line that is not JSON is build output all the same.
    await readJsonLines<BuildMessage>(
      response,
      (message) => progress.push(message),
      (text) => progress.push({ stream: `${text}\n` }),
    );
    progress.flush();
    opts.signal?.throwIfAborted();
    if (progress.error !== undefined) throw new Error(progress.failureMessage(tag));
    const imageId = progress.imageId ?? (await docker.getImage(tag).inspect()).Id;
    logger.info(`Built ${tag} (${imageId})`);
    return { imageId, tag };
  });
}
