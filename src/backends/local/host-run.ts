// One training host of a local run, as the run's parts share it, and two small helpers they all use.
import type Dockerode from 'dockerode';

import type { MountSpec } from './containers.js';

export interface HostRun {
  host: string;
  index: number;
  mounts: MountSpec[];
  container?: Dockerode.Container;
  started: boolean;
  exitCode?: number;
}

export type CreatedHost = HostRun & { container: Dockerode.Container };

/** Why a run stopped before its hosts exited by themselves; the first reason wins. */
export type StopReason = 'aborted' | 'maxRuntime' | 'hostFailed';

/** The HTTP status of a Docker engine error (dockerode sets statusCode), if any. */
export function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null ? (err as { statusCode?: number }).statusCode : undefined;
}

/** Resolves every promise, then throws the first rejection: nothing keeps running behind a failed step's back. */
export async function allSettledOrThrow(promises: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}
