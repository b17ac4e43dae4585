// Variable expansion and word splitting as the builder's shell lexer does them: `$VAR`, `${VAR}`, `${VAR:-word}`,
// `${VAR:+word}` (and the forms without the colon), single quotes literal, double quotes expanded, the escape token
// before a character making it literal. A variable nobody set expands to nothing, as in the builder.

export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** Looks a variable up; `undefined` when it is not set. */
export type Lookup = (name: string) => string | undefined;

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  peek(): string | undefined {
    return this.text[this.pos];
  }
  next(): string | undefined {
    return this.text[this.pos++];
  }
}

const NAME_CHAR = /[A-Za-z0-9_]/;

function readName(s: Scanner): string {
  let name = '';
  const first = s.peek();
  // `$1`: a positional parameter is a single digit.
  if (first !== undefined && /[0-9]/.test(first)) return s.next() ?? '';
  while (s.peek() !== undefined && NAME_CHAR.test(s.peek() ?? '')) name += s.next();
  return name;
}

function processBraced(s: Scanner, lookup: Lookup, escape: string): string {
  const name = readName(s);
  if (name === '') throw new ExpansionError(`bad substitution near "${s.text}"`);
  const ch = s.next();
  if (ch === undefined) throw new ExpansionError(`missing "}" in "${s.text}"`);
  if (ch === '}') return lookup(name) ?? '';
  const colon = ch === ':';
  const op = colon ? s.next() : ch;
  if (op !== '-' && op !== '+' && op !== '?') {
    throw new ExpansionError(`unsupported modifier "${colon ? ':' : ''}${op ?? ''}" in \${${name}…} of "${s.text}"`);
  }
  const word = processUntil(s, lookup, escape, '}');
  const value = lookup(name);
  const set = colon ? value !== undefined && value !== '' : value !== undefined;
  if (op === '-') return set ? (value ?? '') : word;
  if (op === '+') return set ? word : '';
  if (!set) throw new ExpansionError(`${name}: ${word || 'is not allowed to be unset'}`);
  return value ?? '';
}

function processDollar(s: Scanner, lookup: Lookup, escape: string): string {
  const ch = s.peek();
  if (ch === '{') {
    s.next();
    return processBraced(s, lookup, escape);
  }
  if (ch === undefined || !NAME_CHAR.test(ch)) return '$';
  return lookup(readName(s)) ?? '';
}

function processSingleQuote(s: Scanner): string {
  let out = '';
  for (let ch = s.next(); ch !== "'"; ch = s.next()) {
    if (ch === undefined) throw new ExpansionError(`unexpected end of text in '' in "${s.text}"`);
    out += ch;
  }
  return out;
}

function processDoubleQuote(s: Scanner, lookup: Lookup, escape: string): string {
  let out = '';
  for (let ch = s.next(); ch !== '"'; ch = s.next()) {
    if (ch === undefined) throw new ExpansionError(`unexpected end of text in "" in "${s.text}"`);
    if (ch === '$') out += processDollar(s, lookup, escape);
    else if (ch === escape && ['"', '$', escape].includes(s.peek() ?? '')) out += s.next();
    else out += ch;
  }
  return out;
}

function processUntil(s: Scanner, lookup: Lookup, escape: string, stop?: string): string {
  let out = '';
  for (;;) {
    const ch = s.next();
    if (ch === undefined) {
      if (stop !== undefined) throw new ExpansionError(`missing "${stop}" in "${s.text}"`);
      return out;
    }
    if (ch === stop) return out;
    if (ch === "'") out += processSingleQuote(s);
    else if (ch === '"') out += processDoubleQuote(s, lookup, escape);
    else if (ch === '$') out += processDollar(s, lookup, escape);
    else if (ch === escape) out += s.next() ?? '';
    else out += ch;
  }
}

/** One word expanded, quotes removed. */
export function expandWord(word: string, lookup: Lookup, escape = '\\'): string {
  return processUntil(new Scanner(word), lookup, escape);
}

/**
 * Splits text into words on whitespace outside quotes; the escape token keeps the next character in the word. The
 * words keep their quotes and escapes (expandWord removes them), as the builder's parser does.
 */
export function splitWords(text: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === undefined && /\s/.test(ch)) {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += ch;
    if (ch === escape && quote !== "'" && i + 1 < text.length) word += text[++i] ?? '';
    else if (quote === undefined && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = undefined;
  }
  if (word !== '') words.push(word);
  return words;
}

/** `key=value …` pairs (ENV, LABEL, ARG), or the old `ENV key value` form when `legacy` allows it. */
export function nameValuePairs(
  text: string,
  escape: string,
  legacy: boolean,
): { name: string; value: string | undefined }[] {
  const words = splitWords(text, escape);
  if (words.length === 0) return [];
  const first = words[0] ?? '';
  if (legacy && !first.includes('=')) {
    const value = text.trim().slice(first.length).trim();
    return [{ name: first, value }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { name: w, value: undefined } : { name: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}
