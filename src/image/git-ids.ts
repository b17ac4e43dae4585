// Git's own content ids for the clean tracked files of a build context, so the content hash need not read them again.
// In a git work tree (a CI checkout always is one) the index holds the blob id of every tracked file, and git's dirty
// check (stat data, with its racy-git content compare) says which files still match it. A file is fingerprinted by its
// blob id only when git also says its bytes on disk are the blob's bytes: tracked at stage 0, not modified, not marked
// assume-unchanged or skip-worktree, and without a conversion between the blob and the work tree (ident, a filter
// other than LFS, working-tree-encoding; for end-of-line conversion and LFS, see sizeCheck). Anything else, or any
// failure of git, leaves the file to be hashed by content. Where the index alone is certain, it is read directly and
// no git process starts (git-index.ts); gitBlobIds chooses.
import { spawn } from 'node:child_process';

import { indexBlobIds, type BlobIdOf } from './git-index.js';

export type { BlobIdOf } from './git-index.js';

/**
 * Runs git with `args` in `cwd`; resolves with its stdout, rejects when it fails. `input` goes to its stdin, once it is
 * known: git starts at once either way (a start costs the caller's thread several milliseconds, better spent while
 * another git works), and is stopped when the input cannot be had.
 */
export type GitRunner = (args: string[], opts: { cwd: string; input?: string | Promise<string> }) => Promise<string>;

export interface GitBlob {
  /** The blob id (SHA-1, or SHA-256 in a sha256 repository). */
  id: string;
  /**
   * When the blob's bytes equal the file's only for some sizes: `equal` true, only when the file's size is `blob`
   * (end-of-line conversion always changes the size, so an equal size means no conversion happened); `equal` false,
   * only when it is not (an LFS file: the blob is the pointer, and a file of the pointer's size may be the pointer
   * itself or content that happens to have its size, so such a file is hashed by content).
   */
  sizeCheck?: { blob: number; equal: boolean };
}

const TIMEOUT_MS = 30_000;

/**
 * git, without a shell, with a timeout, and without taking optional locks (the index is left as it is). It inherits
 * process.env as it is (a copy would read every variable once more: each read calls into Node's C++ side), and gets a
 * stdin only when it has an input.
 */
export const runGit: GitRunner = (args, opts) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn('git', ['--no-optional-locks', ...args], {
      cwd: opts.cwd,
      timeout: TIMEOUT_MS,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const fail = (why: string): void => reject(new Error(`git ${args[0] ?? ''}: ${why}`));
    child.on('error', (err) => fail(err.message));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
      const said = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0];
      fail(said || (signal ? `stopped by ${signal}` : `exit status ${code ?? '?'}`));
    });
    if (!child.stdin) return;
    const stdin = child.stdin;
    stdin.on('error', () => undefined); // git may exit before reading all of its input: 'close' reports it
    Promise.resolve(opts.input).then(
      (input) => stdin.end(input ?? ''),
      () => child.kill(),
    );
  });

/** Splits `-z` output into its fields (the trailing NUL leaves no empty field). */
function fields(out: string): string[] {
  const parts = out.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/**
 * `git ls-files -c -m -d -s -v -z .`: tag, mode, object id, stage and path (relative to the context) of each index
 * entry (tag `H`, lower case when assume-unchanged, `S` for skip-worktree, `M` unmerged), then again for each entry
 * whose file is modified (`C`) or deleted (`R`): one git process gives both the ids and git's dirty check.
 */
export const LS_FILES = ['ls-files', '-c', '-m', '-d', '-s', '-v', '-z', '--', '.'];

function parseStage(out: string): { tag: string; mode: string; id: string; stage: string; path: string }[] {
  return fields(out).flatMap((record) => {
    const match = /^(\S+) (\d+) ([0-9a-f]+) (\d+)\t(.*)$/s.exec(record);
    if (!match) return [];
    const [, tag = '', mode = '', id = '', stage = '', path = ''] = match;
    return [{ tag, mode, id, stage, path }];
  });
}

/**
 * `git check-attr -z`: path → attribute → value (`set`, `unset` or a value). An `unspecified` attribute is left out,
 * as conversionOf reads a missing one: most attributes of most files are, and a checkout of 10,000 files gives 50,000.
 */
function parseAttributes(out: string): Map<string, Map<string, string>> {
  const parts = fields(out);
  const byPath = new Map<string, Map<string, string>>();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const value = parts[i + 2] ?? '';
    if (value === 'unspecified') continue;
    const path = parts[i] ?? '';
    const attr = parts[i + 1] ?? '';
    const attrs = byPath.get(path) ?? new Map<string, string>();
    attrs.set(attr, value);
    byPath.set(path, attrs);
  }
  return byPath;
}

type Conversion = 'none' | 'eol' | 'lfs' | 'unsafe';

