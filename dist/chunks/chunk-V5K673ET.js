import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/pipeline/docker.ts
async function connectDocker() {
  return (await import("./docker-client-U6TOGKRG.js")).createDocker();
}
function memoizeDocker(docker = connectDocker) {
  if (typeof docker !== "function") return docker;
  let connected;
  return () => connected ??= docker();
}

export {
  memoizeDocker
};
