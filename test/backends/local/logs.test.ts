import { PassThrough } from 'node:stream';

import { describe, expect, it } from 'vitest';

import {
  DockerStreamDemuxer,
  followContainerOutput,
  LineSplitter,
  MAX_LINE_CHARS,
  type StreamKind,
} from '../../../src/backends/local/logs.js';

function frame(kind: number, text: string | Buffer): Buffer {
  const payload = typeof text === 'string' ? Buffer.from(text) : text;
  const header = Buffer.alloc(8);
  header[0] = kind;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** Every way of cutting `data` into chunks of size n. */
function chunks(data: Buffer, n: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += n) out.push(data.subarray(i, i + n));
  return out;
}

describe('DockerStreamDemuxer', () => {
  const stream = Buffer.concat([frame(1, 'out one\nout '), frame(2, 'err\n'), frame(1, ''), frame(1, 'two\n')]);

  it.each([1, 3, 7, 8, 9, 1000])('reassembles frames cut into chunks of %i bytes', (size) => {
    const got: Record<string, string> = { stdout: '', stderr: '' };
    const demuxer = new DockerStreamDemuxer((kind, payload) => (got[kind] += payload.toString()));
    for (const chunk of chunks(stream, size)) demuxer.push(chunk);
    demuxer.end();
    expect(got).toEqual({ stdout: 'out one\nout two\n', stderr: 'err\n' });
  });

  it('passes a stream without frame headers (TTY) through as stdout', () => {
    const got: string[] = [];
    const demuxer = new DockerStreamDemuxer((kind, payload) => got.push(`${kind}:${payload.toString()}`));
    demuxer.push(Buffer.from('plain text output\n'));
    demuxer.push(Buffer.from('more'));
    expect(got.join('')).toBe('stdout:plain text output\nstdout:more');
  });
});

describe('LineSplitter', () => {
  it.each([1, 2, 5, 100])('splits across chunk boundaries (chunks of %i), drops \\r, flushes the last line', (size) => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const text = Buffer.from('epoch=1 loss=0.5\r\n\népoque=2 😀\nno newline at the end');
    for (const chunk of chunks(text, size)) splitter.push(chunk);
    splitter.flush();
    expect(lines).toEqual(['epoch=1 loss=0.5', '', 'époque=2 😀', 'no newline at the end']);
  });

  it('cuts a line longer than the limit', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push(Buffer.from('x'.repeat(MAX_LINE_CHARS + 10)));
    splitter.flush();
    expect(lines.map((l) => l.length)).toEqual([MAX_LINE_CHARS, 10]);
  });

  it('emits nothing on flush when the last line was complete', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push(Buffer.from('a\n'));
    splitter.flush();
    expect(lines).toEqual(['a']);
  });
});

describe('followContainerOutput', () => {
  it('keeps stdout and stderr partial lines apart and resolves at the end of the stream', async () => {
    const stream = new PassThrough();
    const lines: [string, StreamKind][] = [];
    const done = followContainerOutput(stream, (line, kind) => lines.push([line, kind]));
    stream.write(frame(1, 'progress 1'));
    stream.write(frame(2, 'warning: slow\n'));
    stream.write(frame(1, '0%\nlast'));
    stream.end();
    await done;
    expect(lines).toEqual([
      ['warning: slow', 'stderr'],
      ['progress 10%', 'stdout'],
      ['last', 'stdout'],
    ]);
  });

  it('resolves when the stream fails', async () => {
    const stream = new PassThrough();
    const done = followContainerOutput(stream, () => undefined);
    stream.destroy(new Error('socket hang up'));
    await expect(done).resolves.toBeUndefined();
  });
});
