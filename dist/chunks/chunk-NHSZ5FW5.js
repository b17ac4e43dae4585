// src/wait/abortable.ts
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

export {
  isAbortError,
  throwIfAborted,
  sleep,
  setLongTimeout
};
