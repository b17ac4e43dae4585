// Which paths of the build context a COPY or ADD source names, as the builder decides it: a path cleaned of `.`, `..`
// and a leading `/` (never leaving the context); a source with wildcards matched against every path with Go's
// filepath.Match rules (`*` and `?` stop at `/`, `[…]` classes, `\` escapes), a matched folder taken whole.
import type { ContextEntry } from '../build-context.js';

export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** A source path as the builder cleans it, relative to the context root ('' for the root itself). */
export function cleanSource(source: string): string {
  const out: string[] = [];
  for (const segment of source.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

export function hasWildcard(source: string): boolean {
  return /[*?[\\]/.test(source);
}

function matchClass(pattern: string, i: number, ch: string): { end: number; ok: boolean } {
  let j = i + 1;
  const negate = pattern[j] === '^';
  if (negate) j++;
  let ok = false;
  let first = true;
  while (j < pattern.length && (first || pattern[j] !== ']')) {
    first = false;
    let lo = pattern[j] ?? '';
    if (lo === '\\') lo = pattern[++j] ?? '';
    let hi = lo;
    if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
      hi = pattern[j + 2] === '\\' ? (pattern[j + 3] ?? '') : (pattern[j + 2] ?? '');
      j += pattern[j + 2] === '\\' ? 3 : 2;
    }
    if (lo <= ch && ch <= hi) ok = true;
    j++;
  }
  if (pattern[j] !== ']') throw new SourceError(`bad pattern "${pattern}": unclosed [`);
  return { end: j + 1, ok: ok !== negate };
}

/** Go's filepath.Match on `/`-separated paths. */
export function globMatch(pattern: string, name: string): boolean {
  const match = (p: number, n: number): boolean => {
    while (p < pattern.length) {
      const c = pattern[p] ?? '';
      if (c === '*') {
        for (let k = n; k <= name.length; k++) {
          if (match(p + 1, k)) return true;
          if (name[k] === '/') return false;
        }
        return false;
      }
      if (n >= name.length) return false;
      const ch = name[n] ?? '';
      if (c === '?') {
        if (ch === '/') return false;
      } else if (c === '[') {
        if (ch === '/') return false;
        const { end, ok } = matchClass(pattern, p, ch);
        if (!ok) return false;
        p = end;
        n++;
        continue;
      } else if (c === '\\') {
        p++;
        if ((pattern[p] ?? '') !== ch) return false;
      } else if (c !== ch) return false;
      p++;
      n++;
    }
    return n === name.length;
  };
  return match(0, 0);
}

/** One source resolved: the path it names (a file, a folder to copy the contents of) and the entries below it. */
export interface SourceMatch {
  /** The matched path ('' for the context root): a file copied gets its name. */
  root: string;
  /** Where a root that is a symbolic link leads (the builder copies what it points to); else the root itself. */
  resolved: string;
  type: 'file' | 'directory' | 'symlink';
  /** The entries it copies, the root itself first when it is a file or a link. */
  entries: ContextEntry[];
}

const MAX_LINKS = 255;

/**
 * A context path with every symbolic link in it followed inside the context, as the builder follows a source: an
 * absolute target starts again at the context's root, and `..` never leaves it.
 */
export function followInContext(byPath: Map<string, ContextEntry>, rel: string): string {
  const queue = rel.split('/');
  const out: string[] = [];
  let links = 0;
  while (queue.length > 0) {
    const part = queue.shift() ?? '';
    if (part === '' || part === '.') continue;
    if (part === '..') {
      out.pop();
      continue;
    }
    const entry = byPath.get([...out, part].join('/'));
    if (entry?.type !== 'symlink') {
      out.push(part);
      continue;
    }
    if (++links > MAX_LINKS) throw new SourceError(`"${rel}": too many levels of symbolic links`);
    const target = entry.linkname ?? '';
    if (target.startsWith('/')) out.length = 0;
    queue.unshift(...target.split('/'));
  }
  return out.join('/');
}

function under(entries: ContextEntry[], root: string): ContextEntry[] {
  if (root === '') return entries;
  const prefix = `${root}/`;
  return entries.filter((e) => e.rel.startsWith(prefix));
}

function matchOf(
  entries: ContextEntry[],
  byPath: Map<string, ContextEntry>,
  entry: ContextEntry | undefined,
  root: string,
): SourceMatch {
  if (!entry || entry.type === 'directory')
    return { root, resolved: root, type: 'directory', entries: under(entries, root) };
  if (entry.type === 'file') return { root, resolved: root, type: 'file', entries: [entry] };
  const resolved = followInContext(byPath, root);
  const target = resolved === '' ? undefined : byPath.get(resolved);
  if (resolved !== '' && !target) {
    throw new SourceError(`"${root}" is a link to ${resolved}, which is not in the build context`);
  }
  const followed = matchOf(entries, byPath, target, resolved);
  return { ...followed, root };
}

/**
 * The matches of one source among the context's entries (as COPY sees them, walk order). A plain source that names
 * nothing and a wildcard that matches nothing are errors, as in the builder.
 */
export function matchSource(entries: ContextEntry[], byPath: Map<string, ContextEntry>, source: string): SourceMatch[] {
  const cleaned = cleanSource(source);
  if (!hasWildcard(cleaned)) {
    const entry = byPath.get(cleaned);
    if (cleaned !== '' && !entry)
      throw new SourceError(`"${source}" is not in the build context (or .dockerignore excludes it)`);
    return [matchOf(entries, byPath, entry, cleaned)];
  }
  const found: SourceMatch[] = [];
  let skipBelow: string | undefined;
  for (const entry of entries) {
    if (skipBelow !== undefined && entry.rel.startsWith(skipBelow)) continue;
    skipBelow = undefined;
    if (!globMatch(cleaned, entry.rel)) continue;
    found.push(matchOf(entries, byPath, entry, entry.rel));
    if (entry.type === 'directory') skipBelow = `${entry.rel}/`;
  }
  if (found.length === 0) throw new SourceError(`no source files were specified: "${source}" matches nothing`);
  return found;
}
