import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

import { BLOCK_SIZE as BLOCK, levelFor, parallelGzip } from '../../../src/image/assemble/parallel-gzip.js';

/** Text that deflate shrinks, as code does. */
function code(bytes: number): Buffer {
  const lines: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    const line = `const v${i % 997} = f(${i}, "${i % 13}");\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

/** Runs `input`, in chunks of `chunk` bytes, through parallelGzip. */
async function compress(input: Buffer, opts: { blockSize?: number; chunk?: number } = {}): Promise<Buffer> {
  const chunk = opts.chunk ?? 64 * 1024;
  const chunks = Array.from({ length: Math.ceil(input.length / chunk) }, (_, i) =>
    input.subarray(i * chunk, (i + 1) * chunk),
  );
  const out: Buffer[] = [];
  const gz = parallelGzip({ level: 1, ...(opts.blockSize ? { blockSize: opts.blockSize } : {}) });
  gz.on('data', (b: Buffer) => out.push(b));
  await pipeline(Readable.from(chunks), gz);
  return Buffer.concat(out);
}

/** How many gzip member headers (1f 8b, deflate, no flags) `bytes` holds. */
function memberCount(bytes: Buffer): number {
  let count = 0;
  for (let i = bytes.indexOf(0x1f); i >= 0 && i + 3 < bytes.length; i = bytes.indexOf(0x1f, i + 1)) {
    if (bytes[i + 1] === 0x8b && bytes[i + 2] === 0x08 && bytes[i + 3] === 0x00) count++;
  }
  return count;
}

describe('parallelGzip', () => {
  it('writes one gzip member per block, in order, that gzip(1) and Node both read back whole', async () => {
    const input = Buffer.concat([code(2_500_000), randomBytes(1_300_000), code(700_000)]);
    const out = await compress(input, { chunk: 300_000 });
    expect(gunzipSync(out).equals(input)).toBe(true);
    const viaGzip = execFileSync('gzip', ['-dc'], { input: out, maxBuffer: 64 * 1024 * 1024 });
    expect(createHash('sha256').update(viaGzip).digest('hex')).toBe(createHash('sha256').update(input).digest('hex'));
    // 4.5 MB in 1 MiB blocks: five members (random bytes could hold a header-like run too: at least five).
    expect(memberCount(out)).toBeGreaterThanOrEqual(5);
    expect(out.length).toBeLessThan(input.length);
  });

  it('cuts a chunk larger than several blocks into views of itself, and gives the same bytes for any chunking', async () => {
    const input = code(3_300_000);
    const whole = await compress(input, { chunk: input.length });
    const small = await compress(input, { chunk: 7_001 });
    expect(whole.equals(small)).toBe(true);
    expect(gunzipSync(whole).equals(input)).toBe(true);
  });

  it('gives the bytes of a plain gzip for an input under one block, and the gzip of nothing for no input', async () => {
    const input = code(300_000);
    expect((await compress(input)).equals(gzipSync(input, { level: 1 }))).toBe(true);
    const empty = await compress(Buffer.alloc(0));
    expect(empty.equals(gzipSync(Buffer.alloc(0), { level: 1 }))).toBe(true);
    expect(gunzipSync(empty).length).toBe(0);
  });

  it('stores a block that does not compress and deflates one that does', async () => {
    expect(await levelFor(randomBytes(BLOCK), 1)).toBe(0);
    // Already compressed: the gzip of base64 text (6 bits of 8 random).
    expect(await levelFor(gzipSync(randomBytes(BLOCK).toString('base64')), 1)).toBe(0);
    expect(await levelFor(code(BLOCK), 1)).toBe(1);
    expect(await levelFor(code(BLOCK), 0)).toBe(0);
    // Stored, random data stays within 0.05% of its size (5 bytes per stored deflate block, 18 per member).
    const random = randomBytes(2 * BLOCK);
    const out = await compress(random);
    expect(gunzipSync(out).equals(random)).toBe(true);
    expect(out.length / random.length).toBeLessThan(1.0005);
  });

  it('passes an error of the stream before it on, and stops', async () => {
    const failing = new Readable({
      read() {
        this.push(code(BLOCK));
        this.destroy(new Error('the tar stream failed'));
      },
    });
    await expect(pipeline(failing, parallelGzip({ level: 1 }), new PassThrough())).rejects.toThrow(
      'the tar stream failed',
    );
  });

  it('reads back through a stream consumer as one gzip file', async () => {
    const input = code(BLOCK * 2 + 17);
    const gz = parallelGzip({ level: 1, blockSize: BLOCK / 4 });
    const [out] = await Promise.all([buffer(gz), pipeline(Readable.from([input]), gz)]);
    expect(gunzipSync(out).equals(input)).toBe(true);
  });
});
