// The configuration as a tree that remembers where every value came from (a YAML line, or an override), so that
// overrides can be merged in and every problem can name its origin.

import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Scalar, type YAMLMap } from 'yaml';
import type { IssueList } from './errors.js';
import type { Override } from './overrides.js';

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** YAML path: `job.max-runtime`, `metrics[1].regex`; '' for the root. */
  path: string;
  /** How problems with this value name it: `job.max-runtime (line 7)` or `input "max-runtime"`. */
  where: string;
  /** The override's label when the value came from one. */
  override?: string;
  /** The value's line in the YAML file, when it came from the file. */
  line?: number;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: Map<string, MapEntry>;
}

export interface MapEntry {
  key: string;
  /** How problems with the key itself (unknown key) name it. */
  keyWhere: string;
  node: TreeNode;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: TreeNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** The source text (`0.05`, `1e-3`, `0123`), when known. */
  text?: string;
}

export type TreeNode = MapNode | SeqNode | ScalarNode;

export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** The node at a dotted YAML path (`job.checkpoint.s3-uri`), when present. */
export function nodeAt(root: MapNode, key: string): TreeNode | undefined {
  let node: TreeNode | undefined = root;
  for (const part of key.split('.')) node = node?.kind === 'map' ? node.entries.get(part)?.node : undefined;
  return node;
}

export function emptyMap(path: string, where: string, override?: string): MapNode {
  return { kind: 'map', path, where, entries: new Map(), ...(override !== undefined ? { override } : {}) };
}

const MAX_DEPTH = 64;

/** Converts a parsed YAML document into a tree; problems (odd keys, alias loops) go to `issues`. */
export function treeFromDocument(
  doc: Document,
  lineCounter: LineCounter,
  issues: IssueList,
  fileLabel: string,
): TreeNode {
  return new TreeReader(doc, lineCounter, issues, fileLabel).convert(doc.contents, '', undefined, 0);
}

class TreeReader {
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly issues: IssueList,
    private readonly fileLabel: string,
  ) {}

  convert(node: unknown, path: string, fallbackLine: number | undefined, depth: number): TreeNode {
    const resolved = isAlias(node) ? node.resolve(this.doc) : node;
    const line = this.lineOf((resolved as { range?: number[] } | null)?.range) ?? fallbackLine;
    const where = this.whereAt(path, isAlias(node) ? (this.lineOf(node.range) ?? line) : line);
    if (isAlias(node) && resolved === undefined) {
      // The yaml library reads an alias to an anchor that does not exist as null: a setting would silently vanish.
      this.issues.add(
        where,
        `is the alias *${node.source}, but no anchor &${node.source} is defined before it: define the anchor on the value to reuse (such as hyperparameters: &${node.source} { epochs: 10 }), or write the value here`,
      );
      return { kind: 'scalar', path, where, value: null };
    }
    if (depth > MAX_DEPTH) {
      this.issues.add(where, `is nested more than ${MAX_DEPTH} levels deep (an alias that refers to itself?)`);
      return { kind: 'scalar', path, where, value: null };
    }
    if (isMap(resolved)) return this.convertMap(resolved, path, where, line, depth);
    if (isSeq(resolved)) {
      return {
        kind: 'seq',
        path,
        where,
        items: resolved.items.map((item, index) => this.convert(item, `${path}[${index}]`, line, depth + 1)),
      };
    }
    if (isScalar(resolved)) return scalarNode(resolved, path, where);
    return { kind: 'scalar', path, where, value: null };
  }

  private convertMap(resolved: YAMLMap, path: string, where: string, line: number | undefined, depth: number): MapNode {
    const map: MapNode = { ...emptyMap(path, where), ...(line !== undefined ? { line } : {}) };
    for (const pair of resolved.items) {
      const keyLine = isScalar(pair.key) ? this.lineOf(pair.key.range) : line;
      const key = keyText(pair.key);
      if (key === undefined) {
        this.issues.add(this.whereAt(path, keyLine), 'has a key that is not a plain name (keys must be strings)');
        continue;
      }
      const entryPath = childPath(path, key);
      map.entries.set(key, {
        key,
        keyWhere: this.whereAt(entryPath, keyLine),
        node: this.convert(pair.value, entryPath, keyLine, depth + 1),
      });
    }
    return map;
  }

  private lineOf(range: readonly number[] | null | undefined): number | undefined {
    return range?.[0] === undefined ? undefined : this.lineCounter.linePos(range[0]).line;
  }

  private whereAt(path: string, line: number | undefined): string {
    const name = path === '' ? this.fileLabel : path;
    return line === undefined ? name : `${name} (line ${line})`;
  }
}

