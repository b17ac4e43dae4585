import {
  ConsoleLogger
} from "./chunk-NBTSJA7Y.js";
import "./chunk-7VZ5H7B6.js";

// src/cli/runner.ts
async function runner(values, deps) {
  const early = new AbortController();
  const onEarlySignal = (signal2) => early.abort(new Error(`stopped by ${signal2}`));
  if (deps.handleSignals) {
    process.once("SIGTERM", onEarlySignal);
    process.once("SIGINT", onEarlySignal);
  }
  const { runRunner } = await import("./runner-YIFRV2LH.js").finally(() => {
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
