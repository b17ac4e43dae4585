// After a stop request (cancelled, or the wait gave up): one bounded look for the Stopped result the runner writes.
import type { S3Client } from '@aws-sdk/client-s3';

import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { TrainingResult } from '../../result.js';
import { readResult } from './envelope-io.js';

/** How long we give the runner to write its Stopped result (GitHub kills the step at about 10 s). */
const STOP_SETTLE_MS = 3_000;
const STOP_READ_TIMEOUT_MS = 4_000;

/** One bounded read of result.json after a stop request, whatever AWS does. */
export async function readResultAfterStop(o: {
  s3: S3Client;
  resultUri: string;
  notBefore?: Date;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger: Logger;
}): Promise<TrainingResult | undefined> {
  const bound = new AbortController();
  const timer = setTimeout(() => bound.abort(), STOP_SETTLE_MS + STOP_READ_TIMEOUT_MS);
  try {
    await o.sleep(STOP_SETTLE_MS, bound.signal);
    const read = await readResult(o.s3, o.resultUri, {
      ...(o.notBefore ? { notBefore: o.notBefore } : {}),
      signal: bound.signal,
    });
    return read.kind === 'found' ? read.result : undefined;
  } catch (err) {
    o.logger.debug(`After the stop request: ${messageOf(err)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
