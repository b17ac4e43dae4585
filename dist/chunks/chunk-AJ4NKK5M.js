var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_AJ4NKK5M_exports = {};
__export(chunk_AJ4NKK5M_exports, {
  createContainer: () => createContainer,
  createDocker: () => createDocker,
  engineInfo: () => engineInfo,
  prefetchDefaultEngineInfo: () => prefetchDefaultEngineInfo,
  prefetchEngineInfo: () => prefetchEngineInfo
});
module.exports = __defProp(chunk_AJ4NKK5M_exports, "__esModule", { value: true });
var import_promises = require("node:fs/promises");
var import_node_os = require("node:os");
var import_node_path = require("node:path");
async function createDocker() {
  const { default: Docker } = await Promise.resolve().then(() => require("./docker-XSAAXQMP.js"));
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
  const desktop = (0, import_node_path.join)((0, import_node_os.homedir)(), ".docker", "run", "docker.sock");
  return (0, import_promises.access)(desktop).then(
    () => desktop,
    () => "/var/run/docker.sock"
  );
}
async function infoOverSocket(socketPath) {
  const [{ request }, { json }] = await Promise.all([Promise.resolve().then(() => __toESM(require("node:http"))), Promise.resolve().then(() => __toESM(require("node:stream/consumers")))]);
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createContainer,
  createDocker,
  engineInfo,
  prefetchDefaultEngineInfo,
  prefetchEngineInfo
});
