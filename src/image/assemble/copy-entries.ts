// The entries of the layer a local COPY/ADD makes, as the classic builder makes them: a folder source's contents go
// into the destination (the folder itself is not copied), a file goes to `dest/<name>` when the destination ends with
// `/` or is a folder, else to `dest`; modes come from the context, owners are 0:0 or --chown's; folders the copy
// creates get 0755 and the copy's owner; folders that exist are written again with their own metadata (the engine's
// layer does the same: a changed folder is copied up). Whether a folder exists, and its metadata, is known only from
// the layers this assembly wrote and from the layer the step made last time: anything else is refused.
import { posix } from 'node:path';

import type { ContextEntry } from '../build-context.js';
import type { SourceMatch } from '../steps/sources.js';

export interface PathInfo {
  type: 'directory' | 'file' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
}

export interface LayerEntry extends PathInfo {
  /** Absolute path in the image. */
  path: string;
  size: number;
  mtime: Date;
  /** The file on disk to read the bytes from. */
  source?: string;
  linkname?: string;
}

export class NotAssemblable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAssemblable';
  }
}

/** What is known about a path at this step: its metadata, or undefined when it cannot be known without the base. */
export type Known = (path: string) => PathInfo | undefined;

export interface CopyInput {
  matches: SourceMatch[];
  /** The destination, absolute (joined to WORKDIR), as written (a trailing `/` kept). */
  dest: string;
  owner: { uid: number; gid: number };
  /** --chmod: the mode of every file copied (octal, as BuildKit takes it); folders as sources are refused. */
  chmod?: number;
  /** --link: an independent layer; the folders above the destination are made here (0755, the copy's owner). */
  link?: boolean;
  known: Known;
  now: Date;
  /** For messages: `COPY at line 7`. */
  where: string;
}

class EntryList {
  readonly entries: LayerEntry[] = [];
  readonly written = new Map<string, LayerEntry>();
  constructor(private readonly input: CopyInput) {}

  has(path: string): PathInfo | undefined {
    return this.written.get(path) ?? this.input.known(path);
  }

  add(entry: LayerEntry): void {
    const before = this.written.get(entry.path);
    if (before) this.entries.splice(this.entries.indexOf(before), 1);
    this.written.set(entry.path, entry);
    this.entries.push(entry);
  }

  /** The folder `path` and the ones above it: written again as they are, or created. */
  ensureFolder(path: string): void {
    if (path === '/' || this.written.get(path)?.type === 'directory') return;
    this.ensureFolder(posix.dirname(path));
    if (this.input.link) {
      const { uid, gid } = this.input.owner;
      this.add({ type: 'directory', mode: 0o755, uid, gid, path, size: 0, mtime: this.input.now });
      return;
    }
    const info = this.input.known(path);
    if (info === undefined) {
      throw new NotAssemblable(`${this.input.where}: whether ${path} exists is known only from the base's layers`);
    }
    if (info.type !== 'directory')
      throw new NotAssemblable(`${this.input.where}: ${path} is not a folder in the image`);
    this.add({ ...info, path, size: 0, mtime: this.input.now });
  }
}

function contentEntry(entry: ContextEntry, path: string, owner: CopyInput['owner'], chmod?: number): LayerEntry {
  return {
    path,
    type: entry.type,
    mode: entry.type === 'file' && chmod !== undefined ? chmod : entry.mode,
    uid: owner.uid,
    gid: owner.gid,
    size: entry.type === 'file' ? entry.size : 0,
    mtime: entry.mtime,
    ...(entry.type === 'file' ? { source: entry.full } : {}),
    ...(entry.type === 'symlink' ? { linkname: entry.linkname ?? '' } : {}),
  };
}

/** The entries of one COPY/ADD, in the order the layer gets them. */
export function copyLayerEntries(input: CopyInput): LayerEntry[] {
  const list = new EntryList(input);
  const { matches, owner } = input;
  const trailing = input.dest.endsWith('/');
  const dest = posix.normalize(input.dest).replace(/(.)\/$/, '$1');
  if (matches.length > 1 && !trailing) {
    throw new NotAssemblable(`${input.where}: with more than one source the destination must end with /`);
  }
  for (const match of matches) {
    if (match.type === 'directory' && input.chmod !== undefined) {
      // BuildKit releases differ on what --chmod does to folders (those copied, those created).
      throw new NotAssemblable(`${input.where}: --chmod with a folder as a source`);
    }
    if (match.type === 'directory') {
      list.ensureFolder(dest);
      const prefix = match.resolved === '' ? '' : `${match.resolved}/`;
      for (const entry of match.entries) {
        list.add(contentEntry(entry, posix.join(dest, entry.rel.slice(prefix.length)), owner, input.chmod));
      }
      continue;
    }
    if (match.type === 'symlink') throw new NotAssemblable(`${input.where}: a source that is a symbolic link`);
    // --link looks at nothing below it: a destination without a trailing / is the file's path.
    const existing = input.link ? list.written.get(dest) : list.has(dest);
    if (!trailing && existing === undefined && !input.link) {
      throw new NotAssemblable(`${input.where}: whether ${dest} is a folder is known only from the base's layers`);
    }
    const intoFolder = trailing || existing?.type === 'directory';
    const path = intoFolder ? posix.join(dest, posix.basename(match.root)) : dest;
    list.ensureFolder(posix.dirname(path));
    const entry = match.entries[0];
    if (entry) list.add(contentEntry(entry, path, owner, input.chmod));
  }
  return list.entries;
}
