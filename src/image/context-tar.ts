// The build context as a tar stream, the way the docker CLI sends it: the paths build-context.ts walks, a Dockerfile from
// outside the context added under its generated name that .dockerignore then hides from COPY, owners 0:0.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

import tar from 'tar-stream';
import type { Pack } from 'tar-stream';

import { addEntry } from '../archive/tar-entry.js';
import { resolveContext, walkContext, type ContextFilter } from './build-context.js';

export interface ContextTar {
  stream: Readable;
  /** The Dockerfile's name inside the tar (the `dockerfile` build parameter). */
  dockerfileName: string;
}

async function addTree(opts: { pack: Pack; dir: string; filter: ContextFilter; skip: Set<string> }): Promise<void> {
  for await (const entry of walkContext(opts)) {
    const header = { name: entry.rel, ...meta(entry) };
    if (entry.type === 'directory') await addEntry(opts.pack, { ...header, name: `${entry.rel}/`, type: 'directory' });
    else if (entry.type === 'symlink') {
      await addEntry(opts.pack, { ...header, type: 'symlink', linkname: entry.linkname ?? '' });
    } else {
      const body = createReadStream(entry.full, { highWaterMark: 1024 * 1024 });
      await addEntry(opts.pack, { ...header, type: 'file', size: entry.size }, body);
    }
  }
}

/** Permissions and time as they are; owners 0:0, as the docker CLI sends them. */
function meta(entry: { mode: number; mtime: Date }): { mode: number; mtime: Date; uid: number; gid: number } {
  return { mode: entry.mode, mtime: entry.mtime, uid: 0, gid: 0 };
}

/** Streams the build context of `context` with `dockerfile` (absolute, or relative to the context). */
export async function createContextTar(opts: { context: string; dockerfile: string }): Promise<ContextTar> {
  const resolved = await resolveContext(opts);
  const { dockerfileName, inside, ignoreText, dockerfileBody } = resolved;
  const pack = tar.pack();
  const fill = async (): Promise<void> => {
    await addTree({ pack, dir: resolved.context, filter: resolved.filter, skip: resolved.skip });
    if (!inside) {
      // As the CLI does: the generated Dockerfile, and a .dockerignore naming it so the daemon drops it after reading.
      const mtime = new Date();
      await addEntry(pack, { name: dockerfileName, type: 'file', mode: 0o644, mtime }, dockerfileBody);
      const ignoreBody = Buffer.from(`${ignoreText ?? ''}\n${dockerfileName}\n`);
      await addEntry(pack, { name: '.dockerignore', type: 'file', mode: 0o644, mtime }, ignoreBody);
    }
    pack.finalize();
  };
  fill().catch((err: unknown) => pack.destroy(err as Error));
  return { stream: pack as unknown as Readable, dockerfileName };
}
