// model.tar.gz and output.tar.gz, streamed end to end: tar entries flow from host folders, through gzip, to a file or
// an S3 upload. Nothing holds a whole archive in memory.
import { createReadStream } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlibConstants, createGzip } from 'node:zlib';

import tar from 'tar-stream';
import type { Pack } from 'tar-stream';

import { lstatEach } from '../../archive/lstat-each.js';
import { addEntry } from '../../archive/tar-entry.js';

const READ_CHUNK = 1024 * 1024;

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

/**
 * Adds `dir`'s content with names relative to it (`a.bin`, `sub/`, `sub/b.txt`): files sit at the archive root.
 * Names already in `seen` are skipped (a folder's entries are still visited) and new names are added to it, which is
 * how several hosts' folders merge into one archive: the first folder to hold a name wins.
 */
export async function addDirectory(pack: Pack, dir: string, prefix = '', seen = new Set<string>()): Promise<void> {
  const names = (await readdir(dir)).sort();
  for await (const [name, stat] of lstatEach(dir, names)) {
    const full = join(dir, name);
    const rel = prefix + name;
    const fresh = !seen.has(rel);
    seen.add(rel);
    const common = { mode: stat.mode & 0o7777, mtime: stat.mtime, uid: stat.uid, gid: stat.gid };
    if (stat.isDirectory()) {
      if (fresh) await addEntry(pack, { ...common, name: `${rel}/`, type: 'directory' });
      await addDirectory(pack, full, `${rel}/`, seen);
    } else if (!fresh) {
      continue;
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

/** Packages several folders into one gzip tar, merged: where two hold the same name, the earlier folder's wins. */
export async function packDirectoriesToTarGz(dirs: string[], dest: Writable): Promise<void> {
  const seen = new Set<string>();
  await writeTarGz(dest, async (pack) => {
    for (const dir of dirs) await addDirectory(pack, dir, '', seen);
  });
}
