// The runner's last resort: an error nothing caught stops the training job it created (nobody else would watch it,
// and it would bill until max runtime), writes result.json, and ends the process, bounded in time.
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import { messageOf } from '../error-message.js';
import type { Logger } from '../logger.js';

export const CRASH_STOP_TIMEOUT_MS = 10_000;
export const CRASH_EXIT_MS = 30_000;

/** The job of a crashed runner is stopped, bounded. True when a stop was sent. */
export async function stopAfterCrash(o: {
  region: string;
  jobName: string;
  logger: Logger;
  sagemaker?: (region: string) => Promise<SageMakerClient>;
}): Promise<boolean> {
  const bound = AbortSignal.timeout(CRASH_STOP_TIMEOUT_MS);
  try {
    const [{ stopTrainingJob }, client] = await Promise.all([
      import('../backends/sagemaker/stop.js'),
      (o.sagemaker ?? (async (r: string) => (await import('../aws/clients.js')).createSageMakerClient(r)))(o.region),
    ]);
    return await stopTrainingJob(client, o.jobName, o.logger, { signal: bound });
  } catch (err) {
    o.logger.error(`Could not stop training job ${o.jobName} after the crash: ${messageOf(err)}`);
    return false;
  }
}

/** Last-resort handlers for an error nothing caught. Returns their remover. */
export function onCrash(handler: (err: unknown) => Promise<void>): () => void {
  let crashed = false;
  // A second error while the first is handled (the stop, the write) must not start a second, racing ending.
  const listener = (err: unknown): void => {
    if (crashed) return;
    crashed = true;
    void handler(err);
  };
  process.on('uncaughtException', listener);
  process.on('unhandledRejection', listener);
  return () => {
    process.off('uncaughtException', listener);
    process.off('unhandledRejection', listener);
  };
}
