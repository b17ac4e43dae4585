// The Docker engine as the pipeline takes it: a client, or a function that connects. Connecting loads dockerode, so
// it happens only when an image build or local mode first asks for the engine.
import type Dockerode from 'dockerode';

import { createDocker, prefetchEngineInfo as askEngineInfo } from '../docker-client.js';

export type DockerProvider = Dockerode | (() => Promise<Dockerode>);

/** The engine as given, or a connection made once, the first time something asks. */
export function memoizeDocker(docker: DockerProvider = createDocker): DockerProvider {
  if (typeof docker !== 'function') return docker;
  let connected: Promise<Dockerode> | undefined;
  return () => (connected ??= docker());
}

/**
 * Connects, and asks the engine for its info without waiting for the answer, for a local run: the answer travels
 * while the rest of the run loads (the run cache, the image step), and the backend takes it instead of making a round
 * trip of its own. A failure here is left to the run, which connects (or asks) again and reports it.
 */
export async function prefetchEngineInfo(docker: DockerProvider): Promise<void> {
  try {
    askEngineInfo(typeof docker === 'function' ? await docker() : docker);
  } catch {
    // reported by the run
  }
}
