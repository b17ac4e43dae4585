import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { exitWhenFlushed, flushed } from '../src/cli/exit.js';

/** A stream whose writes complete `delayMs` later, as a pipe to a slow reader's does (asynchronous on macOS). */
function slowStream(delayMs: number): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      setTimeout(() => {
        written.push(chunk.toString());
        done();
      }, delayMs);
    },
  });
  return { stream, written };
}

describe('the command line’s exit', () => {
  it('exits with the code only after every earlier write has completed, on each stream', async () => {
    const out = slowStream(30);
    const err = slowStream(10);
    out.stream.write('{"imageBuilt": false}\n');
    out.stream.write('second line\n');
    err.stream.write('error: something\n');
    const exits: { code: number; out: number; err: number }[] = [];
    await exitWhenFlushed(2, [out.stream, err.stream], (code) =>
      exits.push({ code, out: out.written.join('').length, err: err.written.join('').length }),
    );
    expect(exits).toEqual([{ code: 2, out: 34, err: 17 }]);
  });

  it('still exits when a stream has failed or been closed (a reader that went away)', async () => {
    const gone = slowStream(0).stream;
    gone.destroy();
    const failing = new Writable({ write: (_chunk, _encoding, done) => done(new Error('EPIPE')) });
    failing.on('error', () => undefined);
    await expect(flushed(gone)).resolves.toBeUndefined();
    await expect(flushed(failing)).resolves.toBeUndefined();
    const codes: number[] = [];
    await exitWhenFlushed(0, [gone, failing], (code) => codes.push(code));
    expect(codes).toEqual([0]);
  });
});
