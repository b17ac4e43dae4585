var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_IULFMOT4_exports = {};
__export(chunk_IULFMOT4_exports, {
  DEADLINE_MARGIN_SECONDS: () => DEADLINE_MARGIN_SECONDS,
  waitDeadlineSeconds: () => waitDeadlineSeconds,
  waitsOnAws: () => waitsOnAws
});
module.exports = __defProp(chunk_IULFMOT4_exports, "__esModule", { value: true });
var DEADLINE_MARGIN_SECONDS = 3600;
function waitDeadlineSeconds(job) {
  return job.maxRuntimeSeconds + (job.spot?.maxWaitSeconds ?? 0) + DEADLINE_MARGIN_SECONDS;
}
function waitsOnAws(request) {
  return request.mode !== "local" && request.wait;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DEADLINE_MARGIN_SECONDS,
  waitDeadlineSeconds,
  waitsOnAws
});
