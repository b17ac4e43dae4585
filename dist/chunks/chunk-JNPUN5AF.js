import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  createDocker,
  prefetchEngineInfo
} from "./chunk-BGZQFWND.js";

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
