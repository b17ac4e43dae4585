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
var pipeline_hook_2LQ52SVQ_exports = {};
__export(pipeline_hook_2LQ52SVQ_exports, {
  checkRunCache: () => checkRunCache,
  recordRun: () => recordRun,
  runCacheContext: () => runCacheContext
});
module.exports = __defProp(pipeline_hook_2LQ52SVQ_exports, "__esModule", { value: true });
var import_chunk_XSKGJPZJ = require("./chunk-XSKGJPZJ.js");
var import_chunk_ZIFLYHXC = require("./chunk-ZIFLYHXC.js");
var import_chunk_EZNXSEHB = require("./chunk-EZNXSEHB.js");
var import_chunk_VK5EXTPS = require("./chunk-VK5EXTPS.js");
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_WAEPYHZO = require("./chunk-WAEPYHZO.js");
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var defaultS3 = async (region) => (await Promise.resolve().then(() => require("./s3-V5YLQVFO.js"))).createS3Client(region);
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
  return (0, import_chunk_XSKGJPZJ.findReusableResult)(request, cacheDeps(deps));
}
async function runCacheContext(verdict, request, image, deps) {
  const fingerprint = (0, import_chunk_XSKGJPZJ.trainedFingerprint)(verdict, request, image);
  if (!fingerprint) return void 0;
  const commit = await deps.runCache?.commit;
  return { ...fingerprint, ...commit ? { commit } : {} };
}
async function recordRun(request, context, result, deps) {
  const all = cacheDeps(deps);
  await (0, import_chunk_XSKGJPZJ.recordRunResult)({
    request,
    fingerprint: context,
    result,
    deps: { ...all, ...context.commit ? { commit: context.commit } : {} }
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkRunCache,
  recordRun,
  runCacheContext
});
