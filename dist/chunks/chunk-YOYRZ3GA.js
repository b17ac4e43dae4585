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
var chunk_YOYRZ3GA_exports = {};
__export(chunk_YOYRZ3GA_exports, {
  awsErrorName: () => awsErrorName,
  backoffDelay: () => backoffDelay,
  isAccessDeniedError: () => isAccessDeniedError,
  isTransientError: () => isTransientError
});
module.exports = __defProp(chunk_YOYRZ3GA_exports, "__esModule", { value: true });
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  awsErrorName,
  backoffDelay,
  isAccessDeniedError,
  isTransientError
});
