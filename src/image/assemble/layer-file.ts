// Layer tarballs: written as a stream (tar, gzip, a temporary file) while both digests are taken, the uncompressed
// one (the config's diff_id) and the compressed one (the blob); and an existing layer read back for the paths it holds
// and their metadata, without keeping its bytes.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import tar from 'tar-stream';

import { addEntry } from '../../archive/tar-entry.js';
import type { LayerEntry, PathInfo } from './copy-entries.js';
import { NotAssemblable } from './copy-entries.js';
import { parallelGzip } from './parallel-gzip.js';

export interface LayerBlob {
  file: string;
  /** sha256 of the gzip bytes. */
  digest: string;
  /** sha256 of the tar bytes. */
  diffId: string;
  size: number;
}

function hashing(hash: ReturnType<typeof createHash>, count?: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      if (count) count.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

async function fillPack(pack: tar.Pack, entries: LayerEntry[]): Promise<void> {
  for (const entry of entries) {
    const name = entry.path.replace(/^\/+/, '');
    const header = { name, mode: entry.mode, uid: entry.uid, gid: entry.gid, mtime: entry.mtime };
    if (entry.type === 'directory') await addEntry(pack, { ...header, name: `${name}/`, type: 'directory' });
    else if (entry.type === 'symlink')
      await addEntry(pack, { ...header, type: 'symlink', linkname: entry.linkname ?? '' });
    else {
      const body = createReadStream(entry.source ?? '', { highWaterMark: 1024 * 1024 });
      await addEntry(pack, { ...header, type: 'file', size: entry.size }, body);
    }
  }
  pack.finalize();
}

/** Writes the entries as a gzip tar layer to `file`. */
export async function writeLayer(entries: LayerEntry[], file: string): Promise<LayerBlob> {
  const pack = tar.pack();
  const filled = fillPack(pack, entries).catch((err: unknown) => {
    pack.destroy(err as Error);
    throw err;
  });
  const raw = createHash('sha256');
  const gz = createHash('sha256');
  const count = { bytes: 0 };
  await Promise.all([
    pipeline(
      pack as unknown as Readable,
      hashing(raw),
      // Level 1: the new layers are mostly code; the time saved matters more than the few bytes more to send. On
      // every core, in 1 MiB members, so that a layer with a large file does not wait on one.
      parallelGzip({ level: 1 }),
      hashing(gz, count),
      createWriteStream(file),
    ),
    filled,
  ]);
  return { file, digest: `sha256:${gz.digest('hex')}`, diffId: `sha256:${raw.digest('hex')}`, size: count.bytes };
}

/** The paths of a gzip (or plain) tar layer and their metadata; a whiteout is refused (its meaning needs the base). */
export async function readLayerIndex(bytes: Buffer): Promise<Map<string, PathInfo>> {
  const extract = tar.extract();
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const source = Readable.from([bytes]);
  (gzip ? source.pipe(createGunzip()) : source).pipe(extract);
  const index = new Map<string, PathInfo>();
  for await (const entry of extract) {
    const { name, type, mode, uid, gid } = entry.header;
    entry.resume();
    const path = `/${name.replace(/^\.?\/+/, '').replace(/\/+$/, '')}`;
    if (/(^|\/)\.wh\./.test(path))
      throw new NotAssemblable(`the layer it replaces removes ${path.replace('.wh.', '')}`);
    const kind =
      type === 'directory' ? 'directory' : type === 'symlink' ? 'symlink' : type === 'file' ? 'file' : undefined;
    if (kind) index.set(path, { type: kind, mode: (mode ?? 0) & 0o7777, uid: uid ?? 0, gid: gid ?? 0 });
  }
  return index;
}
