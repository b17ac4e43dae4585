// `sagemaker-train runner`: the Fargate task's command (src/runner/). Loaded only here: the other commands never
// parse it.
import { ConsoleLogger } from '../logger.js';
import type { CliDeps, Values } from './context.js';

export async function runner(values: Values, deps: CliDeps): Promise<number> {
  // The runner is the container's PID 1, and PID 1 ignores a signal it has no handler for: a StopTask that comes
  // while the runner module loads would be lost (and the job launched). Caught from here on, and passed on.
  const early = new AbortController();
  const onEarlySignal = (signal: NodeJS.Signals): void => early.abort(new Error(`stopped by ${signal}`));
  if (deps.handleSignals) {
    process.once('SIGTERM', onEarlySignal);
    process.once('SIGINT', onEarlySignal);
  }
  const { runRunner } = await import('../runner/index.js').finally(() => {
    // runRunner installs its own handlers before its first await: no gap.
    process.off('SIGTERM', onEarlySignal);
    process.off('SIGINT', onEarlySignal);
  });
  const signal = deps.signal ? AbortSignal.any([deps.signal, early.signal]) : early.signal;
  return runRunner({
    env: deps.env,
    // Plain lines on stdout: the task's awslogs driver ships them.
    logger: deps.logger ?? new ConsoleLogger(deps.stdout, values.verbose === true),
    signal,
    ...(deps.handleSignals ? { handleSignals: true } : {}),
  });
}
