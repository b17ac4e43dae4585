// The one place that turns the ways a run can be told to stop (SIGINT/SIGTERM, a caller's AbortSignal) into the one
// AbortSignal the run watches. Used by every entry point: the action's main step, the CLI and the Fargate runner.
import type { Logger } from '../logger.js';

export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface LinkAbortOptions {
  logger: Logger;
  /** A caller's signal (a test, or the runner's early SIGTERM catcher) that aborts the run too. */
  signal?: AbortSignal;
  /** Where SIGINT/SIGTERM come from; absent: no handlers are installed. Pass `process` in a real process. */
  signals?: SignalSource;
  /** A second signal: the CLI exits at once, the action keeps reporting until the runner kills it. */
  onSecondSignal?: (signal: NodeJS.Signals) => void;
}

export interface LinkedAbort {
  signal: AbortSignal;
  /** Removes the handlers and listeners (the run is over). */
  dispose(): void;
}

/** One AbortSignal for the run, aborted by the first SIGINT/SIGTERM or by the caller's signal. */
export function linkAbort(options: LinkAbortOptions): LinkedAbort {
  const controller = new AbortController();
  const external = options.signal;
  const onExternal = (): void => controller.abort(external?.reason);
  if (external?.aborted) onExternal();
  external?.addEventListener('abort', onExternal, { once: true });
  const removeHandlers = options.signals
    ? abortOnSignals({ controller, logger: options.logger, source: options.signals, ...second(options) })
    : () => undefined;
  return {
    signal: controller.signal,
    dispose: () => {
      removeHandlers();
      external?.removeEventListener('abort', onExternal);
    },
  };
}

function second(options: LinkAbortOptions): Pick<AbortOnSignalsOptions, 'onSecondSignal'> {
  return options.onSecondSignal ? { onSecondSignal: options.onSecondSignal } : {};
}

interface AbortOnSignalsOptions {
  controller: AbortController;
  logger: Logger;
  source: SignalSource;
  onSecondSignal?: (signal: NodeJS.Signals) => void;
}

/** Installs SIGINT/SIGTERM handlers: the first aborts, later ones go to onSecondSignal. Returns their remover. */
function abortOnSignals(options: AbortOnSignalsOptions): () => void {
  const { source } = options;
  let received = 0;
  const handler = (signal: NodeJS.Signals): void => {
    received++;
    if (received === 1) {
      options.logger.warning(`Received ${signal}: stopping the training job…`);
      options.controller.abort(new Error(`stopped by ${signal}`));
    } else {
      options.onSecondSignal?.(signal);
    }
  };
  source.on('SIGINT', handler);
  source.on('SIGTERM', handler);
  return () => {
    source.off('SIGINT', handler);
    source.off('SIGTERM', handler);
  };
}
