// The Docker engine as the pipeline takes it: a client, or a function that connects. Connecting loads dockerode, so
// it happens only when an image build or local mode first asks for the engine.
import type Dockerode from 'dockerode';

import { needsEngineInfo } from '../backends/local/gpu.js';
import { createDocker, prefetchDefaultEngineInfo, prefetchEngineInfo as askEngineInfo } from '../docker-client.js';
import type { DraftRequest } from '../request.js';

export type DockerProvider = Dockerode | (() => Promise<Dockerode>);

/** The providers of the default engine (createDocker's) not connected yet. */
const unconnectedDefaults = new WeakSet<object>();

/** The engine as given, or a connection made once, the first time something asks. */
export function memoizeDocker(docker: DockerProvider = createDocker): DockerProvider {
  if (typeof docker !== 'function') return docker;
  let connected: Promise<Dockerode> | undefined;
  const provider = (): Promise<Dockerode> => {
    unconnectedDefaults.delete(provider);
    return (connected ??= docker());
  };
  if (docker === createDocker) unconnectedDefaults.add(provider);
  return provider;
}

/** Whether `request` is a local run that needs the engine's info before its containers (GPUs, isolation). */
export function asksEngineInfo(request: Pick<DraftRequest, 'mode' | 'job'>): boolean {
  return request.mode === 'local' && needsEngineInfo(request.job);
}

/**
 * Asks the default engine for its info over its socket now, when `docker` is its provider and has not connected:
 * nothing is loaded or connected for it, and the client made next takes the answer. For a local run, as soon as the
 * request is known (the pipeline itself then loads while the engine answers).
 */
export function askEngineInfoEarly(docker: DockerProvider): void {
  if (unconnectedDefaults.has(docker)) prefetchDefaultEngineInfo();
}

/**
 * Connects, and asks the engine for its info without waiting for the answer, for a local run: the answer travels
 * while the rest of the run loads (the run cache, the image step), and the backend takes it instead of making a round
 * trip of its own. A failure here is left to the run, which connects (or asks) again and reports it.
 */
export async function prefetchEngineInfo(docker: DockerProvider): Promise<void> {
  askEngineInfoEarly(docker); // the default engine is asked while dockerode loads, below
  try {
    askEngineInfo(typeof docker === 'function' ? await docker() : docker);
  } catch {
    // reported by the run
  }
}
