// What every section reader is given: the tree, the issue list, the mode and region read first (rules depend on
// them), and the list of file-system checks to run once the whole tree has been read.

import path from 'node:path';
import type { Mode } from '../../request.js';
import type { IssueList } from '../errors.js';
import { child } from '../read.js';
import type { MapNode, TreeNode } from '../tree.js';

/** A check on the local file system, run after the tree has been read. */
export interface PathCheck {
  where: string;
  path: string;
  expect: 'file' | 'directory' | 'directory-if-exists';
  /** Extra words for a missing path (`set image.dockerfile, or image.uri to use a prebuilt image`). */
  hint?: string;
  /** Skip this check when the check with this path failed (a default Dockerfile inside a missing context). */
  unlessFailed?: string;
}

export interface SectionContext {
  readonly root: MapNode;
  readonly issues: IssueList;
  readonly workspace: string;
  readonly mode: Mode;
  /** False when the mode given is invalid: mode-dependent rules are then skipped. */
  readonly modeKnown: boolean;
  /** ` (mode set by input "mode")` when an override chose the mode; empty otherwise. */
  readonly modeNote: string;
  readonly region: string;
  /** A known mode that runs on AWS (sagemaker, fargate). */
  readonly remote: boolean;
  /** Appended to by the readers. */
  readonly pathChecks: PathCheck[];
}

/** Resolves a local path against the workspace; absolute paths are allowed only in local mode. */
export function localPath(ctx: SectionContext, text: string, where: string): string {
  if (path.isAbsolute(text) && ctx.remote) {
    ctx.issues.add(
      where,
      `must be relative to the workspace in ${ctx.mode} mode; absolute paths are allowed only in local mode (got "${text}")`,
    );
  }
  return path.resolve(ctx.workspace, text);
}

export function isEmpty(node: TreeNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** The mapping under `key` when there is one, without reporting anything (it is read, and reported, elsewhere). */
export function readMapQuiet(map: MapNode, key: string): MapNode | undefined {
  const node = child(map, key);
  return node?.kind === 'map' ? node : undefined;
}

/** `value` without its undefined properties: what is not set is absent, as the request's optional fields are. */
export function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
