import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/wait/deadline.ts
var DEADLINE_MARGIN_SECONDS = 3600;
function waitDeadlineSeconds(job) {
  return job.maxRuntimeSeconds + (job.spot?.maxWaitSeconds ?? 0) + DEADLINE_MARGIN_SECONDS;
}
function waitsOnAws(request) {
  return request.mode !== "local" && request.wait;
}

export {
  DEADLINE_MARGIN_SECONDS,
  waitDeadlineSeconds,
  waitsOnAws
};
