// src/docker-client.ts
async function createDocker() {
  const { default: Docker } = await import("./docker-QY2YOQ42.js");
  return new Docker(talksOverSocket(process.env) ? { headers: { host: SOCKET_HOST } } : void 0);
}
var SOCKET_HOST = "127.0.0.1";
function talksOverSocket(env) {
  const host = env.DOCKER_HOST;
  return !host || host.startsWith("unix://");
}
var prefetched = /* @__PURE__ */ new WeakMap();
function prefetchEngineInfo(docker) {
  if (prefetched.has(docker)) return;
  const info = docker.info();
  info.catch(() => void 0);
  prefetched.set(docker, info);
}
function engineInfo(docker) {
  const info = prefetched.get(docker);
  if (!info) return docker.info();
  prefetched.delete(docker);
  return info;
}

export {
  createDocker,
  prefetchEngineInfo,
  engineInfo
};
