// The Docker client, for the paths that talk to the engine (an image build, local mode, its cleanup). Loaded lazily so
// that a step (or `sagemaker-train validate`) that never talks to Docker never loads dockerode, let alone calls it.
import type Dockerode from 'dockerode';

/** A Docker client for the engine DOCKER_HOST names, or the local socket. */
export async function createDocker(): Promise<Dockerode> {
  const { default: Docker } = await import('dockerode');
  return new Docker();
}
