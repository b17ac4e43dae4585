var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_LZV2YA6E_exports = {};
__export(chunk_LZV2YA6E_exports, {
  SERVE_LABEL: () => SERVE_LABEL,
  SERVE_PORT: () => SERVE_PORT,
  cleanupServe: () => cleanupServe,
  containerState: () => containerState,
  hostingEnv: () => hostingEnv,
  lastLogLines: () => lastLogLines,
  removeServing: () => removeServing,
  serveContainerOptions: () => serveContainerOptions,
  startServing: () => startServing
});
module.exports = __defProp(chunk_LZV2YA6E_exports, "__esModule", { value: true });
var import_chunk_E32V7DX2 = require("./chunk-E32V7DX2.js");
var import_chunk_AJ4NKK5M = require("./chunk-AJ4NKK5M.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
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
async function startServing(docker, options, onCreated) {
  const container = await (0, import_chunk_AJ4NKK5M.createContainer)(docker, serveContainerOptions(options));
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
    const demuxer = new import_chunk_E32V7DX2.DockerStreamDemuxer((_kind, payload) => parts.push(payload));
    demuxer.push(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
    return Buffer.concat(parts).toString("utf8").split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.length > 0).slice(-lines);
  } catch {
    return [];
  }
}
function removeServing(docker, id, logger) {
  return (0, import_chunk_E32V7DX2.removeContainer)(docker, id, logger);
}
async function cleanupServe(saved, docker, logger) {
  if (!saved.serveContainer) return;
  try {
    await removeServing(await docker(), saved.serveContainer, logger);
    logger.info(`Removed the serve test's container ${saved.serveContainer.slice(0, 12)}`);
  } catch (err) {
    logger.warning(`Could not remove the serve test's container: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SERVE_LABEL,
  SERVE_PORT,
  cleanupServe,
  containerState,
  hostingEnv,
  lastLogLines,
  removeServing,
  serveContainerOptions,
  startServing
});
