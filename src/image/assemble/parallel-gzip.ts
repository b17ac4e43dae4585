// gzip for the layers assembly writes, on every core. The tar stream is cut into blocks and each block becomes a gzip
// member of its own, compressed on libuv's thread pool, written in order. A file of concatenated members is one gzip
// file (RFC 1952, 2.2) that registries store and Docker, containerd and Node read as any other. zlib compresses about
// 40 MB/s on one core, so a layer that carries a large file (weights, a data sample) would otherwise cost as much as
// the engine's own build and push. A block whose first bytes do not compress (random or already compressed data) is
// stored (level 0): deflating it would spend the time and still not make it smaller.
import { Transform, type TransformCallback } from 'node:stream';
import { deflateRaw, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzip);
const deflateRawAsync = promisify(deflateRaw);

/** 1 MiB: members of this size cost under 0.01% in size against one stream (the window restarts per member). */
export const BLOCK_SIZE = 1024 * 1024;
/** Three of libuv's four pool threads: the fourth stays free for the file reads that feed the stream. */
const CONCURRENCY = 3;
const PROBE_SIZE = 32 * 1024;
/** A probe that deflate shrinks by less than this is not worth deflating (compressed data shrinks by under 1%). */
const MIN_SAVING = 0.03;

/** The level to compress `block` at: `level`, or 0 (stored) when a deflate of its first 32 KiB saves under 3%. */
export async function levelFor(block: Buffer, level: number): Promise<number> {
  if (level === 0 || block.length === 0) return level;
  const probe = block.subarray(0, PROBE_SIZE);
  const deflated = await deflateRawAsync(probe, { level });
  return deflated.length > probe.length * (1 - MIN_SAVING) ? 0 : level;
}

async function member(block: Buffer, level: number): Promise<Buffer> {
  return gzipAsync(block, { level: await levelFor(block, level) });
}

/** Bytes held until they make a block: a large chunk is cut into views of itself, copied only where a block spans two. */
class PendingBytes {
  private readonly parts: Buffer[] = [];
  length = 0;

  add(chunk: Buffer): void {
    this.parts.push(chunk);
    this.length += chunk.length;
  }

  /** The first `size` bytes held (at most `length`), removed. */
  take(size: number): Buffer {
    const taken: Buffer[] = [];
    for (let need = size, head = this.parts[0]; need > 0 && head; head = this.parts[0]) {
      if (head.length <= need) {
        taken.push(head);
        this.parts.shift();
        need -= head.length;
      } else {
        taken.push(head.subarray(0, need));
        this.parts[0] = head.subarray(need);
        need = 0;
      }
    }
    this.length -= size;
    const [only] = taken;
    return taken.length === 1 && only ? only : Buffer.concat(taken, size);
  }
}

/**
 * A gzip Transform that compresses blocks of `blockSize` bytes in parallel, one gzip member each, in order. An input
 * shorter than one block gives exactly the bytes of a plain gzip at `level` (unless it is stored); an empty input gives
 * the gzip of nothing.
 */
export function parallelGzip(opts: { level: number; blockSize?: number }): Transform {
  const blockSize = opts.blockSize ?? BLOCK_SIZE;
  const pending = new PendingBytes();
  let started = false;
  // Members being compressed, oldest first: written in this order as each completes.
  const inFlight: Promise<Buffer>[] = [];

  const start = (block: Buffer): void => {
    const compressed = member(block, opts.level);
    compressed.catch(() => undefined); // observed when written; avoids an unhandled rejection meanwhile
    inFlight.push(compressed);
    started = true;
  };
  const writeOldest = async (stream: Transform): Promise<void> => {
    const oldest = inFlight.shift();
    if (oldest) stream.push(await oldest);
  };
  // The stream calls transform again only after `done`: one chunk at a time, members written in order.
  const take = async (stream: Transform, chunk: Buffer): Promise<void> => {
    pending.add(chunk);
    while (pending.length >= blockSize) {
      start(pending.take(blockSize));
      // Bounded memory: the stream waits while CONCURRENCY blocks are being compressed.
      while (inFlight.length >= CONCURRENCY) await writeOldest(stream);
    }
  };
  const finish = async (stream: Transform): Promise<void> => {
    if (pending.length > 0 || !started) start(pending.take(pending.length));
    while (inFlight.length > 0) await writeOldest(stream);
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      take(this, chunk).then(() => done(), done);
    },
    flush(done: TransformCallback) {
      finish(this).then(() => done(), done);
    },
  });
}
