// The runner's log tail on its own: how many GetLogEvents a poll costs (at most one per stream per 10 s), and
// that the drain after the task stopped still reads to the end.
import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterEach, describe, expect, it } from 'vitest';

import { RunnerLogTail } from '../../../src/backends/fargate/runner-log.js';
import { awsError, cwlMock } from './fake-ecs.js';

afterEach(() => cwlMock.reset());

/** A stream of `lines` lines served `perPage` a page; GetLogEvents' tokens, the same one back at the end. */
function stream(lines: string[], perPage: number): { calls: (string | undefined)[] } {
  const calls: (string | undefined)[] = [];
  cwlMock.on(GetLogEventsCommand).callsFake((input: GetLogEventsCommandInput) => {
    calls.push(input.nextToken);
    const from = input.nextToken === undefined ? 0 : Number(input.nextToken.slice(2));
    const events = lines
      .slice(from, from + perPage)
      .map((message, i) => ({ message: `${message}\n`, timestamp: from + i }));
    return { events, nextForwardToken: `f/${from + events.length}`, nextBackwardToken: `b/${from}` };
  });
  return { calls };
}

function tail(read: string[]): RunnerLogTail {
  return new RunnerLogTail({
    client: new CloudWatchLogsClient({ region: 'eu-west-1' }),
    group: '/ecs/sagemaker-training-runner',
    stream: 'runner/runner/0123',
    onLine: (line) => read.push(line),
  });
}

describe('RunnerLogTail', () => {
  it('reads one page per poll while the task runs, even when that page had lines (one call, not two)', async () => {
    const lines = Array.from({ length: 5 }, (_, i) => `line ${i}`);
    const { calls } = stream(lines, 2);
    const read: string[] = [];
    const t = tail(read);

    expect(await t.poll()).toBe(2);
    expect(calls).toEqual([undefined]);
    expect(await t.poll()).toBe(2);
    expect(await t.poll()).toBe(1);
    expect(await t.poll()).toBe(0);
    // Each poll went on from the previous page's token: nothing read twice, nothing skipped.
    expect(calls).toEqual([undefined, 'f/2', 'f/4', 'f/5']);
    expect(read).toEqual(lines);
  });

  it('drains to the end after the task stopped: whole passes until two in a row read nothing', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => `line ${i}`);
    const { calls } = stream(lines, 3);
    const read: string[] = [];
    const t = tail(read);
    const sleeps: number[] = [];

    await t.drain((ms) => (sleeps.push(ms), Promise.resolve()), 5_000);
    expect(read).toEqual(lines);
    // Pass 1 reads three pages and stops when the token comes back unchanged; passes 2 and 3 read nothing.
    expect(calls).toEqual([undefined, 'f/3', 'f/6', 'f/7', 'f/7', 'f/7']);
    expect(sleeps).toEqual([5_000, 5_000]);
  });

  it('takes a stream that does not exist yet as "no lines yet"', async () => {
    cwlMock
      .on(GetLogEventsCommand)
      .rejects(awsError('ResourceNotFoundException', 400, 'The specified log stream does not exist.'));
    expect(await tail([]).poll()).toBe(0);
  });
});
