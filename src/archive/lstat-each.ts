// The lstat of a folder's entries, for the walks that read every file's metadata (the build context, model archives).
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bounds the lstat calls in flight (and the Stats held) in a folder of many entries. */
const LSTAT_BATCH = 256;

/**
 * The lstat of each name in `dir`, in the names' order. Asked in batches, not one after the other: each call is a round
 * trip to libuv's thread pool, and a folder of 10,000 files would otherwise wait for 10,000 of them in turn.
 */
export async function* lstatEach(dir: string, names: string[]): AsyncGenerator<readonly [string, Stats]> {
  for (let i = 0; i < names.length; i += LSTAT_BATCH) {
    const batch = names.slice(i, i + LSTAT_BATCH);
    yield* await Promise.all(batch.map(async (name) => [name, await lstat(join(dir, name))] as const));
  }
}
