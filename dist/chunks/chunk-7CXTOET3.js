import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/action/signals.ts
function abortOnSignals(options) {
  const source = options.source ?? process;
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
  abortOnSignals
};
