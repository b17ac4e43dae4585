// Loading a TrainingRequest: read the YAML file (if any), merge the overrides, check everything, report all problems.

import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { TrainingRequest } from '../request.js';
import { IssueList, type ConfigIssue } from './errors.js';
import type { Override } from './overrides.js';
import { IMAGE_BUILD_KEYS, buildRequest, type PathCheck } from './schema/index.js';
import { applyOverride, emptyMap, treeFromDocument, type MapNode } from './tree.js';

export const DEFAULT_CONFIG_FILE = '.github/sagemaker-training.yml';

export interface LoadOptions {
  /** Absolute path relative paths are resolved against. */
  workspace: string;
  /** Relative to the workspace, or absolute; default `.github/sagemaker-training.yml`. */
  configFile?: string;
  /** True when the user named the file: a missing file is then an error, not "no file". */
  configFileExplicit?: boolean;
  overrides: Override[];
  /** For AWS_REGION / AWS_DEFAULT_REGION; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface LoadedConfig {
  request: TrainingRequest;
  /** Settings that are valid but have no effect in the chosen mode, each naming the key and its line. */
  warnings: ConfigIssue[];
}

/** Reads, merges and checks the configuration. Throws ConfigError listing every problem found. */
export async function loadRequest(opts: LoadOptions): Promise<TrainingRequest> {
  return (await loadConfig(opts)).request;
}

/** As loadRequest, with the warnings beside the request. */
export async function loadConfig(opts: LoadOptions): Promise<LoadedConfig> {
  const issues = new IssueList();
  const workspace = path.resolve(opts.workspace);
  const configPath = path.resolve(workspace, opts.configFile ?? DEFAULT_CONFIG_FILE);
  const label = displayPath(workspace, configPath);

  const text = await readConfigText(configPath, opts.configFileExplicit === true, label, issues);
  const root = text === undefined ? emptyMap('', label) : parseConfig(text, label, issues);
  const fileUsable = issues.empty;

  for (const override of opts.overrides) {
    applyOverride(root, override, issues);
    if (override.problem === undefined && override.path.join('.') === 'image.uri') dropFileBuildKeys(root);
  }
  // A file that could not be read or parsed is not checked further: its problems would only be guesses.
  if (!fileUsable) issues.throwIfAny();

  const { request, pathChecks, warnings } = buildRequest(root, {
    workspace,
    ...(text !== undefined ? { configFile: configPath } : {}),
    env: opts.env ?? process.env,
    issues,
  });
  await runPathChecks(pathChecks, workspace, issues);
  issues.throwIfAny();
  if (request === undefined) throw new Error('The configuration was read without a problem but gave no request');
  return { request, warnings };
}

function displayPath(workspace: string, file: string): string {
  const relative = path.relative(workspace, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function readConfigText(
  file: string,
  explicit: boolean,
  label: string,
  issues: IssueList,
): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' && !explicit) return undefined;
    if (code === 'ENOENT') issues.add(label, `configuration file not found (looked for ${file})`);
    else if (code === 'EISDIR') issues.add(label, `is a folder, not a configuration file (${file})`);
    else issues.add(label, `cannot be read (${code ?? String(error)})`);
    return undefined;
  }
}

function parseConfig(text: string, label: string, issues: IssueList): MapNode {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings];
  for (const problem of problems) {
    const { line, col } = lineCounter.linePos(syntaxErrorStart(text, problem.code, problem.message, problem.pos[0]));
    const message = (problem.message.split('\n')[0] ?? problem.message).replace(/ at line \d+, column \d+:?$/, '');
    issues.add(`${label} (line ${line})`, `is not valid YAML (column ${col}): ${message}`);
  }
  if (problems.length > 0) return emptyMap('', label);
  const tree = treeFromDocument(doc, lineCounter, issues, label);
  if (tree.kind === 'map') return tree;
  if (tree.kind === 'scalar' && tree.value === null) return emptyMap('', label);
  issues.add(
    tree.where,
    `must be a mapping of settings such as mode, image, job and channels (got ${tree.kind === 'seq' ? 'a list' : 'a single value'})`,
  );
  return emptyMap('', label);
}

/**
 * Where a syntax error starts. The parser reports a quote that is never closed where it gave up (often the end of the
 * file); the mistake is the opening quote, the last one of its kind before that point that is not escaped.
 */
export function syntaxErrorStart(text: string, code: string, message: string, reported: number): number {
  const quote = code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
  if (quote === undefined) return reported;
  for (let i = Math.min(reported, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const escaped = quote === '"' ? text[i - 1] === '\\' : text[i - 1] === "'" || text[i + 1] === "'";
    if (!escaped) return i;
  }
  return reported;
}

/** A prebuilt image given as an override replaces the file's build settings (but not build settings overridden too). */
function dropFileBuildKeys(root: MapNode): void {
  const image = root.entries.get('image')?.node;
  if (image?.kind !== 'map') return;
  for (const key of IMAGE_BUILD_KEYS) {
    const entry = image.entries.get(key);
    if (entry !== undefined && entry.node.override === undefined) image.entries.delete(key);
  }
}

async function runPathChecks(checks: readonly PathCheck[], workspace: string, issues: IssueList): Promise<void> {
  const outcomes = await Promise.all(checks.map((check) => pathProblem(check, workspace)));
  const failed = new Set(checks.filter((_, i) => outcomes[i] !== undefined).map((check) => check.path));
  checks.forEach((check, i) => {
    const problem = outcomes[i];
    if (problem === undefined) return;
    if (check.unlessFailed !== undefined && failed.has(check.unlessFailed)) return;
    issues.add(check.where, problem);
  });
}

async function pathProblem(check: PathCheck, workspace: string): Promise<string | undefined> {
  const shown = displayPath(workspace, check.path);
  const wantDirectory = check.expect !== 'file';
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(check.path)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (check.expect === 'directory-if-exists') return undefined;
      const what = wantDirectory ? 'folder' : 'file';
      const hint = check.hint === undefined ? '' : `; ${check.hint}`;
      return `${what} not found: ${shown} (relative paths are resolved against the workspace ${workspace})${hint}`;
    }
    return `cannot be read: ${shown} (${code ?? String(error)})`;
  }
  if (wantDirectory && !isDirectory) return `must be a folder, but ${shown} is a file`;
  if (!wantDirectory && isDirectory) return `must be a file, but ${shown} is a folder`;
  if (check.expect === 'directory-if-exists') return undefined;
  try {
    await access(check.path, wantDirectory ? constants.R_OK | constants.X_OK : constants.R_OK);
  } catch (error) {
    return `cannot be read: ${shown} (${errorCode(error) ?? String(error)})`;
  }
  return undefined;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}
