// Git's index, read directly (no git process: starting one costs this process several milliseconds, and asking git
// took three), to vouch for the bytes of a work tree's files as `git ls-files -m` does. A file is vouched for by its
// index entry's blob id when the entry is at stage 0, not assume-unchanged, skip-worktree or intent-to-add, a regular
// file with the same executable bit (under core.filemode), and either its stat data matches the entry's and the entry
// is not racy (modified in the same instant as the index was written, or after), or its bytes hash to the blob id.
// That is git's own rule (ie_modified), so either path gives every file the same fingerprint. Only for repositories
// where nothing converts bytes between blob and file (git-repository.ts).
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

import { messageOf } from '../error-message.js';
import { digestFile } from './file-digest.js';
import { plainRepository } from './git-repository.js';
import { ifPresent } from './if-present.js';

/** One entry's stat data, as the index stores it (each field its low 32 bits), and its blob id. */
export interface IndexEntry {
  path: string;
  ctimeSec: number;
  ctimeNsec: number;
  mtimeSec: number;
  mtimeNsec: number;
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  id: string;
  stage: number;
  assumeValid: boolean;
  skipWorktree: boolean;
  intentToAdd: boolean;
}

const HASH_BYTES = 20;
const FLAG_ASSUME_VALID = 0x8000;
const FLAG_EXTENDED = 0x4000;
const EXT_SKIP_WORKTREE = 0x4000;
const EXT_INTENT_TO_ADD = 0x2000;

/** Git's offset varint (index v4's prefix length). */
function varint(buf: Buffer, at: number): [number, number] {
  let byte = buf[at++] ?? 0;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = buf[at++] ?? 0;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return [value, at];
}

/**
 * The entries of an index file (versions 2 to 4). Throws on anything unexpected, and on an extension git requires
 * readers to understand (a split or sparse index): the caller then asks git.
 */
export function parseIndex(buf: Buffer): IndexEntry[] {
  if (buf.length < 12 + HASH_BYTES || buf.toString('latin1', 0, 4) !== 'DIRC') throw new Error('not an index file');
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`index version ${version}`);
  const count = buf.readUInt32BE(8);
  const end = buf.length - HASH_BYTES;
  const entries: IndexEntry[] = [];
  let at = 12;
  let previous = '';
  for (let i = 0; i < count; i++) {
    if (at + 62 > end) throw new Error('index entries run past the end');
    const flags = buf.readUInt16BE(at + 60);
    const hasExtended = version >= 3 && (flags & FLAG_EXTENDED) !== 0;
    const extended = hasExtended ? buf.readUInt16BE(at + 62) : 0;
    let nameAt = at + 62 + (hasExtended ? 2 : 0);
    let path: string;
    if (version === 4) {
      const [strip, after] = varint(buf, nameAt);
      const nul = buf.indexOf(0, after);
      if (nul < 0 || nul >= end || strip > previous.length) throw new Error('a bad path in the index');
      path = previous.slice(0, previous.length - strip) + buf.toString('utf8', after, nul);
      nameAt = nul + 1;
    } else {
      const nul = buf.indexOf(0, nameAt);
      if (nul < 0 || nul >= end) throw new Error('a bad path in the index');
      path = buf.toString('utf8', nameAt, nul);
      // Padded with NULs to a multiple of 8 bytes from the entry's start.
      nameAt = at + ((nul - at + 8) & ~7);
    }
    entries.push({
      path,
      ctimeSec: buf.readUInt32BE(at),
      ctimeNsec: buf.readUInt32BE(at + 4),
      mtimeSec: buf.readUInt32BE(at + 8),
      mtimeNsec: buf.readUInt32BE(at + 12),
      ino: buf.readUInt32BE(at + 20),
      mode: buf.readUInt32BE(at + 24),
      uid: buf.readUInt32BE(at + 28),
      gid: buf.readUInt32BE(at + 32),
      size: buf.readUInt32BE(at + 36),
      id: buf.toString('hex', at + 40, at + 40 + HASH_BYTES),
      stage: (flags >> 12) & 3,
      assumeValid: (flags & FLAG_ASSUME_VALID) !== 0,
      skipWorktree: (extended & EXT_SKIP_WORKTREE) !== 0,
      intentToAdd: (extended & EXT_INTENT_TO_ADD) !== 0,
    });
    previous = path;
    at = nameAt;
  }
  // Extensions: a signature starting with A-Z is optional; any other (link, sdir) must be understood.
  while (at + 8 <= end) {
    const signature = buf.toString('latin1', at, at + 4);
    if (!/^[A-Z]/.test(signature)) throw new Error(`the index has the ${signature} extension`);
    at += 8 + buf.readUInt32BE(at + 4);
  }
  return entries;
}

const low32 = (n: bigint): number => Number(n & 0xffffffffn);
const BILLION = 1_000_000_000n;

/** Git's stat comparison (match_stat_data, with nanoseconds and its default core.checkStat). */
export function statMatches(e: IndexEntry, st: BigIntStats): boolean {
  return (
    e.mtimeSec === low32(st.mtimeNs / BILLION) &&
    e.mtimeNsec === Number(st.mtimeNs % BILLION) &&
    e.ctimeSec === low32(st.ctimeNs / BILLION) &&
    e.ctimeNsec === Number(st.ctimeNs % BILLION) &&
    e.ino === low32(st.ino) &&
    e.uid === low32(st.uid) &&
    e.gid === low32(st.gid) &&
    e.size === low32(st.size)
  );
}

