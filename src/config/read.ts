// Typed reads from the configuration tree. Each read reports what is wrong and what is allowed, and returns undefined
// when the value is absent or unusable, so validation goes on and every problem is reported at once.

import { DURATION_HINT, DurationError, formatDuration, parseDuration } from './duration.js';
import type { IssueList } from './errors.js';
import { ScalarError, stringifyScalar } from './scalars.js';
import { didYouMean } from './suggest.js';
import { childPath, type MapNode, type SeqNode, type TreeNode } from './tree.js';

/** How a value is shown after "got": `"2 hours"`, `2.5`, `a mapping`. */
export function describe(node: TreeNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'an empty value';
  if (typeof node.value === 'string') return JSON.stringify(node.value);
  if (typeof node.value === 'number') return node.text ?? String(node.value);
  return String(node.value);
}

/** Where a key that is absent would be (for "is required" problems). */
export function whereMissing(map: MapNode | undefined, key: string, parentPath: string): string {
  return childPath(map?.path ?? parentPath, key);
}

/** Reports every key of `map` that is not in `allowed`, suggesting the nearest known one. */
export function checkKeys(
  map: MapNode,
  allowed: readonly string[],
  issues: IssueList,
  misplaced: Readonly<Record<string, string>> = {},
): void {
  for (const entry of map.entries.values()) {
    if (allowed.includes(entry.key)) continue;
    const hint = misplaced[entry.key];
    if (hint !== undefined) {
      issues.add(entry.keyWhere, hint);
      continue;
    }
    const section = map.path === '' ? 'at the top level' : `in ${map.path}`;
    issues.add(
      entry.keyWhere,
      `unknown setting "${entry.key}"${didYouMean(entry.key, allowed)}; allowed ${section}: ${allowed.join(', ')}`,
    );
  }
}

/** The value under `key`, or undefined when the key is absent. */
export function child(map: MapNode | undefined, key: string): TreeNode | undefined {
  return map?.entries.get(key)?.node;
}

function isNull(node: TreeNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** A mapping section; an empty value (`job:` with nothing under it) counts as absent. Unknown keys are reported. */
export function readMap(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  allowed: readonly string[] | undefined,
  example: string,
  misplaced?: Readonly<Record<string, string>>,
): MapNode | undefined {
  const node = child(map, key);
  if (node === undefined || isNull(node)) return undefined;
  if (node.kind !== 'map') {
    issues.add(node.where, `must be a mapping such as ${example} (got ${describe(node)})`);
    return undefined;
  }
  if (allowed !== undefined) checkKeys(node, allowed, issues, misplaced);
  return node;
}

/** A list; an empty value counts as absent. */
export function readSeq(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  example: string,
): SeqNode | undefined {
  const node = child(map, key);
  if (node === undefined || isNull(node)) return undefined;
  if (node.kind !== 'seq') {
    issues.add(node.where, `must be a list such as ${example} (got ${describe(node)})`);
    return undefined;
  }
  return node;
}

/**
 * A string. Values from overrides are text to begin with, so a number or boolean there (`0123`, `true`) is taken as
 * the text that was given; in the file, a non-string is a type error (quote it).
 */
export function asString(node: TreeNode, issues: IssueList, allowed: string): string | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
  if (node.kind === 'scalar' && node.override !== undefined && node.value !== null && node.text !== undefined) {
    return node.text;
  }
  const quote = node.kind === 'scalar' && node.value !== null ? ' (quote it to use it as text)' : '';
  issues.add(node.where, `must be ${allowed} (got ${describe(node)})${quote}`);
  return undefined;
}

export interface StringRule {
  /** What is allowed, for messages: "an IAM role ARN such as arn:aws:iam::123456789012:role/Name". */
  allowed: string;
  /** A problem with the text, or undefined when it is fine. */
  check?: (text: string) => string | undefined;
}

export function checkString(node: TreeNode, issues: IssueList, rule: StringRule): string | undefined {
  const text = asString(node, issues, rule.allowed);
  if (text === undefined) return undefined;
  const problem = text === '' ? `must be ${rule.allowed} (got an empty string)` : rule.check?.(text);
  if (problem !== undefined) {
    issues.add(node.where, problem);
    return undefined;
  }
  return text;
}

export function readString(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  rule: StringRule,
): string | undefined {
  const node = child(map, key);
  return node === undefined ? undefined : checkString(node, issues, rule);
}

export function readInteger(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  range: { min: number; max: number },
): number | undefined {
  const node = child(map, key);
  if (node === undefined) return undefined;
  const allowed = `a whole number from ${range.min} to ${range.max}`;
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
    issues.add(node.where, `must be ${allowed} (got ${describe(node)})`);
    return undefined;
  }
  if (node.value < range.min || node.value > range.max) {
    issues.add(node.where, `must be ${allowed} (got ${describe(node)})`);
    return undefined;
  }
  return node.value;
}

