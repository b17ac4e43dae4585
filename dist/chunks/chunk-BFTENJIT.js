import {
  createDocker,
  prefetchDefaultEngineInfo,
  prefetchEngineInfo
} from "./chunk-AJ4NKK5M.js";

// src/pipeline/docker.ts
var unconnectedDefaults = /* @__PURE__ */ new WeakSet();
function memoizeDocker(docker = createDocker) {
  if (typeof docker !== "function") return docker;
  let connected;
  const provider = () => {
    unconnectedDefaults.delete(provider);
    return connected ??= docker();
  };
  if (docker === createDocker) unconnectedDefaults.add(provider);
  return provider;
}
function askEngineInfoEarly(docker) {
  if (unconnectedDefaults.has(docker)) prefetchDefaultEngineInfo();
}
async function prefetchEngineInfo2(docker) {
  askEngineInfoEarly(docker);
  try {
    prefetchEngineInfo(typeof docker === "function" ? await docker() : docker);
  } catch {
  }
}

export {
  memoizeDocker,
  askEngineInfoEarly,
  prefetchEngineInfo2 as prefetchEngineInfo
};
