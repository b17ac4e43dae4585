// The Docker client, for the paths that talk to the engine (an image build, local mode, its cleanup). Loaded lazily so
// that a step (or `sagemaker-train validate`) that never talks to Docker never loads dockerode, let alone calls it.
import { access } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';

/** A Docker client for the engine DOCKER_HOST names, or the local socket. */
export async function createDocker(): Promise<Dockerode> {
  const { default: Docker } = await import('dockerode');
  // docker-modem reads DOCKER_HOST from process.env itself: the header is decided from the same variable.
  const docker = new Docker(talksOverSocket(process.env) ? { headers: { host: SOCKET_HOST } } : undefined);
  const early = defaultEngineInfo;
  defaultEngineInfo = undefined;
  // A failure of the early request is not reported as such: the client asks again, and its error is the one seen.
  if (early)
    prefetched.set(
      docker,
      early.catch(() => docker.info() as Promise<unknown>),
    );
  return docker;
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
let defaultEngineInfo: Promise<unknown> | undefined;

/**
 * The socket docker-modem dials for `env`, chosen as it chooses it (lib/modem.js): DOCKER_HOST's unix:// path, else
 * Docker Desktop's ~/.docker/run/docker.sock when it exists, else /var/run/docker.sock (a named pipe on Windows).
 */
export async function engineSocket(env: NodeJS.ProcessEnv): Promise<string> {
  const named = env.DOCKER_HOST?.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : '';
  if (named) return named;
  if (process.platform === 'win32') return '//./pipe/docker_engine';
  const desktop = join(homedir(), '.docker', 'run', 'docker.sock');
  return access(desktop).then(
    () => desktop,
    () => '/var/run/docker.sock',
  );
}

/** GET /info over the engine's socket with Node's own http: what dockerode's info() returns, without dockerode. */
async function infoOverSocket(socketPath: string): Promise<unknown> {
  const [{ request }, { json }] = await Promise.all([import('node:http'), import('node:stream/consumers')]);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    // A one-off request: its connection is closed after it (dockerode dials its own).
    const req = request({ socketPath, path: '/info', headers: { host: SOCKET_HOST }, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
  if (res.statusCode !== 200) {
    res.resume();
    throw new Error(`docker info: HTTP ${res.statusCode ?? '?'}`);
  }
  return json(res);
}

/**
 * Asks the engine of process.env (a socket engine only) for `docker info` before a client exists: loading dockerode
 * takes tens of milliseconds, and the engine's answer as long again. The next client createDocker makes takes the
 * answer. False when the engine is reached otherwise (TCP, TLS, ssh): then a client must ask.
 */
export function prefetchDefaultEngineInfo(): boolean {
  if (!talksOverSocket(process.env)) return false;
  if (!defaultEngineInfo) {
    defaultEngineInfo = engineSocket(process.env).then(infoOverSocket);
    defaultEngineInfo.catch(() => undefined); // the client asks again
  }
  return true;
}

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

/**
 * Creates a container: its name in the URL, its configuration in the body only. Handed the options alone, dockerode
 * writes every one of them into the URL as well (`Env` among them, with any credentials a run hands its containers),
 * where the engine's debug log and a proxy's access log would show them.
 */
export function createContainer(
  docker: Dockerode,
  options: Dockerode.ContainerCreateOptions,
): Promise<Dockerode.Container> {
  const { name, ...config } = options;
  // docker-modem's own split of a request's options: `_query` for the URL, `_body` for the JSON body.
  const split = { _query: name === undefined ? {} : { name }, _body: config };
  return docker.createContainer(split as Dockerode.ContainerCreateOptions);
}

/** The engine's `docker info`: a prefetched answer (taken once), else a new request. */
export function engineInfo(docker: Dockerode): Promise<unknown> {
  const info = prefetched.get(docker);
  if (!info) return docker.info() as Promise<unknown>;
  prefetched.delete(docker);
  return info;
}