function scalarNode(resolved: Scalar, path: string, where: string): TreeNode {
  const value: unknown = resolved.value;
  const text = resolved.source;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'scalar', path, where, value, ...(text !== undefined ? { text } : {}) };
  }
  return { kind: 'scalar', path, where, value: text ?? '', ...(text !== undefined ? { text } : {}) };
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value: unknown = key.value;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return key.source ?? String(value);
  return undefined;
}

/** A tree for a plain value that came from an override. */
export function treeFromValue(value: unknown, path: string, where: string, override: string, text?: string): TreeNode {
  if (Array.isArray(value)) {
    return {
      kind: 'seq',
      path,
      where,
      override,
      items: value.map((item, index) =>
        treeFromValue(item, `${path}[${index}]`, `${override} (${path}[${index}])`, override),
      ),
    };
  }
  if (value !== null && typeof value === 'object') {
    const map = emptyMap(path, where, override);
    for (const [key, item] of Object.entries(value)) {
      const itemPath = childPath(path, key);
      const itemWhere = `${override} (${itemPath})`;
      map.entries.set(key, { key, keyWhere: itemWhere, node: treeFromValue(item, itemPath, itemWhere, override) });
    }
    return map;
  }
  const scalar: ScalarValue =
    value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : typeof value === 'bigint'
        ? value.toString()
        : null;
  return { kind: 'scalar', path, where, override, value: scalar, ...(text !== undefined ? { text } : {}) };
}

/**
 * Applies one override to the tree: a mapping value is merged key by key over an existing mapping, anything else
 * replaces what is there. Missing mappings along the path are created.
 */
export function applyOverride(root: MapNode, override: Override, issues: IssueList): void {
  const { path, source } = override;
  if (override.problem !== undefined) {
    issues.add(source, override.problem);
    return;
  }
  if (path.length === 0) {
    issues.add(source, 'names no setting');
    return;
  }
  let parent = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    const entry = parent.entries.get(key);
    const nodePath = childPath(parent.path, key);
    if (entry === undefined || (entry.node.kind === 'scalar' && entry.node.value === null)) {
      const created = emptyMap(nodePath, source, source);
      parent.entries.set(key, { key, keyWhere: entry?.keyWhere ?? source, node: created });
      parent = created;
    } else if (entry.node.kind === 'map') {
      parent = entry.node;
    } else {
      issues.add(
        source,
        `cannot set ${path.join('.')}: ${nodePath} is ${entry.node.kind === 'seq' ? 'a list' : 'a single value'} in the configuration (${entry.node.where}), not a mapping`,
      );
      return;
    }
  }
  const last = path[path.length - 1] as string;
  const nodePath = childPath(parent.path, last);
  const existing = parent.entries.get(last);
  const value = override.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && existing?.node.kind === 'map') {
    const target = existing.node;
    for (const [key, item] of Object.entries(value)) {
      const itemPath = childPath(nodePath, key);
      const itemWhere = `${source} (${itemPath})`;
      target.entries.set(key, { key, keyWhere: itemWhere, node: treeFromValue(item, itemPath, itemWhere, source) });
    }
    return;
  }
  parent.entries.set(last, {
    key: last,
    keyWhere: existing?.keyWhere ?? source,
    node: treeFromValue(value, nodePath, source, source, override.text),
  });
}
