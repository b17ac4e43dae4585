// The wait both remote backends run: look at the remote work on one cadence (DescribeTrainingJob every 30 s,
// DescribeTasks every 15 s), read its logs on another (every 10 s), back off with jitter after transient errors, and
// end on a result, the deadline or an abort — every sleep abortable.
import type { Logger } from '../logger.js';
import { isAbortError } from './abortable.js';
import { backoffDelay, isTransientError } from './backoff.js';
import { messageOf } from '../error-message.js';

/** Longest back-off after throttling or a server error. */
export const POLL_BACKOFF_CAP_MS = 5 * 60_000;
const POLL_BACKOFF_BASE_MS = 5_000;

export type PollEnd<T> = { kind: 'done'; value: T } | { kind: 'deadline' } | { kind: 'aborted' };

export interface PollLoopOptions<T> {
  signal: AbortSignal;
  now: () => Date;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source. */
  random: () => number;
  logger: Logger;
  /** Milliseconds since the epoch past which the loop ends with `deadline`. */
  deadline: number;
  /** When the first look is due (now, or one interval on when the caller has just looked). */
  firstLookAt: number;
  lookEveryMs: number;
  /** One look at the remote work: a value ends the loop. */
  look: (signal: AbortSignal) => Promise<T | undefined>;
  /** Named in debug lines about retries, such as `DescribeTasks`. */
  lookName: string;
  /**
   * A look failed with an error that is not transient: return true to try again at the next interval (such as
   * AccessDenied while permissions propagate), false to end the wait with that error.
   */
  tolerate?: (err: unknown, now: number) => boolean;
  /** Reads the new log lines; absent when there is nothing to read. */
  readLogs?: () => Promise<unknown>;
  readLogsEveryMs: number;
  /** A log read failed (the wait goes on, backing off). */
  onLogsError: (err: unknown) => void;
}

/** Runs the wait. Throws only what `look` throws and `tolerate` refuses. */
export async function pollUntil<T>(o: PollLoopOptions<T>): Promise<PollEnd<T>> {
  const backoff = { baseMs: POLL_BACKOFF_BASE_MS, capMs: POLL_BACKOFF_CAP_MS, random: o.random };
  const clock = (): number => o.now().getTime();
  let nextLook = o.firstLookAt;
  let nextLogs = clock();
  let lookFailures = 0;
  let logFailures = 0;
  const { signal } = o;
  try {
    for (;;) {
      if (signal.aborted) return { kind: 'aborted' };
      let t = clock();
      if (t >= o.deadline) return { kind: 'deadline' };
      if (t >= nextLook) {
        try {
          const value = await o.look(signal);
          lookFailures = 0;
          nextLook = t + o.lookEveryMs;
          if (value !== undefined) return { kind: 'done', value };
        } catch (err) {
          if (isAbortError(err) || signal.aborted) return { kind: 'aborted' };
          if (isTransientError(err)) {
            const delay = backoffDelay(lookFailures++, backoff);
            o.logger.debug(`${o.lookName}: ${messageOf(err)}; next try in ${Math.round(delay / 1000)} s`);
            nextLook = t + o.lookEveryMs + delay;
          } else if (o.tolerate?.(err, t)) {
            nextLook = t + o.lookEveryMs;
          } else {
            throw err;
          }
        }
      }
      t = clock();
      if (o.readLogs && t >= nextLogs) {
        try {
          await o.readLogs();
          logFailures = 0;
          nextLogs = clock() + o.readLogsEveryMs;
        } catch (err) {
          if (isAbortError(err) || signal.aborted) return { kind: 'aborted' };
          o.onLogsError(err);
          nextLogs = clock() + o.readLogsEveryMs + backoffDelay(logFailures++, backoff);
        }
      }
      const wake = Math.min(nextLook, o.readLogs ? nextLogs : Number.POSITIVE_INFINITY, o.deadline);
      await o.sleep(Math.max(0, wake - clock()), signal);
    }
  } catch (err) {
    if (isAbortError(err) || signal.aborted) return { kind: 'aborted' };
    throw err;
  }
}
