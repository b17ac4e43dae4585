// The Docker engine as the pipeline takes it: a client, or a function that connects. Connecting loads dockerode, so
// it happens only when an image build or local mode first asks for the engine.
import type Dockerode from 'dockerode';

export type DockerProvider = Dockerode | (() => Promise<Dockerode>);

async function connectDocker(): Promise<Dockerode> {
  return (await import('../docker-client.js')).createDocker();
}

/** The engine as given, or a connection made once, the first time something asks. */
export function memoizeDocker(docker: DockerProvider = connectDocker): DockerProvider {
  if (typeof docker !== 'function') return docker;
  let connected: Promise<Dockerode> | undefined;
  return () => (connected ??= docker());
}
