// The Docker client, for the paths that talk to the engine (an image build, local mode, its cleanup). Loaded lazily so
// that a step (or `sagemaker-train validate`) that never talks to Docker never loads dockerode, let alone calls it.
import type Dockerode from 'dockerode';

/** A Docker client for the engine DOCKER_HOST names, or the local socket. */
export async function createDocker(): Promise<Dockerode> {
  const { default: Docker } = await import('dockerode');
  // docker-modem reads DOCKER_HOST from process.env itself: the header is decided from the same variable.
  return new Docker(talksOverSocket(process.env) ? { headers: { host: SOCKET_HOST } } : undefined);
}

/**
 * The Host header for requests over a Unix socket, where the engine ignores it. Node derives a TLS server name from
 * it on the first request, and unless the name is an IPv4 address, Node's IPv6 test on it compiles a regular
 * expression that costs ~10 ms of every run's start ("localhost", Node's default, is not one). TCP and TLS engines keep
 * their real host name.
 */
export const SOCKET_HOST = '127.0.0.1';

/** Whether docker-modem will dial a Unix socket (DOCKER_HOST unset or unix://) rather than TCP, TLS or ssh. */
export function talksOverSocket(env: NodeJS.ProcessEnv): boolean {
  const host = env.DOCKER_HOST;
  return !host || host.startsWith('unix://');
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
