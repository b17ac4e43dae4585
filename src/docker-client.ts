// The Docker client, for the paths that talk to the engine (an image build, local mode, its cleanup). Loaded lazily so
// that a step (or `sagemaker-train validate`) that never talks to Docker never loads dockerode, let alone calls it.
import type Dockerode from 'dockerode';

/** A Docker client for the engine DOCKER_HOST names, or the local socket. */
export async function createDocker(): Promise<Dockerode> {
  const { default: Docker } = await import('dockerode');
  return new Docker();
}

const prefetched = new WeakMap<Dockerode, Promise<unknown>>();

/**
 * Asks the engine for `docker info` now, for a local run about to start: the answer travels while the rest of the
 * run is loaded and prepared, and the run takes it with engineInfo instead of waiting for a round trip of its own.
 */
export function prefetchEngineInfo(docker: Dockerode): void {
  if (prefetched.has(docker)) return;
  const info = docker.info() as Promise<unknown>;
  info.catch(() => undefined); // the run that takes it sees the error
  prefetched.set(docker, info);
}

/** The engine's `docker info`: a prefetched answer (taken once), else a new request. */
export function engineInfo(docker: Dockerode): Promise<unknown> {
  const info = prefetched.get(docker);
  if (!info) return docker.info() as Promise<unknown>;
  prefetched.delete(docker);
  return info;
}
