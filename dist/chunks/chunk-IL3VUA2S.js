// src/backends/fargate/contract.ts
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

export {
  RunnerEnv,
  RunnerExit,
  ENVELOPE_VERSION,
  envelopeUris
};
