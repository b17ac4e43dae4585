import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  ConsoleLogger
} from "./chunk-7CYAUQXO.js";
import "./chunk-DPCXCUBM.js";

// src/cli/runner.ts
async function runner(values, deps) {
  const early = new AbortController();
  const onEarlySignal = (signal2) => early.abort(new Error(`stopped by ${signal2}`));
  if (deps.handleSignals) {
    process.once("SIGTERM", onEarlySignal);
    process.once("SIGINT", onEarlySignal);
  }
  const { runRunner } = await import("./runner-VTAKIJML.js").finally(() => {
    process.off("SIGTERM", onEarlySignal);
    process.off("SIGINT", onEarlySignal);
  });
  const signal = deps.signal ? AbortSignal.any([deps.signal, early.signal]) : early.signal;
  return runRunner({
    env: deps.env,
    // Plain lines on stdout: the task's awslogs driver ships them.
    logger: deps.logger ?? new ConsoleLogger(deps.stdout, values.verbose === true),
    signal,
    ...deps.handleSignals ? { handleSignals: true } : {}
  });
}
export {
  runner
};
