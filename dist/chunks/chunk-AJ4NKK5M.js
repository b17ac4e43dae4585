// src/docker-client.ts
import { access } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
async function createDocker() {
  const { default: Docker } = await import("./docker-XSAAXQMP.js");
  const docker = new Docker(talksOverSocket(process.env) ? { headers: { host: SOCKET_HOST } } : void 0);
  const early = defaultEngineInfo;
  defaultEngineInfo = void 0;
  if (early)
    prefetched.set(
      docker,
      early.catch(() => docker.info())
    );
  return docker;
}
var SOCKET_HOST = "127.0.0.1";
function talksOverSocket(env) {
  const host = env.DOCKER_HOST;
  return !host || host.startsWith("unix://");
}
var prefetched = /* @__PURE__ */ new WeakMap();
var defaultEngineInfo;
async function engineSocket(env) {
  const named = env.DOCKER_HOST?.startsWith("unix://") ? env.DOCKER_HOST.slice("unix://".length) : "";
  if (named) return named;
  if (process.platform === "win32") return "//./pipe/docker_engine";
  const desktop = join(homedir(), ".docker", "run", "docker.sock");
  return access(desktop).then(
    () => desktop,
    () => "/var/run/docker.sock"
  );
}
async function infoOverSocket(socketPath) {
  const [{ request }, { json }] = await Promise.all([import("node:http"), import("node:stream/consumers")]);
  const res = await new Promise((resolve, reject) => {
    const req = request({ socketPath, path: "/info", headers: { host: SOCKET_HOST }, agent: false }, resolve);
    req.on("error", reject);
    req.end();
  });
  if (res.statusCode !== 200) {
    res.resume();
    throw new Error(`docker info: HTTP ${res.statusCode ?? "?"}`);
  }
  return json(res);
}
function prefetchDefaultEngineInfo() {
  if (!talksOverSocket(process.env)) return false;
  if (!defaultEngineInfo) {
    defaultEngineInfo = engineSocket(process.env).then(infoOverSocket);
    defaultEngineInfo.catch(() => void 0);
  }
  return true;
}
function prefetchEngineInfo(docker) {
  if (prefetched.has(docker)) return;
  const info = docker.info();
  info.catch(() => void 0);
  prefetched.set(docker, info);
}
function createContainer(docker, options) {
  const { name, ...config } = options;
  const split = { _query: name === void 0 ? {} : { name }, _body: config };
  return docker.createContainer(split);
}
function engineInfo(docker) {
  const info = prefetched.get(docker);
  if (!info) return docker.info();
  prefetched.delete(docker);
  return info;
}

export {
  createDocker,
  prefetchDefaultEngineInfo,
  prefetchEngineInfo,
  createContainer,
  engineInfo
};