/** What git may do to the bytes between the blob and the work tree, from the file's attributes and core.autocrlf. */
export function conversionOf(attrs: Map<string, string> | undefined, autocrlf: string): Conversion {
  const get = (name: string): string => attrs?.get(name) ?? 'unspecified';
  if (get('ident') === 'set' || get('working-tree-encoding') !== 'unspecified') return 'unsafe';
  const filter = get('filter');
  if (filter === 'lfs') return 'lfs';
  if (filter !== 'unspecified' && filter !== 'unset') return 'unsafe';
  const text = get('text');
  if (text === 'unset') return 'none';
  // Checkout may write CRLF, and add normalises CRLF to LF (leaving the work tree as it was): both change the size.
  if (text !== 'unspecified' || get('eol') !== 'unspecified' || autocrlf !== 'false') return 'eol';
  return 'none';
}

/** core.autocrlf as `true`, `input` or `false`. */
function parseAutocrlf(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === 'input') return 'input';
  return ['true', 'yes', 'on', '1'].includes(v) ? 'true' : 'false';
}

/** The regular files tracked at stage 0 whose bytes git says match the index (not modified, deleted or assumed). */
function cleanCandidates(listed: string): { path: string; id: string }[] {
  const entries = parseStage(listed);
  const dirty = new Set(entries.filter((e) => e.tag === 'C' || e.tag === 'R').map((e) => e.path));
  return entries.filter(
    (e) => e.tag === 'H' && e.stage === '0' && (e.mode === '100644' || e.mode === '100755') && !dirty.has(e.path),
  );
}

/** The objects' sizes (`git cat-file --batch-check`), by id. */
async function blobSizes(git: GitRunner, context: string, ids: string[]): Promise<Map<string, number>> {
  const out = await git(['cat-file', '--batch-check=%(objectname) %(objectsize)'], {
    cwd: context,
    input: ids.map((id) => `${id}\n`).join(''),
  });
  return new Map(
    out
      .split('\n')
      .map((line) => line.split(' '))
      .filter((p) => p.length === 2 && /^\d+$/.test(p[1] ?? ''))
      .map(([id = '', size = '']) => [id, Number(size)] as const),
  );
}

/**
 * The blob ids of the context's clean tracked files (paths relative to `context`, with `/`), or undefined when
 * `context` is not in a git work tree or git cannot tell (every file is then hashed by content).
 */
export async function cleanBlobIds(
  context: string,
  opts: { git?: GitRunner; debug?: (message: string) => void } = {},
): Promise<Map<string, GitBlob> | undefined> {
  const git = opts.git ?? runGit;
  try {
    const candidates = git(LS_FILES, { cwd: context }).then(cleanCandidates);
    // check-attr starts now and reads the paths when ls-files has listed them: the two starts overlap.
    const paths = candidates.then((entries) => entries.map((e) => `${e.path}\0`).join(''));
    paths.catch(() => undefined); // when ls-files fails, that failure is the one reported
    const attributes = git(['check-attr', '-z', '--stdin', 'eol', 'text', 'filter', 'ident', 'working-tree-encoding'], {
      cwd: context,
      input: paths,
    });
    // Exit status 1 when it is not set.
    const autocrlf = git(['config', '--get', 'core.autocrlf'], { cwd: context }).then(parseAutocrlf, () => 'false');
    const [clean, attrs, crlf] = await Promise.all([candidates, attributes.then(parseAttributes), autocrlf]);
    const ids = new Map<string, GitBlob>();
    const sized: { path: string; id: string; equal: boolean }[] = [];
    for (const e of clean) {
      const conversion = conversionOf(attrs.get(e.path), crlf);
      if (conversion === 'none') ids.set(e.path, { id: e.id });
      else if (conversion !== 'unsafe') sized.push({ path: e.path, id: e.id, equal: conversion === 'eol' });
    }
    const sizes =
      sized.length > 0
        ? await blobSizes(
            git,
            context,
            sized.map((s) => s.id),
          )
        : new Map<string, number>();
    for (const s of sized) {
      const blob = sizes.get(s.id);
      if (blob !== undefined) ids.set(s.path, { id: s.id, sizeCheck: { blob, equal: s.equal } });
    }
    return ids;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    opts.debug?.(`Build context ${context}: no git ids (${detail}); every file is hashed by content`);
    return undefined;
  }
}

/** The git id to fingerprint a file of `size` bytes by, when its blob's bytes are the file's. */
export function usableBlobId(blob: GitBlob | undefined, size: number): string | undefined {
  if (!blob) return undefined;
  if (blob.sizeCheck && (blob.sizeCheck.blob === size) !== blob.sizeCheck.equal) return undefined;
  return blob.id;
}

/**
 * How the files of `dir` are fingerprinted by blob id: from git's index read directly when that is certain
 * (git-index.ts: no process started), else by asking git (cleanBlobIds); undefined when git cannot tell either (every
 * file is then hashed by content). Both give a file the same answer. An injected runner (tests) is always asked.
 */
export async function gitBlobIds(
  dir: string,
  opts: { git?: GitRunner; debug?: (message: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<BlobIdOf | undefined> {
  if (!opts.git) {
    const direct = await indexBlobIds(dir, opts.env);
    if ('blobIdOf' in direct) return direct.blobIdOf;
    opts.debug?.(`${dir}: git is asked for its blob ids (its index alone cannot vouch: ${direct.why})`);
  }
  const ids = await cleanBlobIds(dir, opts);
  return ids && ((rel, _full, size) => Promise.resolve(usableBlobId(ids.get(rel), size)));
}
