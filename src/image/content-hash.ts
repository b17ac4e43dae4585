// The content tag: a sha256 of exactly what a build sees (the paths .dockerignore keeps, their types, modes and bytes,
// the Dockerfile, build args, target and platform). Equal tags mean equal builds, so an image already tagged with it
// need not be built or pushed again. A file is fingerprinted by its bytes (read and hashed, streamed, a few files at a
// time), or, when the context is in a git work tree and git says the file is tracked, clean and unconverted, by git's
// blob id of those same bytes (git-ids.ts, from the index read directly where that is certain: git-index.ts): a CI
// checkout is then hashed without reading its tracked files. Never a shortcut by size or modification time of our
// own. The two fingerprints are told apart in the digest (`git:` before a blob id), so the same folder inside and
// outside a work tree gets two different tags, each stable.
import { createHash, type Hash } from 'node:crypto';
import { resolve } from 'node:path';

import { messageOf } from '../error-message.js';
import type { BuildImageSpec } from '../request.js';
import { resolveContext, walkContext, type ContextEntry, type ResolvedContext } from './build-context.js';
import { digestFile } from './file-digest.js';
import { gitBlobIds, type BlobIdOf, type GitRunner } from './git-ids.js';

/**
 * Bumped whenever what goes into the digest changes, so old tags are not mistaken for new ones. Still v1 with git ids:
 * a `git:` fingerprint is never a content sha256, and a context outside git keeps the tag it had.
 */
const VERSION = 'sagemaker-train/context/v1';
const CONCURRENCY = 4;

export interface ContextDigest {
  /** `sha256:<64 hex>`. */
  digest: string;
  /** `ctx-<first 16 hex>`: the image tag. */
  tag: string;
  files: number;
  /** The size of the files sent. */
  bytes: number;
  /** The bytes read and hashed here (the files not fingerprinted by a git blob id). */
  readBytes: number;
  /** The files fingerprinted by their git blob id. */
  gitFiles: number;
  /** Each file's fingerprint as folded in (`git:<blob id>` or its sha256), by context path: the step keys reuse them. */
  fingerprints: Map<string, string>;
}

export interface HashOptions {
  concurrency?: number;
  /** Where the git ids come from (tests); false: hash every file by content. */
  git?: GitRunner | false;
  debug?: (message: string) => void;
}

