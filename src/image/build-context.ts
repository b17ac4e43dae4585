// The build context as Docker sees it: .dockerignore honoured with Docker's own semantics (@balena/dockerignore), the
// Dockerfile and .dockerignore always sent, a Dockerfile from outside the context named by a generated name. The walk
// is shared by the tar sent to the engine (context-tar.ts), the content hash and the step keys; it loads no tar code.
import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

import dockerignore from '@balena/dockerignore';

import { lstatEach } from '../archive/lstat-each.js';

// A CommonJS module whose typings declare a default export: under NodeNext the factory is its `default` property
// (which the module also sets at run time).
const ignore = dockerignore.default;

export interface ContextFilter {
  /** True when the path (relative, with `/`) is excluded. */
  excludes(relPath: string): boolean;
  /** True when an excluded folder may still hold re-included paths, so it must be walked. */
  hasExceptions: boolean;
  /**
   * True when the excluded folder `relDir` must still be walked. As the docker CLI decides it: when the text of an
   * exception pattern starts with the folder's path. A wildcard folder in an exception does not count, so with
   * `src` excluded, an exception for any .py file below src re-enters `src` but not `src/lib`.
   */
  entersExcluded(relDir: string): boolean;
}

/** A pattern as Docker cleans it: no leading slash, no `.` or empty segments, `..` resolved. */
function cleanPattern(pattern: string): string {
  const out: string[] = [];
  for (const segment of pattern.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/** The patterns of a .dockerignore file as Docker reads them: comments and blank lines dropped, whitespace trimmed. */
export function parseDockerignore(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Docker's filter for a context. Like the CLI, .dockerignore and the Dockerfile are sent even when excluded (the
 * daemon needs them and removes them again when they are excluded).
 */
export function contextFilter(patterns: string[], dockerfileRel?: string): ContextFilter {
  const base = ignore().add(patterns);
  const keep = ['.dockerignore', ...(dockerfileRel ? [dockerfileRel] : [])].filter((p) => base.ignores(p));
  const ig = keep.length > 0 ? ignore().add([...patterns, ...keep.map((p) => `!${p}`)]) : base;
  const exceptions = [...patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), ...keep].map(
    (p) => `${cleanPattern(p.trim())}/`,
  );
  return {
    excludes: (relPath) => ig.ignores(relPath),
    hasExceptions: exceptions.length > 0,
    entersExcluded: (relDir) => exceptions.some((p) => p.startsWith(`${relDir}/`)),
  };
}

/** One path of the context as Docker sends it (relative, with `/`). */
export interface ContextEntry {
  rel: string;
  full: string;
  type: 'directory' | 'file' | 'symlink';
  mode: number;
  size: number;
  mtime: Date;
  linkname?: string;
}

/**
 * Walks the context depth first in name order and yields what Docker sends: excluded paths left out, excluded folders
 * entered only when a `!` pattern may re-include something below them. Shared by the tar and the content hash.
 */
export async function* walkContext(opts: {
  dir: string;
  prefix?: string;
  filter: ContextFilter;
  skip: Set<string>;
}): AsyncGenerator<ContextEntry> {
  const prefix = opts.prefix ?? '';
  const names = (
    await readdir(opts.dir).catch((err: NodeJS.ErrnoException) => {
      throw new Error(`Cannot read the folder ${opts.dir} in the build context: ${err.code ?? err.message}`);
    })
  ).sort();
  for await (const [name, stat] of lstatEach(opts.dir, names)) {
    const rel = prefix + name;
    const full = join(opts.dir, name);
    const excluded = opts.skip.has(rel) || opts.filter.excludes(rel);
    const base = { rel, full, mode: stat.mode & 0o7777, size: 0, mtime: stat.mtime };
    if (stat.isDirectory()) {
      if (excluded && !opts.filter.entersExcluded(rel)) continue;
      if (!excluded) yield { ...base, type: 'directory' };
      yield* walkContext({ ...opts, dir: full, prefix: `${rel}/` });
      continue;
    }
    if (excluded) continue;
    if (stat.isFile()) yield { ...base, type: 'file', size: stat.size };
    else if (stat.isSymbolicLink()) yield { ...base, type: 'symlink', linkname: await readlink(full) };
  }
}

/** The context folder, the Dockerfile (its body and its name in the tar) and the filter, as the build will see them. */
export interface ResolvedContext {
  context: string;
  dockerfilePath: string;
  dockerfileBody: Buffer;
  /** The Dockerfile's name inside the tar: its relative path, or a generated name when it is outside the context. */
  dockerfileName: string;
  inside: boolean;
  ignoreText?: string;
  filter: ContextFilter;
  /** Paths never sent (the context's own .dockerignore when the Dockerfile is outside: a generated one replaces it). */
  skip: Set<string>;
}

/** Reads the context's settings (`dockerfile` absolute, or relative to the context); clear errors for missing files. */
export async function resolveContext(opts: { context: string; dockerfile: string }): Promise<ResolvedContext> {
  const context = resolve(opts.context);
  const dockerfilePath = resolve(context, opts.dockerfile);
  const contextStat = await lstat(context).catch(() => undefined);
  if (!contextStat?.isDirectory()) throw new Error(`Build context ${context} is not a folder`);
  const dockerfileBody = await readFile(dockerfilePath).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read the Dockerfile ${dockerfilePath}: ${err.code ?? err.message}`);
  });
  const ignoreText = await readFile(join(context, '.dockerignore'), 'utf8').catch(() => undefined);
  const rel = relative(context, dockerfilePath);
  const inside = rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  const dockerfileName = inside ? rel.split(sep).join('/') : `.dockerfile.${randomBytes(10).toString('hex')}`;
  const filter = contextFilter(parseDockerignore(ignoreText ?? ''), inside ? dockerfileName : undefined);
  return {
    context,
    dockerfilePath,
    dockerfileBody,
    dockerfileName,
    inside,
    ...(ignoreText !== undefined ? { ignoreText } : {}),
    filter,
    skip: new Set<string>(inside ? [] : ['.dockerignore']),
  };
}
