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
