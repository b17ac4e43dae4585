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
var chunk_KSJBMR3M_exports = {};
__export(chunk_KSJBMR3M_exports, {
  linkAbort: () => linkAbort
});
module.exports = __defProp(chunk_KSJBMR3M_exports, "__esModule", { value: true });
function linkAbort(options) {
  const controller = new AbortController();
  const external = options.signal;
  const onExternal = () => controller.abort(external?.reason);
  if (external?.aborted) onExternal();
  external?.addEventListener("abort", onExternal, { once: true });
  const removeHandlers = options.signals ? abortOnSignals({ controller, logger: options.logger, source: options.signals, ...second(options) }) : () => void 0;
  return {
    signal: controller.signal,
    dispose: () => {
      removeHandlers();
      external?.removeEventListener("abort", onExternal);
    }
  };
}
function second(options) {
  return options.onSecondSignal ? { onSecondSignal: options.onSecondSignal } : {};
}
function abortOnSignals(options) {
  const { source } = options;
  let received = 0;
  const handler = (signal) => {
    received++;
    if (received === 1) {
      options.logger.warning(`Received ${signal}: stopping the training job\u2026`);
      options.controller.abort(new Error(`stopped by ${signal}`));
    } else {
      options.onSecondSignal?.(signal);
    }
  };
  source.on("SIGINT", handler);
  source.on("SIGTERM", handler);
  return () => {
    source.off("SIGINT", handler);
    source.off("SIGTERM", handler);
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  linkAbort
});