/** The sha256 of one file. */
export async function hashFile(path: string): Promise<string> {
  try {
    return await digestFile(path, createHash('sha256'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`Cannot read ${path} in the build context: ${code ?? messageOf(err)}`);
  }
}

/** One line per entry: type, path, mode, and the content's sha256 (or `git:<blob id>`) or the link target. */
function entryLine(entry: ContextEntry, contentHash?: string): string {
  const mode = entry.mode.toString(8);
  if (entry.type === 'directory') return `d ${JSON.stringify(entry.rel)} ${mode}\n`;
  if (entry.type === 'symlink') return `l ${JSON.stringify(entry.rel)} ${mode} ${JSON.stringify(entry.linkname)}\n`;
  return `f ${JSON.stringify(entry.rel)} ${mode} ${entry.size} ${contentHash ?? ''}\n`;
}

type HashedSpec = Pick<BuildImageSpec, 'context' | 'dockerfile' | 'buildArgs' | 'target' | 'platform'>;

/** The build's settings, folded in before the tree: platform, target, build args and the Dockerfile by content. */
function foldSettings(total: Hash, spec: HashedSpec, resolved: ResolvedContext): void {
  total.update(`${VERSION}\n`);
  total.update(`platform ${JSON.stringify(spec.platform)}\n`);
  total.update(`target ${JSON.stringify(spec.target ?? '')}\n`);
  for (const key of Object.keys(spec.buildArgs).sort()) {
    total.update(`arg ${JSON.stringify(key)}=${JSON.stringify(spec.buildArgs[key])}\n`);
  }
  // When the Dockerfile is inside the context, its path is part of the tree too.
  const dockerfileHash = createHash('sha256').update(resolved.dockerfileBody).digest('hex');
  total.update(
    `dockerfile ${resolved.inside ? JSON.stringify(resolved.dockerfileName) : '(outside)'} ${dockerfileHash}\n`,
  );
}

type Tally = Omit<ContextDigest, 'digest' | 'tag'>;

/**
 * Folds in the tree's entries in walk order; file contents are hashed by a small pool, and the walk waits when the
 * pool is full, so memory stays bounded whatever the context's size.
 */
async function foldEntries(
  total: Hash,
  resolved: ResolvedContext,
  blobIdOf: BlobIdOf | undefined,
  limit: number,
): Promise<Tally> {
  const tally: Tally = { files: 0, bytes: 0, readBytes: 0, gitFiles: 0, fingerprints: new Map<string, string>() };
  // In-flight lines, in walk order: folded from the front as they complete.
  const pending: Promise<string>[] = [];
  const foldFirst = async (): Promise<void> => {
    const first = pending.shift();
    if (first) total.update(await first);
  };
  try {
    for await (const entry of walkContext({ dir: resolved.context, filter: resolved.filter, skip: resolved.skip })) {
      pending.push(entry.type === 'file' ? fileLine(entry, blobIdOf, tally) : Promise.resolve(entryLine(entry)));
      while (pending.length >= limit) await foldFirst();
    }
    while (pending.length > 0) await foldFirst();
  } catch (err) {
    await Promise.allSettled(pending);
    throw err;
  }
  return tally;
}

/**
 * A file's fingerprint: `git:<blob id>` when git vouches for its bytes (`blobIdOf`), otherwise the sha256 of its
 * bytes. `rel` is its path in the folder `blobIdOf` was made for, with `/`.
 */
export async function fileFingerprint(
  blobIdOf: BlobIdOf | undefined,
  file: { rel: string; full: string; size: number },
): Promise<string> {
  const blobId = await blobIdOf?.(file.rel, file.full, file.size);
  return blobId !== undefined ? `git:${blobId}` : hashFile(file.full);
}

/** A file's line, with its fingerprint (fileFingerprint). */
function fileLine(entry: ContextEntry, blobIdOf: BlobIdOf | undefined, tally: Tally): Promise<string> {
  tally.files++;
  tally.bytes += entry.size;
  const line = fileFingerprint(blobIdOf, entry).then((print) => {
    if (print.startsWith('git:')) tally.gitFiles++;
    else tally.readBytes += entry.size;
    tally.fingerprints.set(entry.rel, print);
    return entryLine(entry, print);
  });
  line.catch(() => undefined); // observed when folded; avoids an unhandled rejection meanwhile
  return line;
}

/** Hashes the build of `spec`: its settings, then every entry .dockerignore keeps. */
export async function hashBuildContext(spec: HashedSpec, opts: HashOptions = {}): Promise<ContextDigest> {
  // Git's view of the folder (it never rejects) while the context's settings are read.
  const gitIds =
    opts.git === false
      ? Promise.resolve(undefined)
      : gitBlobIds(resolve(spec.context), { ...(opts.git ? { git: opts.git } : {}), ...debugOf(opts) });
  gitIds.catch(() => undefined); // awaited after the context's settings, whose failure comes first
  const resolved = await resolveContext(spec);
  const blobIdOf = await gitIds;
  const total = createHash('sha256');
  foldSettings(total, spec, resolved);
  const tally = await foldEntries(total, resolved, blobIdOf, Math.max(1, opts.concurrency ?? CONCURRENCY));
  const hex = total.digest('hex');
  return { digest: `sha256:${hex}`, tag: `ctx-${hex.slice(0, 16)}`, ...tally };
}

function debugOf(opts: HashOptions): { debug?: (message: string) => void } {
  return opts.debug ? { debug: opts.debug } : {};
}
