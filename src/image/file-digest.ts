// A file's bytes fed to a hash, a megabyte at a time, for the content tag (sha256) and git's blob ids (sha1).
import type { Hash } from 'node:crypto';
import { open } from 'node:fs/promises';

const CHUNK = 1024 * 1024;

// Read buffers, reused: a fresh megabyte per read (as a read stream allocates) costs page faults and collections
// that took longer than the hashing itself on a first pass over a large context.
const spare: Buffer[] = [];

/** `hash` updated with every byte of the file at `path`, then its hex digest. */
export async function digestFile(path: string, hash: Hash): Promise<string> {
  const buffer = spare.pop() ?? Buffer.allocUnsafe(CHUNK);
  try {
    const handle = await open(path, 'r');
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) return hash.digest('hex');
        hash.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  } finally {
    if (spare.length < 16) spare.push(buffer);
  }
}
