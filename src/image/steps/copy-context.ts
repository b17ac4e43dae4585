// The build context as COPY and ADD see it: the paths .dockerignore keeps, minus the Dockerfile and .dockerignore
// when it excludes them (the CLI sends them for the daemon, which removes them again before the build reads the
// context). Files are fingerprinted only when a step asks, by git blob id when git vouches for the bytes, else by
// their sha256, the same two fingerprints as the content tag.
import { resolve } from 'node:path';

import dockerignore from '@balena/dockerignore';

import { fileFingerprint } from '../content-hash.js';
import { parseDockerignore, walkContext, type ContextEntry, type ResolvedContext } from '../build-context.js';
import { gitBlobIds, type GitRunner } from '../git-ids.js';
import type { CopyContext } from './keys.js';

const ignore = dockerignore.default;

/** The entries COPY can name: the sent ones, less the Dockerfile and .dockerignore when .dockerignore excludes them. */
export async function copyEntries(resolved: ResolvedContext): Promise<ContextEntry[]> {
  const patterns = ignore().add(parseDockerignore(resolved.ignoreText ?? ''));
  const removed = new Set(
    ['.dockerignore', ...(resolved.inside ? [resolved.dockerfileName] : [])].filter((p) => patterns.ignores(p)),
  );
  const entries: ContextEntry[] = [];
  for await (const entry of walkContext({ dir: resolved.context, filter: resolved.filter, skip: resolved.skip })) {
    if (!removed.has(entry.rel)) entries.push(entry);
  }
  return entries;
}

/**
 * The COPY view of a resolved context, fingerprinting lazily (each file once). `known` are the fingerprints the content
 * hash took a moment ago (the same two kinds): git is then not asked again and no file is read twice.
 */
export async function copyContext(
  resolved: ResolvedContext,
  opts: { wholeDigest: string; git?: GitRunner | false; known?: Map<string, string> },
): Promise<CopyContext> {
  const [entries, blobIdOf] = await Promise.all([
    copyEntries(resolved),
    opts.git === false || opts.known
      ? Promise.resolve(undefined)
      : gitBlobIds(resolve(resolved.context), opts.git ? { git: opts.git } : {}),
  ]);
  const memo = new Map<string, Promise<string>>();
  return {
    entries,
    byPath: new Map(entries.map((e) => [e.rel, e])),
    wholeDigest: opts.wholeDigest,
    fingerprint(entry) {
      let print = memo.get(entry.rel);
      const known = opts.known?.get(entry.rel);
      if (!print && known !== undefined) print = Promise.resolve(known);
      if (!print) {
        print = fileFingerprint(blobIdOf, entry);
        memo.set(entry.rel, print);
      }
      return print;
    },
  };
}
