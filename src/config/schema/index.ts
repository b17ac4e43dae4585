// The configuration's schema: reads the merged tree (file + overrides), checks every rule, and builds the
// TrainingRequest. Problems go to the issue list; checks that need the file system are returned to run afterwards.
// Each top-level section has its module; adding a section is a module and a line in SECTIONS (and its field in
// DraftRequest, which the compiler then asks for).

import type { DraftRequest, TrainingRequest } from '../../request.js';
import type { ConfigIssue, IssueList } from '../errors.js';
import { checkMode, type ModeProblem } from '../mode-rules.js';
import { modeWarnings } from '../mode-warnings.js';
import { checkKeys, readBoolean } from '../read.js';
import { nodeAt, type MapNode } from '../tree.js';
import { readChannels } from './channels.js';
import type { PathCheck, SectionContext } from './context.js';
import { readFargate } from './fargate.js';
import { DEFAULT_GATE, readGate } from './gate.js';
import { readHyperparameters } from './hyperparameters.js';
import { readImage } from './image.js';
import { readJob } from './job.js';
import { DEFAULTS } from './limits.js';
import { readLocal } from './local.js';
import { readMetrics } from './metrics.js';
import { readMode, readRegion } from './mode.js';
import { readOutput } from './output.js';
import { readRegister } from './register.js';
import { readServe } from './serve.js';
import { readTags } from './tags.js';
import { readWait } from './wait.js';

export type { PathCheck } from './context.js';
export { IMAGE_BUILD_KEYS } from './image.js';
export { DEFAULTS, LIMITS } from './limits.js';

type SectionReader = (ctx: SectionContext) => unknown;

/** The sections after mode and region, in the order they are read (and their problems listed). */
const SECTIONS = {
  job: readJob,
  image: readImage,
  fargate: readFargate,
  gate: (ctx) => {
    const gate = readGate(ctx.root, ctx.issues);
    return gate.baseline !== DEFAULT_GATE.baseline ? gate : undefined;
  },
  channels: readChannels,
  output: readOutput,
  hyperparameters: readHyperparameters,
  metrics: readMetrics,
  local: readLocal,
  tags: readTags,
  wait: readWait,
  reuse: (ctx) => readBoolean(ctx.root, 'reuse', ctx.issues) ?? DEFAULTS.reuse,
  serve: readServe,
  register: readRegister,
} satisfies { [K in keyof DraftRequest]?: (ctx: SectionContext) => DraftRequest[K] | undefined };

export const TOP_LEVEL_KEYS: readonly string[] = ['mode', 'region', ...Object.keys(SECTIONS)];

/** What the sections read: a section that reads undefined (fargate in another mode, a default gate) is left out. */
type SectionValues<T extends Record<string, SectionReader>> = {
  [K in keyof T]?: Exclude<ReturnType<T[K]>, undefined>;
} & { [K in keyof T as undefined extends ReturnType<T[K]> ? never : K]: ReturnType<T[K]> };

function readSections<T extends Record<string, SectionReader>>(table: T, ctx: SectionContext): SectionValues<T> {
  const values: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(table)) {
    const value = read(ctx);
    if (value !== undefined) values[key] = value;
  }
  // Each key holds what its own reader returned, which is what SectionValues says.
  return values as SectionValues<T>;
}

export interface BuildContext {
  workspace: string;
  configFile?: string;
  env: Record<string, string | undefined>;
  issues: IssueList;
}

export interface BuildResult {
  /** Absent when an issue was added. */
  request?: TrainingRequest;
  pathChecks: PathCheck[];
  /** Settings that have no effect in the chosen mode. */
  warnings: ConfigIssue[];
}

/** Reads and checks the merged configuration tree: the typed request when no issue was added. */
export function buildRequest(root: MapNode, context: BuildContext): BuildResult {
  const { issues } = context;
  checkKeys(root, TOP_LEVEL_KEYS, issues);
  const mode = readMode(root, issues);
  const region = readRegion(root, issues, context.env);
  const ctx: SectionContext = {
    root,
    issues,
    workspace: context.workspace,
    ...mode,
    region,
    remote: mode.modeKnown && mode.mode !== 'local',
    pathChecks: [],
  };
  const draft: DraftRequest = {
    mode: mode.mode,
    workspace: context.workspace,
    ...(context.configFile !== undefined ? { configFile: context.configFile } : {}),
    region,
    ...readSections(SECTIONS, ctx),
  };
  const warnings = mode.modeKnown ? modeWarnings(root, mode.mode) : [];
  const request = mode.modeKnown ? modeChecked(root, draft, issues) : undefined;
  return { ...(request !== undefined ? { request } : {}), pathChecks: ctx.pathChecks, warnings };
}

/**
 * The mode's rules on the request as read, each reported at its key's line unless a problem at that key (with a
 * more precise message) was reported already; the typed request when nothing at all is wrong.
 */
function modeChecked(root: MapNode, draft: DraftRequest, issues: IssueList): TrainingRequest | undefined {
  const check = checkMode(draft);
  if (check.ok) return issues.empty ? check.request : undefined;
  const reported = (key: string): boolean =>
    issues.items.some(
      (issue) =>
        issue.where === key ||
        issue.where.startsWith(`${key} `) ||
        issue.where.startsWith(`${key}.`) ||
        issue.where.startsWith(`${key}[`),
    );
  for (const problem of check.problems) {
    if (!reported(problem.key)) issues.add(whereOf(root, problem.key), modeMessage(problem));
  }
  return undefined;
}

/** The YAML path with its line (`job.volume-kms-key (line 7)`), or the path alone for a key that is absent. */
function whereOf(root: MapNode, key: string): string {
  return nodeAt(root, key)?.where ?? key;
}

/** The problem's message without its leading key, which the issue's `where` names already. */
function modeMessage(problem: ModeProblem): string {
  const text = problem.message.startsWith(`${problem.key} `)
    ? problem.message.slice(problem.key.length + 1)
    : problem.message;
  return text.replace(/\.$/, '');
}
