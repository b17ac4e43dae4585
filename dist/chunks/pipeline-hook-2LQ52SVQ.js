import {
  findReusableResult,
  recordRunResult,
  trainedFingerprint
} from "./chunk-XSKGJPZJ.js";
import "./chunk-ZIFLYHXC.js";
import "./chunk-EZNXSEHB.js";
import "./chunk-VK5EXTPS.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-6EMK3JHB.js";
import "./chunk-WAEPYHZO.js";
import "./chunk-HNNMNGSZ.js";
import "./chunk-NHSZ5FW5.js";
import "./chunk-OVMUTU22.js";
import "./chunk-G3PK4UPH.js";
import "./chunk-YOYRZ3GA.js";
import "./chunk-SZ5DK7JW.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";

// src/cache/pipeline-hook.ts
var defaultS3 = async (region) => (await import("./s3-V5YLQVFO.js")).createS3Client(region);
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
