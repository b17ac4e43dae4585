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
var chunk_IL3VUA2S_exports = {};
__export(chunk_IL3VUA2S_exports, {
  ENVELOPE_VERSION: () => ENVELOPE_VERSION,
  RunnerEnv: () => RunnerEnv,
  RunnerExit: () => RunnerExit,
  envelopeUris: () => envelopeUris
});
module.exports = __defProp(chunk_IL3VUA2S_exports, "__esModule", { value: true });
var RunnerEnv = {
  /** s3:// URI of request.json. Always set. */
  RequestUri: "TRAINING_REQUEST_URI",
  /** The same JSON inline, when it fits in RunTask's 8 KiB of overrides (saves the runner a GET at start). */
  RequestJson: "TRAINING_REQUEST_JSON"
};
var RunnerExit = {
  /** The job completed; result.json written. */
  Completed: 0,
  /** The runner itself failed before or while running the job (result.json written when it could be). */
  Error: 1,
  /** The request could not be read or is not valid; nothing was launched. */
  BadRequest: 2,
  /** The job ended Failed (result.json says why). */
  JobFailed: 10,
  /** The job was stopped (SIGTERM from StopTask, or by someone else); result.json written. */
  JobStopped: 11
};
var ENVELOPE_VERSION = 1;
function envelopeUris(outputUri, jobName) {
  const base = `${outputUri.replace(/\/+$/, "")}/${jobName}`;
  return { requestUri: `${base}/request.json`, resultUri: `${base}/result.json` };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ENVELOPE_VERSION,
  RunnerEnv,
  RunnerExit,
  envelopeUris
});
