// Where GitHub is, for the action's steps: the run's context (from the environment and the event payload), a client,
// and the check run. Absent pieces come with the reason, so the step can say why nothing is posted.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

import { lookUpBaseline, type BaselineLookup } from '../github/baseline.js';
import { CheckRun } from '../github/check-run.js';
import { createGithub, type CreateGithubOptions, type GitHub } from '../github/client.js';
import { githubContext, type GithubContext } from '../github/context.js';
import { reportingContext } from './event-policy.js';
import type { Logger } from '../logger.js';
import type { RunIdentity } from '../run-identity.js';
import { messageOf } from './core.js';
import type { ActionInputs } from './inputs.js';

export interface GithubSession {
  context?: GithubContext;
  github?: GitHub;
  check?: CheckRun;
  /** Why no check run is posted (and no baseline read), when that is known up front. */
  offline?: string;
  /** Why the check run and the comment are left to the `workflow_run` workflow (a fork's run with save-result). */
  deferred?: string;
}

/**
 * A fork's or Dependabot's pull request run that saves its result: its token is read-only, so the check run and the
 * comment are left to the `workflow_run` workflow that posts the saved result (docs/forks.md).
 */
export function deferredReason(context: GithubContext, inputs: Pick<ActionInputs, 'saveResult'>): string | undefined {
  const pr = context.pullRequest;
  if (!inputs.saveResult || context.eventName !== 'pull_request' || !pr || !(pr.fromFork || pr.fromDependabot)) {
    return undefined;
  }
  const who = pr.fromDependabot ? 'Dependabot’s pull requests' : 'pull requests from forks';
  return `${who} get a read-only token: the result is saved to ${inputs.saveResult}, and the workflow_run workflow posts the check run from it`;
}

export interface OpenGithubOptions {
  inputs: ActionInputs;
  identity: RunIdentity;
  logger: Logger;
  /** The event payload (default: the JSON file the identity's eventPath names). */
  readEvent?: () => Promise<unknown>;
  /** The GitHub client (default: Octokit on the identity's API URL with bounded retries). */
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** Milliseconds since the epoch, for the check run's update interval. */
  clock?: () => number;
}

export async function readEventFile(identity: RunIdentity, logger: Logger): Promise<unknown> {
  const path = identity.eventPath;
  if (!path) return {};
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    logger.debug(`Could not read the event payload ${path}: ${messageOf(err)}`);
    return {};
  }
}

export async function openGithub(o: OpenGithubOptions): Promise<GithubSession> {
  const { inputs, logger } = o;
  const event = await (o.readEvent ?? (() => readEventFile(o.identity, logger)))();
  const read = githubContext({
    identity: o.identity,
    event,
    ...(inputs.gate.baselineBranch ? { baselineBranch: inputs.gate.baselineBranch } : {}),
  });
  // pull_request_target with train-base reports on the base commit, never on the pull request's head.
  const context = read && reportingContext(read, inputs.gate);
  if (!context) return { offline: 'this is not a GitHub Actions run (no GITHUB_REPOSITORY or commit)' };
  if (!inputs.githubToken) return { context, offline: 'no github-token was given' };
  try {
    const github = await (o.createGithub ?? createGithub)({
      token: inputs.githubToken,
      baseUrl: context.apiUrl,
      logger,
    });
    const deferred = deferredReason(context, inputs);
    if (deferred) return { context, github, deferred };
    const check = new CheckRun({
      github,
      owner: context.owner,
      repo: context.repo,
      name: inputs.gate.checkName,
      sha: context.sha,
      logger,
      ...(o.clock ? { now: o.clock } : {}),
      ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
    });
    return { context, github, check };
  } catch (err) {
    return { context, offline: `the GitHub client could not be created (${messageOf(err)})` };
  }
}

/** The configuration file as a repository path (annotations need one), when it is inside the repository. */
export function repositoryPath(identity: RunIdentity, file: string | undefined): string | undefined {
  const root = identity.workspace;
  if (!file || !root) return undefined;
  const path = relative(resolve(root), resolve(root, file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

/** The base branch's latest result of this check (or why there is none), for the regression gate. */
export function lookUpSessionBaseline(
  session: GithubSession,
  inputs: Pick<ActionInputs, 'gate'>,
  logger: Logger,
): Promise<BaselineLookup> {
  const { github, context } = session;
  if (!github || !context)
    return Promise.resolve({ missing: `it was not looked up (${session.offline ?? 'no token'})` });
  return lookUpBaseline({
    github,
    owner: context.owner,
    repo: context.repo,
    ...(context.baseBranch ? { branch: context.baseBranch } : {}),
    checkName: inputs.gate.checkName,
    depth: inputs.gate.baselineDepth,
    skipSha: context.sha,
    logger,
  });
}
