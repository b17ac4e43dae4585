// Path-safe extraction of model.tar.gz into the folder mounted at /opt/ml/model. An entry that would land outside the
// folder (`..`, an absolute path) or a symbolic link that points outside it is refused, naming the entry: the archive
// comes from a training job, and its extraction must never write or expose anything of the runner.
import { createWriteStream } from 'node:fs';
import { mkdir, realpath, symlink } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import tar from 'tar-stream';

class UnsafeEntry extends Error {}

const within = (root: string, path: string): boolean => path === root || path.startsWith(root + sep);

/** Where an entry goes inside `root`; refused when its name is absolute or climbs out with `..`. */
function targetOf(root: string, name: string): string {
  if (isAbsolute(name) || /^[A-Za-z]:[\\/]/.test(name))
    throw new UnsafeEntry(`model.tar.gz entry ${JSON.stringify(name)} is an absolute path`);
  const target = resolve(root, name);
  if (!within(root, target) || name.split(/[\\/]/).includes('..'))
    throw new UnsafeEntry(`model.tar.gz entry ${JSON.stringify(name)} climbs out of the model folder with ..`);
  return target;
}

interface Link {
  name: string;
  target: string;
  linkname: string;
}

/** Refuses a link whose text points outside the folder, before anything is created. */
function checkLinkText(root: string, link: Link): void {
  if (isAbsolute(link.linkname) || !within(root, resolve(dirname(link.target), link.linkname)))
    throw new UnsafeEntry(
      `model.tar.gz entry ${JSON.stringify(link.name)} is a symbolic link to ${JSON.stringify(link.linkname)}, ` +
        'outside the model folder',
    );
}

/**
 * Links are made last, once every file is written (so no write can pass through one), each in a folder that is no
 * link itself, and each checked where it really leads once all exist (a chain of links cannot climb out either).
 */
async function makeLinks(root: string, links: Link[]): Promise<void> {
  const realRoot = await realpath(root);
  for (const link of links) {
    await mkdir(dirname(link.target), { recursive: true });
    const parent = await realpath(dirname(link.target));
    if (relative(realRoot, parent) !== relative(root, dirname(link.target)))
      throw new UnsafeEntry(`model.tar.gz entry ${JSON.stringify(link.name)} lies under a symbolic link`);
    await symlink(link.linkname, link.target);
  }
  for (const link of links) {
    const leads = await realpath(link.target).catch(() => undefined);
    if (leads !== undefined && !within(realRoot, leads))
      throw new UnsafeEntry(
        `model.tar.gz entry ${JSON.stringify(link.name)} is a symbolic link that leads outside the model folder`,
      );
  }
}

/** What is used of a tar-stream entry (a streamx stream, not a Node one). */
interface EntryStream {
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  pipe(destination: NodeJS.WritableStream): unknown;
  destroy(err?: Error): unknown;
}

/** Writes one file entry; fails when the entry is cut short (destroyed by a failing archive). */
function writeEntry(entry: EntryStream, target: string, mode: number): Promise<void> {
  return new Promise((done, reject) => {
    const out = createWriteStream(target, { mode });
    const fail = (err: unknown): void => {
      out.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    let ended = false;
    entry.on('end', () => (ended = true));
    entry.on('error', fail);
    entry.on('close', () => {
      if (!ended) fail(new Error(`model.tar.gz ended inside ${target}`));
    });
    out.on('error', fail);
    out.on('finish', () => done());
    entry.pipe(out);
  });
}

/** Extracts the gzip'd tar `archive`, passed through `bound` (which fails it past the size bound), into `root`. */
export async function extractInto(root: string, archive: Readable, bound: Transform): Promise<void> {
  const extract = tar.extract();
  const gunzip = createGunzip();
  const writing = pipeline(archive, bound, gunzip, extract);
  // Handled below through `failure`: after a failure Node's pipeline may never settle on tar-stream's extractor.
  writing.catch(() => undefined);
  const links: Link[] = [];
  let current: EntryStream | undefined;
  let failure: Error | undefined;
  // A failing stream (the size bound, a bad gzip) ends neither tar-stream's iteration nor the entry being written,
  // and Node's pipeline then waits on the extractor: stop both on the first error.
  const stop = (err: Error): void => {
    failure ??= err;
    current?.destroy(err);
    extract.destroy(err);
  };
  for (const stream of [archive, bound, gunzip]) stream.on('error', stop);
  try {
    for await (const entry of extract) {
      current = entry;
      const { name, type, linkname, mode } = entry.header;
      const target = targetOf(root, name);
      if (type === 'directory') await mkdir(target, { recursive: true });
      else if (type === 'file') {
        await mkdir(dirname(target), { recursive: true });
        if (failure) throw failure;
        await writeEntry(entry, target, (mode ?? 0o644) & 0o755);
        continue;
      } else if (type === 'symlink' && linkname) {
        const link = { name, target, linkname };
        checkLinkText(root, link);
        links.push(link);
      }
      entry.resume();
    }
    await writing;
  } catch (err) {
    archive.destroy();
    throw failure ?? err;
  }
  await makeLinks(root, links);
}
