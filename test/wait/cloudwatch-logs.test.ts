import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
  type GetLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

import { CloudWatchLogTail, hostOfStream } from '../../src/wait/cloudwatch-logs.js';

const logsMock = mockClient(CloudWatchLogsClient);
afterEach(() => logsMock.reset());

const GROUP = '/aws/sagemaker/TrainingJobs';

/**
 * A fake stream: pages of messages served from the head; `undefined` pages are empty pages mid-stream. The forward
 * token of the last page comes back unchanged when read again, as CloudWatch does when a stream is drained.
 */
class FakeStream {
  constructor(public pages: (string[] | undefined)[]) {}
  read(token: string | undefined): GetLogEventsCommandOutput {
    const index = token === undefined ? 0 : Number(token.slice(1));
    const page = this.pages[index];
    const next = index < this.pages.length ? `f${index + 1}` : `f${index}`;
    return {
      $metadata: {},
      events: (page ?? []).map((message, i) => ({ message, timestamp: i })),
      nextForwardToken: next,
    };
  }
}

function serveStreams(streams: Map<string, FakeStream>, pageSize = 50): void {
  logsMock.on(DescribeLogStreamsCommand).callsFake((input: { nextToken?: string }) => {
    const names = [...streams.keys()].sort();
    const start = input.nextToken ? Number(input.nextToken) : 0;
    const slice = names.slice(start, start + pageSize);
    return {
      logStreams: slice.map((logStreamName) => ({ logStreamName })),
      ...(start + pageSize < names.length ? { nextToken: String(start + pageSize) } : {}),
    };
  });
  logsMock.on(GetLogEventsCommand).callsFake((input: GetLogEventsCommandInput) => {
    const stream = streams.get(input.logStreamName as string);
    if (!stream) throw Object.assign(new Error('no stream'), { name: 'ResourceNotFoundException' });
    return stream.read(input.nextToken);
  });
}

function tailOf(lines: [string, string][]): CloudWatchLogTail {
  return new CloudWatchLogTail({
    client: new CloudWatchLogsClient({ region: 'eu-west-1' }),
    logGroupName: GROUP,
    streamPrefix: 'job/',
    onEvent: (stream, message) => lines.push([stream, message]),
  });
}

describe('CloudWatchLogTail', () => {
  it('treats a missing log group as "not yet"', async () => {
    logsMock
      .on(DescribeLogStreamsCommand)
      .rejects(
        Object.assign(new Error('The specified log group does not exist.'), { name: 'ResourceNotFoundException' }),
      );
    const lines: [string, string][] = [];
    const tail = tailOf(lines);
    expect(await tail.poll()).toBe(0);
    expect(tail.streams).toEqual([]);
  });

  it('reads every stream of more than 50, across empty pages mid-stream, each line once', async () => {
    const streams = new Map<string, FakeStream>();
    for (let i = 1; i <= 120; i++) streams.set(`job/algo-${i}-1700000000`, new FakeStream([[`hello from ${i}`]]));
    streams.set('job/algo-1-1700000000', new FakeStream([['a'], undefined, [], ['b', 'c'], undefined]));
    serveStreams(streams);
    const lines: [string, string][] = [];
    const tail = tailOf(lines);

    // One page per stream per pass: algo-1's five pages (two of them empty) take five passes.
    for (let pass = 0; pass < 5; pass++) await tail.poll();
    expect(tail.streams).toHaveLength(120);
    expect(lines.filter(([s]) => s === 'job/algo-1-1700000000').map(([, m]) => m)).toEqual(['a', 'b', 'c']);
    expect(lines.filter(([, m]) => m === 'hello from 120')).toHaveLength(1);
    expect(lines).toHaveLength(122);

    // Nothing new: nothing printed again.
    expect(await tail.poll()).toBe(0);
    expect(lines).toHaveLength(122);
    // Every stream was read from the head.
    const first = logsMock
      .commandCalls(GetLogEventsCommand)
      .filter((c) => c.args[0].input.nextToken === undefined)
      .map((c) => c.args[0].input);
    expect(first).toHaveLength(120);
    expect(first.every((i) => i.startFromHead === true)).toBe(true);
    // Discovery asked by prefix and followed nextToken.
    const tokens = logsMock.commandCalls(DescribeLogStreamsCommand).map((c) => c.args[0].input.nextToken);
    expect(tokens.slice(0, 3)).toEqual([undefined, '50', '100']);
    expect(logsMock.commandCalls(DescribeLogStreamsCommand)[0]?.args[0].input).toMatchObject({
      logGroupName: GROUP,
      logStreamNamePrefix: 'job/',
    });
  });

  it('picks up streams that appear late and lines appended later', async () => {
    const streams = new Map<string, FakeStream>([['job/algo-1-1', new FakeStream([['one']])]]);
    serveStreams(streams);
    const lines: [string, string][] = [];
    const tail = tailOf(lines);
    await tail.poll();
    streams.set('job/algo-2-1', new FakeStream([['two']]));
    (streams.get('job/algo-1-1') as FakeStream).pages.push(['three']);
    await tail.poll();
    // Streams are looked for every third pass: the late one is not read yet.
    expect(lines).toEqual([
      ['job/algo-1-1', 'one'],
      ['job/algo-1-1', 'three'],
    ]);
    await tail.poll();
    await tail.poll();
    expect(lines).toEqual([
      ['job/algo-1-1', 'one'],
      ['job/algo-1-1', 'three'],
      ['job/algo-2-1', 'two'],
    ]);
  });

  it('while running, sends one GetLogEvents per stream per pass and DescribeLogStreams every third pass', async () => {
    const streams = new Map<string, FakeStream>([
      ['job/algo-1-1', new FakeStream([['a1'], ['a2'], ['a3'], ['a4']])],
      ['job/algo-2-1', new FakeStream([['b1'], ['b2']])],
    ]);
    serveStreams(streams);
    const lines: [string, string][] = [];
    const tail = tailOf(lines);
    for (let pass = 0; pass < 6; pass++) await tail.poll();
    expect(logsMock.commandCalls(GetLogEventsCommand)).toHaveLength(12);
    expect(logsMock.commandCalls(DescribeLogStreamsCommand)).toHaveLength(2);
    expect(lines.filter(([s]) => s === 'job/algo-1-1').map(([, m]) => m)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(lines.filter(([s]) => s === 'job/algo-2-1').map(([, m]) => m)).toEqual(['b1', 'b2']);
  });

  it('drain reads until two passes in a row find nothing', async () => {
    const streams = new Map<string, FakeStream>([['job/algo-1-1', new FakeStream([['one']])]]);
    serveStreams(streams);
    const lines: [string, string][] = [];
    const tail = tailOf(lines);
    const sleeps: number[] = [];
    let pass = 0;
    await tail.drain((ms) => {
      sleeps.push(ms);
      pass += 1;
      // A late line arrives after the first gap.
      if (pass === 1) (streams.get('job/algo-1-1') as FakeStream).pages.push(['late']);
      return Promise.resolve();
    }, 5000);
    expect(lines.map(([, m]) => m)).toEqual(['one', 'late']);
    // one (1 event), late (1 event), empty, empty.
    expect(sleeps).toEqual([5000, 5000, 5000]);
  });
});

describe('hostOfStream', () => {
  it.each([
    ['job/algo-1-1700000000', 'algo-1'],
    ['job/algo-12-1700000000', 'algo-12'],
    ['job/algo-3', 'algo-3'],
    ['job/other', 'other'],
  ])('%s → %s', (stream, host) => expect(hostOfStream(stream)).toBe(host));
});
