// Tails the runner's one awslogs stream (its name is known from the task definition and the task id, so no
// DescribeLogStreams): GetLogEvents from the head, one forward token, drained when the token comes back unchanged;
// a stream that does not exist yet means "not yet". While the task runs, a poll reads one page (at most one
// GetLogEvents per stream per 10 s; a page holds up to 10,000 events, far more than the runner logs in 10 s): reading
// on until the token comes back unchanged would cost a second call after every page with lines. Only the drain after
// the task stopped reads to the end.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

import { awsErrorName } from '../../wait/backoff.js';
import { drainUntilQuiet, LogStreamCursor } from '../../wait/cloudwatch-logs.js';

export interface RunnerLogTailOptions {
  client: CloudWatchLogsClient;
  group: string;
  stream: string;
  onLine: (line: string) => void;
  signal?: AbortSignal;
  /** Most pages read in one drain pass. */
  maxPages?: number;
}

export class RunnerLogTail {
  private readonly cursor: LogStreamCursor;

  constructor(private readonly o: RunnerLogTailOptions) {
    this.cursor = new LogStreamCursor({
      client: o.client,
      logGroupName: o.group,
      logStreamName: o.stream,
      ...(o.signal ? { signal: o.signal } : {}),
    });
  }

  /** While the task runs: reads the next page (one GetLogEvents); returns the number of lines. */
  poll(): Promise<number> {
    return this.read(1);
  }

  /** After the task stopped: polls until two passes in a row read nothing, `gapMs` apart, each pass to the end. */
  async drain(sleep: (ms: number) => Promise<void>, gapMs: number, maxPasses = 10): Promise<void> {
    await drainUntilQuiet(() => this.read(this.o.maxPages ?? 50), sleep, gapMs, maxPasses);
  }

  private async read(maxPages: number): Promise<number> {
    let lines = 0;
    try {
      await this.cursor.read(maxPages, (line) => {
        lines += 1;
        this.o.onLine(line);
      });
    } catch (err) {
      // The stream appears with the container's first line.
      if (awsErrorName(err) !== 'ResourceNotFoundException') throw err;
    }
    return lines;
  }
}
