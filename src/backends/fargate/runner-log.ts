// Tails the runner's one awslogs stream (its name is known from the task definition and the task id, so no
// DescribeLogStreams): GetLogEvents from the head, one forward token, drained when the token comes back unchanged;
// a stream that does not exist yet means "not yet". While the task runs, a poll reads one page (REFERENCE.md: one
// GetLogEvents per stream per 10 s; a page holds up to 10,000 events, far more than the runner logs in 10 s): reading
// on until the token comes back unchanged would cost a second call after every page with lines. Only the drain after
// the task stopped reads to the end.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

import { awsErrorName } from '../../wait/backoff.js';

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
  private token: string | undefined;

  constructor(private readonly o: RunnerLogTailOptions) {}

  /** While the task runs: reads the next page (one GetLogEvents); returns the number of lines. */
  poll(): Promise<number> {
    return this.read(1);
  }

  /** After the task stopped: polls until two passes in a row read nothing, `gapMs` apart, each pass to the end. */
  async drain(sleep: (ms: number) => Promise<void>, gapMs: number, maxPasses = 10): Promise<void> {
    let empty = 0;
    for (let pass = 0; pass < maxPasses && empty < 2; pass++) {
      if (pass > 0) await sleep(gapMs);
      empty = (await this.read(this.o.maxPages ?? 50)) === 0 ? empty + 1 : 0;
    }
  }

  private async read(maxPages: number): Promise<number> {
    const { GetLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    let lines = 0;
    for (let page = 0; page < maxPages; page++) {
      const sent = this.token;
      let response;
      try {
        response = await this.o.client.send(
          new GetLogEventsCommand({
            logGroupName: this.o.group,
            logStreamName: this.o.stream,
            startFromHead: true,
            ...(sent ? { nextToken: sent } : {}),
          }),
          this.o.signal ? { abortSignal: this.o.signal } : {},
        );
      } catch (err) {
        // The stream appears with the container's first line.
        if (awsErrorName(err) === 'ResourceNotFoundException') return lines;
        throw err;
      }
      for (const event of response.events ?? []) {
        if (event.message === undefined) continue;
        lines += 1;
        this.o.onLine(event.message.replace(/\r?\n$/, ''));
      }
      // Moved only after the page was handed on: a failed call re-reads, never skips.
      if (response.nextForwardToken) this.token = response.nextForwardToken;
      if (!response.nextForwardToken || response.nextForwardToken === sent) break;
    }
    return lines;
  }
}
