// publish-result: the second half of the fork pattern (docs/forks.md). A `workflow_run` workflow, with the base
// repository's write token, posts the check run a fork's (or Dependabot's) pull request run could not: it reads the
// result that run saved (untrusted data: bounded, strictly validated, never executed), checks it against the event
// GitHub sent (the commit, the pull request's head repository and branch), judges it with this workflow's own
// configuration against the base branch's result, and reports it on the pull request's head commit.
import { readFile, stat } from 'node:fs/promises';

import { loadConfig } from '../config/load.js';
import { CheckRun } from '../github/check-run.js';
import { createGithub, type CreateGithubOptions, type GitHub } from '../github/client.js';
import { githubContext, type GithubContext } from '../github/context.js';
import { triggeringRun, type TriggeringRun } from '../github/workflow-run.js';
import type { Logger } from '../logger.js';
import { judgeAndReport } from '../pipeline/train-and-judge.js';
import { errorCheckOutput } from '../report/index.js';
import { SAVED_LIMITS, trainingResultOf, type SavedResult } from '../report/saved-result.js';
import { readSavedResult, SavedResultError } from '../report/saved-result-read.js';
import { State } from '../state.js';
import type { RunIdentity } from '../run-identity.js';
import { messageOf, type ActionsCore } from './core.js';
import { lookUpSessionBaseline, repositoryPath, type GithubSession } from './github-session.js';
import { Input, InputError, type ActionInputs } from './inputs.js';
import { ActionReporter } from './reporter.js';

const DEPENDABOT = 'dependabot[bot]';

/** The saved file, bounded before it is read; a missing one means the training run ended before saving. */
async function readSavedFile(path: string, run: TriggeringRun): Promise<SavedResult> {
  const size = await stat(path).then(
    (s) => s.size,
    (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      const where = run.url ? `; its log says why: ${run.url}` : '';
      throw new SavedResultError(`is not there: the training run saved no result${where}`);
    },
  );
  if (size > SAVED_LIMITS.bytes) throw new SavedResultError(`is ${size} bytes, more than ${SAVED_LIMITS.bytes}`);
  const saved = readSavedResult(await readFile(path));
  if (saved.headSha !== run.headSha) {
    throw new SavedResultError(
      `names commit ${saved.headSha}, but the workflow run that saved it trained ${run.headSha}`,
    );
  }
  return saved;
}

/** The pull request the result claims, read from GitHub and checked against the run: the same head repository and branch. */
async function claimedPull(github: GitHub, base: GithubContext, saved: SavedResult, run: TriggeringRun) {
  const claim = `pull request #${saved.pullRequest}`;
  if (run.pullRequests.length > 0 && !run.pullRequests.includes(saved.pullRequest)) {
    throw new SavedResultError(`names ${claim}, but the workflow run was for #${run.pullRequests.join(', #')}`);
  }
  const { data: pr } = await github
    .request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner: base.owner,
      repo: base.repo,
      pull_number: saved.pullRequest,
    })
    .catch((err: unknown) => {
      throw new SavedResultError(`names ${claim}, which could not be read (${messageOf(err)})`);
    });
  const headRepo = pr.head.repo?.full_name ?? '';
  if (headRepo.toLowerCase() !== run.headRepository.toLowerCase() || pr.head.ref !== run.headBranch) {
    throw new SavedResultError(
      `names ${claim}, whose head is ${headRepo || '(deleted)'}:${pr.head.ref}, but the workflow run trained ` +
        `${run.headRepository}:${run.headBranch}`,
    );
  }
  const baseRepo = `${base.owner}/${base.repo}`.toLowerCase();
  return {
    number: pr.number,
    baseRef: pr.base.ref,
    headRef: pr.head.ref,
    fromFork: headRepo.toLowerCase() !== baseRepo,
    fromDependabot: pr.user?.login === DEPENDABOT,
  };
}

/** What the step takes from the main step's deps. */
export interface PublishDeps {
  core: ActionsCore;
  env: Record<string, string | undefined>;
  identity: RunIdentity;
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
}

