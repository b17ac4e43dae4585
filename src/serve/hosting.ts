// How SageMaker hosting starts an inference container, as Docker create options: pure, so it is tested without Docker.
// The service runs `docker run <image> serve` with the model's archive extracted read-only into /opt/ml/model and
// expects an HTTP server on port 8080 (GET /ping, POST /invocations).
import type { ContainerCreateOptions } from 'dockerode';

export const SERVE_PORT = 8080;
export const SERVE_MODEL_DIR = '/opt/ml/model';
/** Label on a serve test's container, valued with the job name: what the post step and the tests look for. */
export const SERVE_LABEL = 'sagemaker-train.serve';

/**
 * The variables the container is given: the model's own Environment (`serve.environment`) and the region. A single
 * container endpoint is given no port variable and must listen on 8080; SAGEMAKER_BIND_TO_PORT (the port to listen
 * on) and SAGEMAKER_SAFE_PORT_RANGE (an inclusive "XXXX-YYYY" range for a second port) are set by SageMaker only in
 * inference pipelines, so the test sets them only when `serve.environment` does, to stand in for a pipeline.
 */
export function hostingEnv(region: string, environment: Record<string, string>): Record<string, string> {
  return { ...environment, AWS_REGION: region, AWS_DEFAULT_REGION: region };
}

/** The port the server must listen on: SAGEMAKER_BIND_TO_PORT when the environment sets it (as a pipeline would). */
export function bindPort(environment: Record<string, string>): number {
  const set = environment.SAGEMAKER_BIND_TO_PORT;
  return set === undefined ? SERVE_PORT : Number(set);
}

export interface ServeContainerOptions {
  name: string;
  imageUri: string;
  /** Host folder holding the extracted model.tar.gz. */
  modelDir: string;
  region: string;
  environment: Record<string, string>;
  jobName: string;
}

/**
 * The create options: argument `serve` (the image's own entrypoint), the model read-only, port 8080 (or the
 * configured SAGEMAKER_BIND_TO_PORT) published on the
 * loopback interface only (an ephemeral host port, so parallel runs never collide), nothing else of the host.
 */
export function serveContainerOptions(o: ServeContainerOptions): ContainerCreateOptions {
  const port = `${bindPort(o.environment)}/tcp`;
  return {
    name: o.name,
    Image: o.imageUri,
    Cmd: ['serve'],
    Env: Object.entries(hostingEnv(o.region, o.environment)).map(([k, v]) => `${k}=${v}`),
    Labels: { [SERVE_LABEL]: o.jobName },
    ExposedPorts: { [port]: {} },
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    HostConfig: {
      Mounts: [{ Type: 'bind', Source: o.modelDir, Target: SERVE_MODEL_DIR, ReadOnly: true }],
      PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
    },
  };
}

/** The host port the engine picked for the serving port, from an inspect answer. */
export function publishedPort(
  inspect: { NetworkSettings?: { Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> } },
  containerPort: number = SERVE_PORT,
): number | undefined {
  const bindings = inspect.NetworkSettings?.Ports?.[`${containerPort}/tcp`] ?? [];
  const found = bindings.find((b) => b.HostIp === '127.0.0.1') ?? bindings[0];
  const port = Number(found?.HostPort);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}
