// model.tar.gz and output.tar.gz, streamed end to end: tar entries flow from a folder or from Docker's archive of a
// container path, through gzip, to a file or an S3 upload. Nothing holds a whole archive in memory.
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlibConstants, createGzip } from 'node:zlib';

import tar from 'tar-stream';
import type { Pack } from 'tar-stream';

import { addEntry, type EntryHeader } from '../../archive/tar-entry.js';

const READ_CHUNK = 1024 * 1024;

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream) {
    // discarded
  }
}

/**
 * Writes a gzip tar to `dest`: `fill` adds entries, then the archive is finalized. Resolves when `dest` has every
 * byte (a file stream has finished); rejects, having destroyed the pipeline, when fill or a write fails.
 */
export async function writeTarGz(dest: Writable, fill: (pack: Pack) => Promise<void>): Promise<void> {
  const pack = tar.pack();
  const gzip = createGzip({ chunkSize: 128 * 1024, level: zlibConstants.Z_DEFAULT_COMPRESSION });
  const piping = pipeline(pack as unknown as Readable, gzip, dest);
  try {
    await fill(pack);
    pack.finalize();
  } catch (err) {
    pack.destroy(err as Error);
    await piping.catch(() => undefined);
    throw err;
  }
  await piping;
}

/** Adds `dir`'s content with names relative to it (`a.bin`, `sub/`, `sub/b.txt`): files sit at the archive root. */
export async function addDirectory(pack: Pack, dir: string, prefix = ''): Promise<void> {
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    const full = join(dir, name);
    const rel = prefix + name;
    const stat = await lstat(full);
    const common = { mode: stat.mode & 0o7777, mtime: stat.mtime, uid: stat.uid, gid: stat.gid };
    if (stat.isDirectory()) {
      await addEntry(pack, { ...common, name: `${rel}/`, type: 'directory' });
      await addDirectory(pack, full, `${rel}/`);
    } else if (stat.isFile()) {
      const body = createReadStream(full, { highWaterMark: READ_CHUNK });
      await addEntry(pack, { ...common, name: rel, type: 'file', size: stat.size }, body);
    } else if (stat.isSymbolicLink()) {
      await addEntry(pack, { ...common, name: rel, type: 'symlink', linkname: await readlink(full) });
    }
    // Sockets, FIFOs and devices have no place in a model archive.
  }
}

/** Packages a folder into a gzip tar streamed to `dest`, files at the archive root (what SageMaker's model.tar.gz is). */
export async function packDirectoryToTarGz(dir: string, dest: Writable): Promise<void> {
  await writeTarGz(dest, (pack) => addDirectory(pack, dir));
}

/**
 * An entry name of Docker's archive of a container path (`model/sub/a.bin`) relative to that path (`sub/a.bin`);
 * empty for the root folder itself.
 */
export function rerootName(name: string): string {
  const trimmed = name.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  return slash === -1 ? '' : trimmed.slice(slash + 1);
}

/**
 * Copies the entries of a tar stream from `container.getArchive` into `pack`, re-rooted so the archived folder's
 * content sits at the root. Names already in `seen` are skipped (the first source of a name wins) and new names are
 * added to it, which is how several hosts' folders merge into one archive.
 */
export async function appendRerootedArchive(pack: Pack, source: Readable, seen: Set<string>): Promise<void> {
  const extract = tar.extract();
  source.once('error', (err) => extract.destroy(err));
  source.pipe(extract as unknown as Writable);
  for await (const entry of extract) {
    const header = entry.header;
    const name = rerootName(header.name);
    const key = name.replace(/\/+$/, '');
    if (key === '' || seen.has(key)) {
      await drain(entry);
      continue;
    }
    seen.add(key);
    const out: EntryHeader = { ...header, name };
    if (header.type === 'link' && header.linkname) out.linkname = rerootName(header.linkname);
    if (header.type === 'file' || header.type === 'contiguous-file') {
      await addEntry(pack, out, entry as unknown as Readable);
    } else {
      await drain(entry);
      await addEntry(pack, out);
    }
  }
}

/** The text of the first file in a tar stream, up to maxBytes (the rest is drained). */
export async function readFirstFileText(source: Readable, maxBytes: number): Promise<string | undefined> {
  const extract = tar.extract();
  source.once('error', (err) => extract.destroy(err));
  source.pipe(extract as unknown as Writable);
  let text: string | undefined;
  for await (const entry of extract) {
    if (text === undefined && entry.header.type === 'file') {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
        size += chunk.length;
      }
      text = Buffer.concat(chunks).toString('utf8');
    } else {
      await drain(entry);
    }
  }
  return text;
}