interface PublishOptions {
  deps: PublishDeps;
  inputs: ActionInputs & { publishResult: string };
  logger: Logger;
  readEvent: () => Promise<unknown>;
}

/** Whether the run needs this workflow: only a fork's or Dependabot's pull request run cannot post its own check. */
function needsPublishing(run: TriggeringRun, base: GithubContext): string | undefined {
  if (run.event !== 'pull_request') return `the run was for ${run.event || 'another event'}, and posted its own check`;
  const fork = run.headRepository.toLowerCase() !== `${base.owner}/${base.repo}`.toLowerCase();
  if (!fork && run.actor !== DEPENDABOT)
    return 'the pull request is from this repository, and its run posted the check';
  return undefined;
}

export async function runPublishStep({ deps, inputs, logger, readEvent }: PublishOptions): Promise<void> {
  const { core, identity } = deps;
  const event = await readEvent();
  const run = triggeringRun(identity.eventName, event);
  if ('problem' in run)
    throw new InputError(Input.PublishResult, `needs a workflow triggered by workflow_run: ${run.problem}`);
  const base = githubContext({ identity, event });
  if (!base) throw new InputError(Input.PublishResult, 'needs GITHUB_REPOSITORY (a GitHub Actions run)');
  core.saveState(State.Finished, 'true');
  const skip = needsPublishing(run, base);
  if (skip) {
    logger.info(`Nothing to publish: ${skip}.`);
    return;
  }
  if (!inputs.githubToken) throw new InputError(Input.GithubToken, 'is needed to post the check run');
  const github = await (deps.createGithub ?? createGithub)({ token: inputs.githubToken, baseUrl: base.apiUrl, logger });
  const check = new CheckRun({
    github,
    owner: base.owner,
    repo: base.repo,
    name: inputs.gate.checkName,
    sha: run.headSha,
    logger,
    ...(run.url ? { detailsUrl: run.url } : {}),
  });
  let saved: SavedResult;
  let pullRequest: Awaited<ReturnType<typeof claimedPull>>;
  try {
    saved = await readSavedFile(inputs.publishResult, run);
    pullRequest = await claimedPull(github, base, saved, run);
  } catch (err) {
    if (!(err instanceof SavedResultError)) throw err;
    const message = `The saved result ${inputs.publishResult} was refused: ${err.message}`;
    // The required check must not wait forever: it fails, on the commit GitHub says the run trained.
    if (await check.complete('failure', errorCheckOutput(message))) core.saveState(State.CheckRunDone, 'true');
    core.setFailed(message);
    return;
  }
  const context: GithubContext = {
    ...base,
    eventName: 'pull_request',
    sha: run.headSha,
    baseBranch: pullRequest.baseRef,
    pullRequest,
    ...(run.url ? { runUrl: run.url } : {}),
  };
  await publish({ deps, inputs, logger, session: { context, github, check }, saved });
}

async function publish(o: {
  deps: PublishDeps;
  inputs: ActionInputs;
  logger: Logger;
  session: GithubSession & { context: GithubContext };
  saved: SavedResult;
}): Promise<void> {
  const { deps, inputs, logger, session, saved } = o;
  // This workflow's own configuration (the base branch's): the fork's file never sets its own thresholds.
  const { request, warnings } = await loadConfig({
    workspace: inputs.workspace,
    configFile: inputs.configFile,
    configFileExplicit: inputs.configFileExplicit,
    overrides: inputs.overrides,
    env: deps.env,
  });
  for (const w of warnings) logger.debug(`${w.where}: ${w.message}`);
  const annotationPath = repositoryPath(deps.identity, request.configFile);
  const reporter = new ActionReporter({ core: deps.core, logger, session, inputs, annotationPath });
  const judged = await judgeAndReport(request, trainingResultOf(saved), {
    reporter,
    baseline: { lookUp: () => lookUpSessionBaseline(session, inputs, logger) },
  });
  logger.info(
    `Pull request #${saved.pullRequest} at ${saved.headSha.slice(0, 7)}: ${judged.outcome.conclusion} ` +
      `(${judged.outcome.reason}).`,
  );
}
