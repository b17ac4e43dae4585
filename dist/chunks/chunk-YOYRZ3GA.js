// src/wait/backoff.ts
function backoffDelay(attempt, opts) {
  const random = opts.random ?? Math.random;
  const exponential = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}
function shapeOf(err) {
  return typeof err === "object" && err !== null ? err : {};
}
function awsErrorName(err) {
  const { name, code } = shapeOf(err);
  if (typeof name === "string" && name !== "Error") return name;
  return typeof code === "string" ? code : void 0;
}
var THROTTLING_NAMES = /* @__PURE__ */ new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown"
]);
function isThrottlingError(err) {
  const name = awsErrorName(err);
  return name !== void 0 && THROTTLING_NAMES.has(name) || shapeOf(err).$metadata?.httpStatusCode === 429;
}
var NETWORK_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
function isTransientError(err) {
  if (isThrottlingError(err)) return true;
  const shape = shapeOf(err);
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === "number" && status >= 500) return true;
  if (shape.$retryable !== void 0 && shape.$retryable !== null && shape.$retryable !== false) return true;
  const name = awsErrorName(err);
  return name === "TimeoutError" || name === "InternalFailure" || name !== void 0 && NETWORK_CODES.has(name);
}
function isAccessDeniedError(err) {
  const name = awsErrorName(err);
  return name === "AccessDeniedException" || name === "AccessDenied" || name === "UnauthorizedOperation" || shapeOf(err).$metadata?.httpStatusCode === 403;
}

export {
  backoffDelay,
  awsErrorName,
  isTransientError,
  isAccessDeniedError
};
