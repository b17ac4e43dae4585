// How SageMaker hosting starts an inference container, as Docker create options: pure, so it is tested without Docker.
// The service runs `docker run <image> serve` with the model's archive extracted read-only into /opt/ml/model and
// expects an HTTP server on port 8080 (GET /ping, POST /invocations).
import type { ContainerCreateOptions } from 'dockerode';

export const SERVE_PORT = 8080;
export const SERVE_MODEL_DIR = '/opt/ml/model';
/** Label on a serve test's container, valued with the job name: what the post step and the tests look for. */
export const SERVE_LABEL = 'sagemaker-train.serve';

/**
 * The variables hosting sets beside the model's own Environment: the port to bind (8080 for a single container;
 * inference pipelines move it, which is why a container should read it) and the range of ports the container may use
 * for its own helpers, which never includes the serving port.
 */
export function hostingEnv(region: string, environment: Record<string, string>): Record<string, string> {
  return {
    ...environment,
    SAGEMAKER_BIND_TO_PORT: String(SERVE_PORT),
    SAGEMAKER_SAFE_PORT_RANGE: '30000-30999',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
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
 * The create options: argument `serve` (the image's own entrypoint), the model read-only, port 8080 published on the
 * loopback interface only (an ephemeral host port, so parallel runs never collide), nothing else of the host.
 */
export function serveContainerOptions(o: ServeContainerOptions): ContainerCreateOptions {
  const port = `${SERVE_PORT}/tcp`;
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

/** The host port the engine picked for 8080, from an inspect answer. */
export function publishedPort(inspect: {
  NetworkSettings?: { Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> };
}): number | undefined {
  const bindings = inspect.NetworkSettings?.Ports?.[`${SERVE_PORT}/tcp`] ?? [];
  const found = bindings.find((b) => b.HostIp === '127.0.0.1') ?? bindings[0];
  const port = Number(found?.HostPort);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}
