// SIGINT/SIGTERM abort the run: the backend stops the containers (after their grace period) and still writes the
// artifacts, and the caller still reports. Used by the action's main step and by the CLI.
import type { Logger } from '../logger.js';

export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface AbortOnSignalsOptions {
  controller: AbortController;
  logger: Logger;
  source?: SignalSource;
  /** Called on a second signal (the CLI exits at once; the action keeps reporting until the runner kills it). */
  onSecondSignal?: (signal: NodeJS.Signals) => void;
}

/** Installs the handlers; returns a function that removes them. */
export function abortOnSignals(options: AbortOnSignalsOptions): () => void {
  const source = options.source ?? process;
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
