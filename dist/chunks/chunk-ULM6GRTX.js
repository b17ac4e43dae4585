import {
  createDocker,
  prefetchEngineInfo
} from "./chunk-VAZV35DJ.js";

// src/pipeline/docker.ts
function memoizeDocker(docker = createDocker) {
  if (typeof docker !== "function") return docker;
  let connected;
  return () => connected ??= docker();
}
async function prefetchEngineInfo2(docker) {
  try {
    prefetchEngineInfo(typeof docker === "function" ? await docker() : docker);
  } catch {
  }
}

export {
  memoizeDocker,
  prefetchEngineInfo2 as prefetchEngineInfo
};
