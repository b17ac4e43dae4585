// Whether an answer is what a sample expects: its status, then a regular expression over the body or a JSON path
// that must exist (and, optionally, equal a value). Pure.
import type { ResponseMatch } from '../request.js';

/** The steps of `$.a.b[0].c`: names and indexes only, the shape config/ checked at load time. */
function steps(path: string): (string | number)[] {
  return [...path.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : Number(m[2]),
  );
}

/** The value at `path`, or `{ missing }` naming the first step that is not there. */
export function atJsonPath(value: unknown, path: string): { found: unknown } | { missing: string } {
  let here = value;
  let walked = '$';
  for (const step of steps(path)) {
    walked += typeof step === 'number' ? `[${step}]` : `.${step}`;
    if (typeof step === 'number' ? !Array.isArray(here) : typeof here !== 'object' || here === null)
      return { missing: walked };
    const next = (here as Record<string | number, unknown>)[step];
    if (next === undefined) return { missing: walked };
    here = next;
  }
  return { found: here };
}

const preview = (body: string): string => JSON.stringify(body.length > 120 ? `${body.slice(0, 117)}...` : body);

/** Why the answer does not match, or undefined when it does. */
export function mismatch(match: ResponseMatch, body: string): string | undefined {
  if (match.kind === 'regex') {
    return new RegExp(match.pattern).test(body)
      ? undefined
      : `the answer ${preview(body)} does not match /${match.pattern}/`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `the answer is not JSON: ${preview(body)}`;
  }
  const at = atJsonPath(parsed, match.path);
  if ('missing' in at) return `the answer has no ${at.missing}: ${preview(body)}`;
  if (match.equals === undefined) return undefined;
  const text = typeof at.found === 'string' ? at.found : JSON.stringify(at.found);
  return text === match.equals ? undefined : `${match.path} is ${text}, expected ${match.equals}`;
}
