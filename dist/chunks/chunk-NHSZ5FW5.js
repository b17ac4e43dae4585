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
var chunk_NHSZ5FW5_exports = {};
__export(chunk_NHSZ5FW5_exports, {
  isAbortError: () => isAbortError,
  setLongTimeout: () => setLongTimeout,
  sleep: () => sleep,
  throwIfAborted: () => throwIfAborted
});
module.exports = __defProp(chunk_NHSZ5FW5_exports, "__esModule", { value: true });
var AbortError = class extends Error {
  name = "AbortError";
  code = "ABORT_ERR";
  constructor(message = "The operation was aborted", options) {
    super(message, options);
  }
};
function abortError(signal) {
  const reason = signal?.reason;
  const detail = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : void 0;
  return new AbortError(detail ? `The operation was aborted: ${detail}` : void 0, { cause: reason });
}
function isAbortError(err) {
  return typeof err === "object" && err !== null && err.name === "AbortError";
}
function throwIfAborted(signal) {
  if (signal?.aborted) throw abortError(signal);
}
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms)
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var MAX_TIMER_MS = 2 ** 31 - 1;
function setLongTimeout(fn, ms) {
  let timer;
  const due = Date.now() + Math.max(0, ms);
  const arm = () => {
    const left = due - Date.now();
    timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.min(Math.max(0, left), MAX_TIMER_MS));
  };
  arm();
  return () => clearTimeout(timer);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  isAbortError,
  setLongTimeout,
  sleep,
  throwIfAborted
});
