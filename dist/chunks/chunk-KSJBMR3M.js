// src/pipeline/abort.ts
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

export {
  linkAbort
};
