// Client factories for the entry points. Loaded lazily so that a step (or `sagemaker-train validate`) that never
// talks to Docker or AWS never loads their libraries, let alone calls them.
import type Dockerode from 'dockerode';

/** A Docker client for the engine DOCKER_HOST names, or the local socket. */
export async function createDocker(): Promise<Dockerode> {
  const { default: Docker } = await import('dockerode');
  return new Docker();
}
