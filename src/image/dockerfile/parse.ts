// A Dockerfile read the way the classic builder reads it: parser directives (`# escape=`), comments, line
// continuations (comments and blank lines inside them dropped), `--flag=value` options and the JSON form. Every
// instruction keeps its line number, so anything the tool refuses names the line.

export interface Instruction {
  /** Upper-case keyword: FROM, COPY, ENV, … */
  keyword: string;
  /** 1-based line of the keyword. */
  line: number;
  /** `--name=value` options, in order (`--link` without a value is `true`). */
  flags: { name: string; value: string | true }[];
  /** The arguments after the options, joined as the builder sees them (continuations removed). */
  rest: string;
  /** The arguments as a list when written in JSON form (`["a", "b"]`). */
  json?: string[];
  /** The instruction's text as written (continuations joined), for history and messages. */
  original: string;
}

export interface ParsedDockerfile {
  escape: string;
  instructions: Instruction[];
}

export class DockerfileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`Dockerfile line ${line}: ${message}`);
    this.name = 'DockerfileError';
  }
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KEYWORDS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
]);
/** Instructions whose options are parsed (others take their text as it is). */
const WITH_FLAGS = new Set(['FROM', 'COPY', 'ADD', 'RUN', 'HEALTHCHECK']);

/** Reads the directives at the top (until the first line that is not one). */
function readDirectives(lines: string[]): { escape: string; first: number } {
  let escape = '\\';
  let i = 0;
  for (; i < lines.length; i++) {
    const match = DIRECTIVE.exec(lines[i] ?? '');
    if (!match) break;
    const name = (match[1] ?? '').toLowerCase();
    if (name === 'escape') {
      const value = match[2] ?? '';
      if (value !== '\\' && value !== '`') throw new DockerfileError(`invalid escape token "${value}"`, i + 1);
      escape = value;
    }
  }
  return { escape, first: i };
}

/** Splits the leading `--name=value` options off the arguments. */
function splitFlags(text: string, line: number): { flags: Instruction['flags']; rest: string } {
  const flags: Instruction['flags'] = [];
  let rest = text;
  for (;;) {
    const match = /^--([a-zA-Z][a-zA-Z0-9-]*)(?:=(\S*))?(?:\s+|$)/.exec(rest);
    if (!match) break;
    const value = match[2];
    if (value === '') throw new DockerfileError(`the option --${match[1]} has an empty value`, line);
    flags.push({ name: (match[1] ?? '').toLowerCase(), value: value ?? true });
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}

function parseJsonForm(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(rest);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch {
    // Not JSON: the shell form, as the builder treats it.
  }
  return undefined;
}

function toInstruction(text: string, line: number): Instruction {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const keyword = (match?.[1] ?? '').toUpperCase();
  if (!KEYWORDS.has(keyword)) throw new DockerfileError(`unknown instruction ${match?.[1] ?? text}`, line);
  const args = (match?.[2] ?? '').trim();
  if (/<<-?["']?[A-Za-z_]/.test(args) && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
    throw new DockerfileError(`${keyword} with a here-document is not supported by the classic builder`, line);
  }
  const { flags, rest } = WITH_FLAGS.has(keyword) ? splitFlags(args, line) : { flags: [], rest: args };
  const json = parseJsonForm(rest);
  return { keyword, line, flags, rest, ...(json ? { json } : {}), original: text };
}

/** Parses a Dockerfile; throws a DockerfileError naming the line of anything it cannot read. */
export function parseDockerfile(body: string): ParsedDockerfile {
  const lines = body.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { escape, first: start } = readDirectives(lines);
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    // Comments and empty lines are dropped, also inside a continued instruction.
    if (trimmed.startsWith('#') || (trimmed === '' && pending)) continue;
    if (trimmed === '') continue;
    const continued = new RegExp(`${escape === '\\' ? '\\\\' : '`'}\\s*$`).test(raw);
    const part = continued ? raw.replace(/.\s*$/, '') : raw;
    const text = pending ? pending.text + part : part.replace(/^\s+/, '');
    if (continued) {
      pending = { text, line: pending?.line ?? i + 1 };
      continue;
    }
    instructions.push(toInstruction(text.trim(), pending?.line ?? i + 1));
    pending = undefined;
  }
  if (pending) instructions.push(toInstruction(pending.text.trim(), pending.line));
  if (instructions.length === 0) throw new DockerfileError('the file has no instructions', 1);
  const first = instructions.find((x) => x.keyword !== 'ARG');
  if (first && first.keyword !== 'FROM') {
    throw new DockerfileError(`${first.keyword} before the first FROM (only ARG may come first)`, first.line);
  }
  if (!first) throw new DockerfileError('the file has no FROM instruction', instructions[0]?.line ?? 1);
  return { escape, instructions };
}
