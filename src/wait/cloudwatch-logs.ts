// Tails the CloudWatch log streams of a job, every host, as docs/service-rules.md says: streams are found by prefix
// (following nextToken), may appear late, and a missing group means "not yet"; each stream has one GetLogEvents cursor,
// read from the head, drained when the forward token comes back unchanged (empty pages mid-stream do not end it).
// While the job runs, a pass reads one page per stream (at most one GetLogEvents per stream per 10 s; a page holds
// up to 10,000 events, far more than a host logs in 10 s) and looks for new streams every few passes; only the final
// drain reads each stream to its end.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

import { awsErrorName } from './backoff.js';

export interface LogTailOptions {
  client: CloudWatchLogsClient;
  logGroupName: string;
  /** Streams whose names start with this (such as `<job>/`). */
  streamPrefix: string;
  /** Every event's message, in stream order, with the stream it came from. */
  onEvent: (stream: string, message: string) => void;
  /** Passed to every call so an abort ends a pass at once. */
  signal?: AbortSignal;
  /** Most pages read from one stream in one drain pass, so one chatty host cannot starve the others. */
  maxPagesPerStream?: number;
  /** While running, streams are looked for on every this-many-th pass (default 3: every 30 s at one pass per 10 s). */
  discoverEveryPasses?: number;
}

/**
 * One stream's GetLogEvents cursor: read from the head, the forward token kept between reads, the stream drained when
 * the token comes back unchanged (empty pages mid-stream do not end it).
 */
export class LogStreamCursor {
  /** The forward token to send next; undefined before the first read. */
  private token: string | undefined;

  constructor(
    private readonly o: {
      client: CloudWatchLogsClient;
      logGroupName: string;
      logStreamName: string;
      signal?: AbortSignal;
    },
  ) {}

  /** Reads at most `maxPages` pages, handing every message on in order; returns the number of events read. */
  async read(maxPages: number, onMessage: (message: string) => void): Promise<number> {
    const { GetLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    let events = 0;
    for (let page = 0; page < maxPages; page++) {
      const sent = this.token;
      const response = await this.o.client.send(
        new GetLogEventsCommand({
          logGroupName: this.o.logGroupName,
          logStreamName: this.o.logStreamName,
          startFromHead: true,
          ...(sent ? { nextToken: sent } : {}),
        }),
        { abortSignal: this.o.signal },
      );
      for (const event of response.events ?? []) {
        if (event.message === undefined) continue;
        events += 1;
        onMessage(event.message.replace(/\r?\n$/, ''));
      }
      // The cursor moves only after the page's events were handed on: a failed call re-reads, never skips.
      if (response.nextForwardToken) this.token = response.nextForwardToken;
      if (!response.nextForwardToken || response.nextForwardToken === sent) break;
    }
    return events;
  }
}

/**
 * After the work has ended: reads passes until two in a row read nothing, `gapMs` apart (CloudWatch can deliver the
 * last lines a few seconds late). `sleep` is the caller's abortable sleep.
 */
export async function drainUntilQuiet(
  pass: () => Promise<number>,
  sleep: (ms: number) => Promise<void>,
  gapMs: number,
  maxPasses: number,
): Promise<void> {
  let empty = 0;
  for (let round = 0; round < maxPasses && empty < 2; round++) {
    if (round > 0) await sleep(gapMs);
    empty = (await pass()) === 0 ? empty + 1 : 0;
  }
}

/** One tail over one prefix. `poll()` reads what is new; `drain()` reads until the streams stay quiet. */
export class CloudWatchLogTail {
  private readonly cursors = new Map<string, LogStreamCursor>();
  private passes = 0;

  constructor(private readonly opts: LogTailOptions) {}

  /** Names of the streams found so far, in discovery order. */
  get streams(): string[] {
    return [...this.cursors.keys()];
  }

  /**
   * While the job runs: looks for new streams (every few passes, and until one is found), then reads one page of every
   * stream; the next pass goes on from there. Returns the events read.
   */
  async poll(): Promise<number> {
    const every = Math.max(1, this.opts.discoverEveryPasses ?? 3);
    if (this.cursors.size === 0 || this.passes % every === 0) await this.discover();
    this.passes += 1;
    return this.readAll(1);
  }

  /** Finds new streams, then reads every stream until drained (or the page limit). Returns the events read. */
  private async readToEnd(): Promise<number> {
    await this.discover();
    return this.readAll(this.opts.maxPagesPerStream ?? 50);
  }

  private async readAll(maxPages: number): Promise<number> {
    let events = 0;
    for (const [stream, cursor] of this.cursors) {
      events += await cursor.read(maxPages, (message) => this.opts.onEvent(stream, message));
    }
    return events;
  }

  /**
   * After the job has ended: polls until two passes in a row read nothing, `gapMs` apart (CloudWatch can deliver the
   * last lines a few seconds late). `sleep` is the caller's abortable sleep.
   */
  async drain(sleep: (ms: number) => Promise<void>, gapMs: number, maxPasses = 20): Promise<void> {
    await drainUntilQuiet(() => this.readToEnd(), sleep, gapMs, maxPasses);
  }

  private async discover(): Promise<void> {
    const { DescribeLogStreamsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    let nextToken: string | undefined;
    do {
      let page;
      try {
        page = await this.opts.client.send(
          new DescribeLogStreamsCommand({
            logGroupName: this.opts.logGroupName,
            logStreamNamePrefix: this.opts.streamPrefix,
            nextToken,
          }),
          { abortSignal: this.opts.signal },
        );
      } catch (err) {
        // The group is created with the first stream of the first job in the account and region: "not yet".
        if (awsErrorName(err) === 'ResourceNotFoundException') return;
        throw err;
      }
      for (const stream of page.logStreams ?? []) {
        const name = stream.logStreamName;
        if (name && !this.cursors.has(name)) {
          const { client, logGroupName, signal } = this.opts;
          this.cursors.set(
            name,
            new LogStreamCursor({ client, logGroupName, logStreamName: name, ...(signal ? { signal } : {}) }),
          );
        }
      }
      nextToken = page.nextToken;
    } while (nextToken);
  }
}

/** `algo-2` from a SageMaker stream name `<job>/algo-2-1700000000`; otherwise the part after the last slash. */
export function hostOfStream(stream: string): string {
  const last = stream.slice(stream.lastIndexOf('/') + 1);
  const match = /^(algo-\d+)(?:-\d+)?$/.exec(last);
  return match ? (match[1] as string) : last;
}
