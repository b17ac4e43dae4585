// The running phase of a local run: start algo-1..N, stream their output, wait for them, and stop every host when
// one fails, when max runtime is reached or when the run is cancelled.
import type { Readable } from 'node:stream';

import type { Logger } from '../../logger.js';
import { messageOf } from '../../error-message.js';
import { setLongTimeout, sleep } from '../../wait/abortable.js';
import type { HostLog } from '../host-log.js';
import { isGpuRefusal } from './gpu.js';
import { allSettledOrThrow, type CreatedHost, type HostRun, statusOf, type StopReason } from './host-run.js';
import { followContainerOutput } from './logs.js';

/** Grace the service gives a container between SIGTERM and SIGKILL when max runtime is reached. */
export const MAX_RUNTIME_GRACE_SECONDS = 120;
const LOG_DRAIN_TIMEOUT_MS = 5_000;

export interface LifecycleOptions {
  hosts: HostRun[];
  logger: Logger;
  hostLog: HostLog;
  signal: AbortSignal;
  imageUri: string;
  maxRuntimeSeconds: number;
  cancelGraceSeconds: number;
  now: () => Date;
  /** The clear error for an engine that refuses a GPU request docker info gave no sign it could serve. */
  gpuRefusal?: string;
  /** Work for this process while the engine starts the containers (about half a second of waiting). */
  whileStarting?: () => void;
}

export class HostLifecycle {
  stopReason?: StopReason;
  firstFailed?: HostRun;
  trainingStart?: Date;
  trainingEnd?: Date;

  constructor(private readonly opts: LifecycleOptions) {}

  /** Starts the hosts that were created, follows their output and resolves once every one has exited. */
  async run(): Promise<void> {
    const hosts = this.opts.hosts.filter((h): h is CreatedHost => !!h.container);
    const streams = await Promise.all(
      hosts.map(
        async (h) => (await h.container.attach({ stream: true, stdout: true, stderr: true })) as unknown as Readable,
      ),
    );
    const logsDone = hosts.map((h, i) =>
      followContainerOutput(streams[i] as Readable, (line) => this.opts.hostLog.line(h.host, line)),
    );
    const { signal } = this.opts;
    const onAbort = (): void => this.stopAll('aborted', this.opts.cancelGraceSeconds);
    signal.addEventListener('abort', onAbort, { once: true });
    const cancelMaxRuntime = setLongTimeout(() => this.onMaxRuntime(), this.opts.maxRuntimeSeconds * 1000);
    try {
      if (signal.aborted) {
        this.stopReason ??= 'aborted';
        for (const stream of streams) stream.destroy();
        return;
      }
      this.trainingStart = this.opts.now();
      this.opts.logger.info(`Starting ${hosts.map((h) => h.host).join(', ')} (image ${this.opts.imageUri})`);
      const starting = allSettledOrThrow(hosts.map((h) => this.startHost(h)));
      this.opts.whileStarting?.();
      await starting;
      await Promise.all(hosts.map((h) => this.waitHost(h)));
      this.trainingEnd = this.opts.now();
      await drainLogs(logsDone, streams);
    } finally {
      cancelMaxRuntime();
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** After an error mid-run: hosts still running are stopped before their artifacts are read. */
  async stopRunning(): Promise<void> {
    const running = this.opts.hosts.filter((h) => h.started && h.exitCode === undefined);
    await Promise.all(running.map((h) => this.stopHost(h, this.opts.cancelGraceSeconds)));
  }

  private onMaxRuntime(): void {
    this.opts.logger.warning(
      `Max runtime of ${this.opts.maxRuntimeSeconds} s reached: stopping (SIGTERM, ${MAX_RUNTIME_GRACE_SECONDS} s grace)`,
    );
    this.stopAll('maxRuntime', MAX_RUNTIME_GRACE_SECONDS);
  }

  private async startHost(h: CreatedHost): Promise<void> {
    try {
      await h.container.start();
    } catch (err) {
      if (this.opts.gpuRefusal && isGpuRefusal(err))
        throw new Error(`${this.opts.gpuRefusal} The engine said: ${messageOf(err)}`);
      throw err;
    }
    h.started = true;
    // A stop requested while this host was starting must reach it too.
    if (this.stopReason) await this.stopHost(h, this.opts.cancelGraceSeconds);
  }

  private async waitHost(h: CreatedHost): Promise<void> {
    const { StatusCode } = (await h.container.wait()) as { StatusCode: number };
    h.exitCode = StatusCode;
    if (StatusCode !== 0 && !this.stopReason) {
      this.firstFailed = h;
      this.opts.logger.error(`${h.host} exited with code ${StatusCode}: stopping the other hosts`);
      this.stopAll('hostFailed', this.opts.cancelGraceSeconds);
    }
  }

  /** Records why the run stops (the first reason wins) and stops every running host with `graceSeconds`. */
  private stopAll(reason: StopReason, graceSeconds: number): void {
    this.stopReason ??= reason;
    for (const h of this.opts.hosts) void this.stopHost(h, graceSeconds);
  }

  private async stopHost(h: HostRun, graceSeconds: number): Promise<void> {
    if (!h.container || !h.started || h.exitCode !== undefined) return;
    try {
      await h.container.stop({ t: Math.max(0, Math.round(graceSeconds)) });
    } catch (err) {
      const status = statusOf(err);
      if (status !== 304 && status !== 404) this.opts.logger.warning(`Could not stop ${h.host}: ${messageOf(err)}`);
    }
  }
}

/** The attach streams end when the containers exit; a stream the engine keeps open is cut after a short wait. */
async function drainLogs(logsDone: Promise<void>[], streams: Readable[]): Promise<void> {
  const drained = new AbortController();
  await Promise.race([Promise.all(logsDone), sleep(LOG_DRAIN_TIMEOUT_MS, drained.signal).catch(() => undefined)]);
  drained.abort();
  for (const stream of streams) stream.destroy();
}