/**
 * What the stat data alone says of a file against its entry, as git's ie_modified decides: `clean`; `modified`; or
 * `read` when only its bytes can tell (the stat data differ but the size does not, the size was zeroed as racily
 * clean, or the entry is racy: modified at or after `indexTime`, the index file's own modification time).
 */
export function byStatData(
  e: IndexEntry,
  st: BigIntStats,
  opts: { indexTime: bigint; fileMode: boolean },
): 'clean' | 'modified' | 'read' {
  if (!st.isFile()) return 'modified';
  if (opts.fileMode && ((e.mode ^ Number(st.mode)) & 0o100) !== 0) return 'modified';
  const entryTime = BigInt(e.mtimeSec) * BILLION + BigInt(e.mtimeNsec);
  if (statMatches(e, st) && entryTime < opts.indexTime) return 'clean';
  if (e.size !== 0 && e.size !== low32(st.size)) return 'modified';
  return 'read';
}

/** The git blob id (SHA-1) of a file's bytes. */
function blobIdOfFile(path: string, size: bigint): Promise<string> {
  return digestFile(path, createHash('sha1').update(`blob ${size}\0`));
}

/**
 * The index file's bytes and modification time, from one open file (git replaces the index by renaming a new one
 * over it, so the two always belong together). No index yet (nothing added): no entries.
 */
async function readIndexFile(path: string): Promise<{ buf?: Buffer; indexTime: bigint }> {
  const handle = await ifPresent(open(path, 'r'));
  if (!handle) return { indexTime: 0n };
  try {
    const [stat, buf] = await Promise.all([handle.stat({ bigint: true }), handle.readFile()]);
    return { buf, indexTime: stat.mtimeNs };
  } finally {
    await handle.close();
  }
}

/**
 * The git blob id a file of a folder is fingerprinted by (its path relative to the folder, with `/`; its full path;
 * its size), when git vouches that the file's bytes are the blob's; undefined otherwise.
 */
export type BlobIdOf = (rel: string, full: string, size: number) => Promise<string | undefined>;

/**
 * Vouches for the files of `dir` from its repository's index, or says why it cannot (git is then asked). Paths are
 * relative to `dir`, with `/`.
 */
export async function indexBlobIds(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ blobIdOf: BlobIdOf } | { why: string }> {
  return readIndex(dir, env).catch((err: unknown) => ({ why: messageOf(err) }));
}

async function readIndex(dir: string, env: NodeJS.ProcessEnv): Promise<{ blobIdOf: BlobIdOf } | { why: string }> {
  const found = await plainRepository(dir, env);
  if ('why' in found) return found;
  const { gitDir, workTree, folder, fileMode } = found.repository;
  const { buf, indexTime } = await readIndexFile(`${gitDir}/index`);
  const prefix = folder === '' ? '' : `${folder}/`;
  const all = buf ? parseIndex(buf) : [];
  const byPath = new Map<string, IndexEntry>();
  for (const e of all) {
    if (!e.path.startsWith(prefix) || e.stage !== 0 || e.assumeValid || e.skipWorktree || e.intentToAdd) continue;
    if (e.mode !== 0o100644 && e.mode !== 0o100755) continue;
    byPath.set(e.path.slice(prefix.length), e);
  }
  const attributes = await attributesFileFor(workTree, folder, [...byPath.values()], all);
  if (attributes) return { why: `${attributes} exists` };
  const blobIdOf: BlobIdOf = async (rel, full) => {
    const e = byPath.get(rel);
    const st = e && (await lstat(full, { bigint: true }).catch(() => undefined));
    if (!e || !st) return undefined;
    const verdict = byStatData(e, st, { indexTime, fileMode });
    if (verdict !== 'read') return verdict === 'clean' ? e.id : undefined;
    return (await blobIdOfFile(full, st.size)) === e.id ? e.id : undefined;
  };
  return { blobIdOf };
}

/** The folder holding `path` (a path in the work tree, with `/`; the top is ''). */
const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/**
 * A `.gitattributes` git would read for any of the entries or for `folder` (in their folders or any folder above, in
 * the work tree or, where missing there, in the index), or undefined when there is none.
 */
async function attributesFileFor(
  workTree: string,
  folder: string,
  entries: IndexEntry[],
  indexed: IndexEntry[],
): Promise<string | undefined> {
  // The folder and those above it first: every other walk up then stops at one already seen, the top at the latest.
  const folders = new Set<string>([folder]);
  for (let f = folder; f !== ''; f = parentOf(f)) folders.add(parentOf(f));
  for (const e of entries) for (let f = parentOf(e.path); !folders.has(f); f = parentOf(f)) folders.add(f);
  const files = [...folders].map((f) => (f === '' ? '.gitattributes' : `${f}/.gitattributes`));
  const wanted = new Set(files);
  const inIndex = indexed.find((e) => wanted.has(e.path));
  if (inIndex) return `${workTree}/${inIndex.path}`;
  const present = await Promise.all(files.map((f) => ifPresent(lstat(`${workTree}/${f}`))));
  const index = present.findIndex(Boolean);
  return index < 0 ? undefined : `${workTree}/${files[index]}`;
}
