import {
  DockerStreamDemuxer,
  removeContainer
} from "./chunk-E32V7DX2.js";
import {
  createContainer
} from "./chunk-AJ4NKK5M.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";

// src/serve/hosting.ts
var SERVE_PORT = 8080;
var SERVE_MODEL_DIR = "/opt/ml/model";
var SERVE_LABEL = "sagemaker-train.serve";
function hostingEnv(region, environment) {
  return { ...environment, AWS_REGION: region, AWS_DEFAULT_REGION: region };
}
function bindPort(environment) {
  const set = environment.SAGEMAKER_BIND_TO_PORT;
  return set === void 0 ? SERVE_PORT : Number(set);
}
function serveContainerOptions(o) {
  const port = `${bindPort(o.environment)}/tcp`;
  return {
    name: o.name,
    Image: o.imageUri,
    Cmd: ["serve"],
    Env: Object.entries(hostingEnv(o.region, o.environment)).map(([k, v]) => `${k}=${v}`),
    Labels: { [SERVE_LABEL]: o.jobName },
    ExposedPorts: { [port]: {} },
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    HostConfig: {
      Mounts: [{ Type: "bind", Source: o.modelDir, Target: SERVE_MODEL_DIR, ReadOnly: true }],
      PortBindings: { [port]: [{ HostIp: "127.0.0.1", HostPort: "" }] }
    }
  };
}
function publishedPort(inspect, containerPort = SERVE_PORT) {
  const bindings = inspect.NetworkSettings?.Ports?.[`${containerPort}/tcp`] ?? [];
  const found = bindings.find((b) => b.HostIp === "127.0.0.1") ?? bindings[0];
  const port = Number(found?.HostPort);
  return Number.isInteger(port) && port > 0 ? port : void 0;
}

// src/serve/container.ts
async function startServing(docker, options, onCreated) {
  const container = await createContainer(docker, serveContainerOptions(options));
  onCreated(container.id);
  await container.start();
  const port = publishedPort(await container.inspect(), bindPort(options.environment));
  return { id: container.id, ...port !== void 0 ? { port } : {} };
}
async function containerState(docker, id) {
  const state = (await docker.getContainer(id).inspect()).State;
  return { running: state.Running, ...state.Running ? {} : { exitCode: state.ExitCode } };
}
async function lastLogLines(docker, id, lines) {
  try {
    const raw = await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, tail: lines });
    const parts = [];
    const demuxer = new DockerStreamDemuxer((_kind, payload) => parts.push(payload));
    demuxer.push(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
    return Buffer.concat(parts).toString("utf8").split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.length > 0).slice(-lines);
  } catch {
    return [];
  }
}
function removeServing(docker, id, logger) {
  return removeContainer(docker, id, logger);
}

// src/serve/cleanup.ts
async function cleanupServe(saved, docker, logger) {
  if (!saved.serveContainer) return;
  try {
    await removeServing(await docker(), saved.serveContainer, logger);
    logger.info(`Removed the serve test's container ${saved.serveContainer.slice(0, 12)}`);
  } catch (err) {
    logger.warning(`Could not remove the serve test's container: ${messageOf(err)}`);
  }
}

export {
  SERVE_PORT,
  SERVE_LABEL,
  hostingEnv,
  serveContainerOptions,
  startServing,
  containerState,
  lastLogLines,
  removeServing,
  cleanupServe
};
