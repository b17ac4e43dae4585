import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  findReusableResult,
  recordRunResult,
  trainedFingerprint
} from "./chunk-CRV66M3M.js";
import "./chunk-VV6DHBOK.js";
import "./chunk-6MLJGRIQ.js";
import "./chunk-MZMGGJLS.js";
import "./chunk-K7QAG5FF.js";
import "./chunk-U5SEZIOI.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-N5M5JGPS.js";
import "./chunk-VF7KJEF7.js";
import "./chunk-F5AZXM46.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-RBPMM6CA.js";
import "./chunk-B3JEVRDI.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";

// src/cache/pipeline-hook.ts
var defaultS3 = async (region) => (await import("./s3-EOISSEAY.js")).createS3Client(region);
function cacheDeps(deps) {
  const given = deps.runCache ?? {};
  return {
    ...given,
    logger: given.logger ?? deps.logger,
    env: given.env ?? deps.env ?? {},
    s3: given.s3 ?? deps.s3 ?? defaultS3,
    ...deps.ecr && !given.ecr ? { ecr: deps.ecr } : {},
    signal: given.signal ?? deps.signal
  };
}
function checkRunCache(request, deps) {
  return findReusableResult(request, cacheDeps(deps));
}
async function runCacheContext(verdict, request, image, deps) {
  const fingerprint = trainedFingerprint(verdict, request, image);
  if (!fingerprint) return void 0;
  const commit = await deps.runCache?.commit;
  return { ...fingerprint, ...commit ? { commit } : {} };
}
async function recordRun(request, context, result, deps) {
  const all = cacheDeps(deps);
  await recordRunResult({
    request,
    fingerprint: context,
    result,
    deps: { ...all, ...context.commit ? { commit: context.commit } : {} }
  });
}
export {
  checkRunCache,
  recordRun,
  runCacheContext
};