/** A duration in seconds within [min, max]. */
export function readDuration(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  range: { min: number; max?: number },
): number | undefined {
  const node = child(map, key);
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar' || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    issues.add(node.where, `must be ${DURATION_HINT} (got ${describe(node)})`);
    return undefined;
  }
  let seconds: number;
  try {
    seconds = parseDuration(node.value);
  } catch (error) {
    if (!(error instanceof DurationError)) throw error;
    issues.add(node.where, error.message);
    return undefined;
  }
  const tooLong = range.max !== undefined && seconds > range.max;
  if (seconds < range.min || tooLong) {
    const bounds =
      range.max === undefined
        ? `at least ${formatDuration(range.min)}`
        : `from ${formatDuration(range.min)} to ${formatDuration(range.max)} (${range.max} s)`;
    issues.add(node.where, `must be ${bounds} (got ${describe(node)})`);
    return undefined;
  }
  return seconds;
}

export function readEnum<T extends string>(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  values: readonly T[],
): T | undefined {
  const node = child(map, key);
  if (node === undefined) return undefined;
  const allowed = `one of ${values.join(', ')}`;
  const text = asString(node, issues, allowed);
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text)) {
    issues.add(node.where, `must be ${allowed} (got ${describe(node)})${didYouMean(text, values)}`);
    return undefined;
  }
  return text as T;
}

/** A boolean: true or false (YAML's yes/no and quoted strings are not booleans here). */
export function readBoolean(map: MapNode | undefined, key: string, issues: IssueList): boolean | undefined {
  const node = child(map, key);
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar' || typeof node.value !== 'boolean') {
    issues.add(node.where, `must be true or false (got ${describe(node)})`);
    return undefined;
  }
  return node.value;
}

export function readNumber(map: MapNode | undefined, key: string, issues: IssueList): number | undefined {
  const node = child(map, key);
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
    issues.add(node.where, `must be a number (got ${describe(node)})`);
    return undefined;
  }
  return node.value;
}

/** A scalar written as the string the service receives (see stringifyScalar). */
export function scalarText(node: TreeNode, issues: IssueList): string | undefined {
  if (node.kind !== 'scalar') {
    issues.add(node.where, `must be a single value such as a string or number (got ${describe(node)})`);
    return undefined;
  }
  try {
    return stringifyScalar(node.value, node.text);
  } catch (error) {
    if (!(error instanceof ScalarError)) throw error;
    issues.add(node.where, error.message);
    return undefined;
  }
}

export interface StringMapRule {
  example: string;
  maxEntries: number;
  /** A problem with a key, or undefined. */
  checkKey: (key: string) => string | undefined;
  maxValueLength: number;
  /** A problem with a key's value, or undefined. */
  checkValue?: (key: string, value: string) => string | undefined;
}

/** A mapping of names to scalars, each written as a string. */
export function readStringMap(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  rule: StringMapRule,
): Record<string, string> {
  const node = readMap(map, key, issues, undefined, rule.example);
  const result: Record<string, string> = {};
  if (node === undefined) return result;
  if (node.entries.size > rule.maxEntries) {
    issues.add(node.where, `may have at most ${rule.maxEntries} entries (got ${node.entries.size})`);
  }
  for (const entry of node.entries.values()) {
    const keyProblem = entry.key === '' ? 'keys must not be empty' : rule.checkKey(entry.key);
    if (keyProblem !== undefined) {
      issues.add(entry.keyWhere, keyProblem);
      continue;
    }
    const text = scalarText(entry.node, issues);
    if (text === undefined) continue;
    if (text.length > rule.maxValueLength) {
      issues.add(
        entry.node.where,
        `must be at most ${rule.maxValueLength} characters once written as a string (got ${text.length})`,
      );
      continue;
    }
    const valueProblem = rule.checkValue?.(entry.key, text);
    if (valueProblem !== undefined) {
      issues.add(entry.node.where, valueProblem);
      continue;
    }
    result[entry.key] = text;
  }
  return result;
}

/** A list of scalars, each written as a string. */
export function readStringList(
  map: MapNode | undefined,
  key: string,
  issues: IssueList,
  rule: { example: string; maxItems: number; maxLength: number; nonEmptyItems: boolean },
): string[] | undefined {
  const node = readSeq(map, key, issues, rule.example);
  if (node === undefined) return undefined;
  if (node.items.length > rule.maxItems) {
    issues.add(node.where, `may have at most ${rule.maxItems} items (got ${node.items.length})`);
  }
  const result: string[] = [];
  for (const item of node.items) {
    const text = scalarText(item, issues);
    if (text === undefined) continue;
    if (rule.nonEmptyItems && text.trim() === '') issues.add(item.where, 'must not be empty');
    else if (text.length > rule.maxLength) {
      issues.add(item.where, `must be at most ${rule.maxLength} characters (got ${text.length})`);
    }
    result.push(text);
  }
  return result;
}
