// Git's configuration files, read as git reads them, for the few settings that decide whether the index alone can
// vouch for a file's bytes (git-repository.ts). The syntax is git's: `[section]`, `[section "subsection"]` and the
// older `[section.subsection]`; `key = value` or a bare `key` (true); `#` and `;` comments; double quotes and the
// escapes \" \\ \n \t \b; a backslash at the end of a line continues the value. Anything else is an error, so that a
// file this parser misreads is never taken as certain.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';

import { ifPresent } from './if-present.js';

/** `section.key` or `section.subsection.key` (section and key lower case, as git compares them), and its value. */
export interface ConfigEntry {
  key: string;
  /** Null for a bare key (`[core] bare`), which git reads as true. */
  value: string | null;
  /** The file it was read from. */
  file: string;
  /** True when read from a file that an include or includeIf named (whose condition is not evaluated here). */
  included: boolean;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\' };

/** A cursor over one file's text, with the line it is on for error messages. */
class Cursor {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    if (text.startsWith('\uFEFF')) this.at = 1;
  }
  get done(): boolean {
    return this.at >= this.text.length;
  }
  peek(): string {
    return this.text[this.at] ?? '';
  }
  next(): string {
    return this.text[this.at++] ?? '';
  }
  /** Fails at the line of the character read last. */
  fail(why: string): never {
    const line = this.text.slice(0, Math.max(0, this.at - 1)).split('\n').length;
    throw new Error(`${this.file}:${line}: ${why}`);
  }
  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.at++;
  }
  skipLine(): void {
    while (!this.done && this.next() !== '\n');
  }
}

/** `[name]`, `[name "sub"]` or `[name.sub]`, after its `[`: the key prefix it sets. */
function sectionHeader(c: Cursor): string {
  let name = '';
  while (/[A-Za-z0-9.-]/.test(c.peek())) name += c.next();
  if (name === '') c.fail('a section name was expected');
  c.skipBlanks();
  if (c.peek() === ']') {
    c.next();
    // The older form: the part after the first dot is the subsection, lower-cased.
    return name.toLowerCase();
  }
  if (c.next() !== '"' || name.includes('.')) c.fail('a subsection in double quotes was expected');
  let sub = '';
  for (;;) {
    const ch = c.next();
    if (ch === '' || ch === '\n') c.fail('the subsection has no closing quote');
    if (ch === '"') break;
    sub += ch === '\\' ? c.next() : ch;
  }
  if (c.next() !== ']') c.fail('`]` was expected after the subsection');
  return `${name.toLowerCase()}.${sub}`;
}

/** A value after its `=`, to the end of its (possibly continued) line. */
function value(c: Cursor): string {
  let out = '';
  let quoted = false;
  // Whitespace outside quotes is kept only between words: trailing runs are dropped.
  let pendingSpace = '';
  for (;;) {
    const ch = c.next();
    if (ch === '' || (ch === '\n' && !quoted)) break;
    if (ch === '\n') c.fail('the value has no closing quote');
    if (!quoted && (ch === '#' || ch === ';')) {
      c.skipLine();
      break;
    }
    if (!quoted && (ch === ' ' || ch === '\t' || ch === '\r')) {
      if (out !== '') pendingSpace += ch;
      continue;
    }
    out += pendingSpace;
    pendingSpace = '';
    if (ch === '"') {
      quoted = !quoted;
    } else if (ch === '\\') {
      const escaped = c.next();
      if (escaped === '\n') continue;
      if (escaped === '\r' && c.peek() === '\n') {
        c.next();
        continue;
      }
      const replacement = ESCAPES[escaped];
      if (replacement === undefined) c.fail(`the escape \\${escaped} is not one git knows`);
      out += replacement;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The entries of one file's text, in order. Throws on anything git would refuse or this parser cannot be sure of. */
export function parseGitConfig(text: string, file: string, included = false): ConfigEntry[] {
  const c = new Cursor(text, file);
  const entries: ConfigEntry[] = [];
  let section: string | undefined;
  while (!c.done) {
    c.skipBlanks();
    const ch = c.peek();
    if (ch === '\n' || ch === '\r') {
      c.next();
    } else if (ch === '#' || ch === ';') {
      c.skipLine();
    } else if (ch === '[') {
      c.next();
      section = sectionHeader(c);
    } else if (/[A-Za-z]/.test(ch)) {
      if (section === undefined) c.fail('a key outside any section');
      let name = '';
      while (/[A-Za-z0-9-]/.test(c.peek())) name += c.next();
      c.skipBlanks();
      const key = `${section}.${name.toLowerCase()}`;
      if (c.peek() === '=') {
        c.next();
        c.skipBlanks();
        entries.push({ key, value: value(c), file, included });
      } else {
        const rest = c.peek();
        if (rest !== '' && rest !== '\n' && rest !== '\r' && rest !== '#' && rest !== ';') c.fail('`=` was expected');
        entries.push({ key, value: null, file, included });
        c.skipLine();
      }
    } else if (ch !== '') {
      c.next();
      c.fail(`unexpected ${JSON.stringify(ch)}`);
    }
  }
  return entries;
}

/** How deep includes may nest, as in git. */
const MAX_INCLUDE_DEPTH = 10;

/**
 * The entries of a configuration file and of every file it includes (include.path, and includeIf.*.path whatever
 * its condition: reading more than git may is the safe side here), in order. A missing file gives nothing, as in git.
 */
export async function readGitConfig(file: string, home: string | undefined, depth = 0): Promise<ConfigEntry[]> {
  if (depth > MAX_INCLUDE_DEPTH) throw new Error(`${file}: includes nested more than ${MAX_INCLUDE_DEPTH} deep`);
  const text = await ifPresent(readFile(file, 'utf8'));
  if (text === undefined) return [];
  const out: ConfigEntry[] = [];
  for (const entry of parseGitConfig(text, file, depth > 0)) {
    out.push(entry);
    const including = entry.key === 'include.path' || /^includeif\..*\.path$/s.test(entry.key);
    if (!including || !entry.value) continue;
    out.push(...(await readGitConfig(includedPath(entry.value, file, home), home, depth + 1)));
  }
  return out;
}

/**
 * An include's path: `~/` is the home folder, a relative path is relative to the including file. Another user's home
 * (`~name/`) and git's `%(prefix)/` are not worked out here: an error, so that git is asked.
 */
function includedPath(path: string, from: string, home: string | undefined): string {
  if (path.startsWith('~/')) {
    if (!home) throw new Error(`${from}: includes ${path} but HOME is not set`);
    return join(home, path.slice(2));
  }
  if (path.startsWith('~') || path.startsWith('%(')) throw new Error(`${from}: includes ${path}`);
  return isAbsolute(path) ? path : join(dirname(from), path);
}

/** A boolean as git reads it, or undefined when the value is not one. */
export function gitBoolean(value: string | null): boolean | undefined {
  if (value === null) return true;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === 'false' || v === 'no' || v === 'off' || v === '') return false;
  return /^-?\d+$/.test(v) ? Number(v) !== 0 : undefined;
}
