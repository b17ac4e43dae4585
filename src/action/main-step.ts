// The action's main step: inputs → check run in_progress → request → training (with the baseline looked up
// alongside) → gate → outputs, job summary, completed check run, PR comment → the step's verdict.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

import type Dockerode from 'dockerode';

import { setUpAwsCredentials, type AwsCredentialsSetup } from '../aws/credentials.js';
import { ConfigError } from '../config/errors.js';
import { loadRequest } from '../config/load.js';
import { baselinePolicy, conclude, judgeTraining, type Outcome } from '../gate/conclusion.js';
import type { GateReport } from '../gate/evaluate.js';
import { lookUpBaseline, type BaselineLookup } from '../github/baseline.js';
import { CheckRun } from '../github/check-run.js';
import { createGithub, type CreateGithubOptions, type GitHub } from '../github/client.js';
import { botLogin, upsertStickyComment } from '../github/comment.js';
import { describeGithubError, errorText } from '../github/client.js';
import { githubContext, type GithubContext } from '../github/context.js';
import type { Logger } from '../logger.js';
import { assertModeAvailable, runTraining, type PipelineDeps } from '../pipeline.js';
import {
  actionOutputs,
  commentBody,
  commentMarker,
  completedCheckOutput,
  errorCheckOutput,
  GateOutput,
  gateOutputs,
  Output,
  requestSummary,
  skippedCheckOutput,
  summaryMarkdown,
} from '../report/index.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { isStateKey, State } from '../state.js';
import { createDocker } from './clients.js';
import { messageOf, type ActionsCore } from './core.js';
import { detachedReport, detachedSummary, handedOffCheckOutput } from './detached.js';
import { eventPolicy, reportingContext } from './event-policy.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { ActionLogger } from './logger.js';
import { abortOnSignals, type SignalSource } from './signals.js';

export interface MainStepDeps {
  core: ActionsCore;
  env: Record<string, string | undefined>;
  cwd: string;
  createDocker?: () => Promise<Dockerode>;
  /** Where SIGINT/SIGTERM come from (the process). */
  signals?: SignalSource;
  /** Test seams passed on to the pipeline (backends, image build, clock). */
  pipeline?: Pick<PipelineDeps, 'backendFor' | 'buildImage' | 'now' | 'random' | 's3'>;
  /** The GitHub client (default: Octokit on GITHUB_API_URL with bounded retries). */
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** The event payload (default: the JSON file GITHUB_EVENT_PATH names). */
  readEvent?: () => Promise<unknown>;
  /** Milliseconds since the epoch, for the check run's update interval. */
  clock?: () => number;
  /** Test seams of the AWS credentials set-up (OIDC token HTTP, the default chain, the clock). */
  awsCredentials?: Pick<AwsCredentialsSetup, 'fetch' | 'defaultCredentials' | 'now'>;
}

/** The step's verdict for a finished job when no gate applies: failed unless the job completed. */
export function failureMessage(result: TrainingResult): string | undefined {
  if (result.status === 'Completed') return undefined;
  const reason = result.failureReason ? `: ${result.failureReason}` : '';
  return result.status === 'Stopped'
    ? `Training job ${result.jobName} was stopped${reason}`
    : `Training job ${result.jobName} failed${reason}`;
}

/** Where GitHub is, when it is: the run's context, a client, and the check run. */
interface GithubSession {
  context?: GithubContext;
  github?: GitHub;
  check?: CheckRun;
  /** Why no check run is posted (and no baseline read), when that is known up front. */
  offline?: string;
}

async function readEventFile(env: Record<string, string | undefined>, logger: Logger): Promise<unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    logger.debug(`Could not read the event payload ${path}: ${messageOf(err)}`);
    return {};
  }
}

async function openGithub(inputs: ActionInputs, deps: MainStepDeps, logger: Logger): Promise<GithubSession> {
  const event = await (deps.readEvent ?? (() => readEventFile(deps.env, logger)))();
  const read = githubContext({
    env: deps.env,
    event,
    ...(inputs.gate.baselineBranch ? { baselineBranch: inputs.gate.baselineBranch } : {}),
  });
  const context = read && reportingContext(read, inputs.gate);
  if (!context) return { offline: 'this is not a GitHub Actions run (no GITHUB_REPOSITORY or commit)' };
  if (!inputs.githubToken) return { context, offline: 'no github-token was given' };
  try {
    const github = await (deps.createGithub ?? createGithub)({
      token: inputs.githubToken,
      baseUrl: context.apiUrl,
      logger,
    });
    const check = new CheckRun({
      github,
      owner: context.owner,
      repo: context.repo,
      name: inputs.gate.checkName,
      sha: context.sha,
      logger,
      ...(deps.clock ? { now: deps.clock } : {}),
      ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
    });
    return { context, github, check };
  } catch (err) {
    return { context, offline: `the GitHub client could not be created (${messageOf(err)})` };
  }
}

/** The configuration file as a repository path (annotations need one), when it is inside the repository. */
function repositoryPath(env: Record<string, string | undefined>, file: string | undefined): string | undefined {
  const root = env.GITHUB_WORKSPACE;
  if (!file || !root) return undefined;
  const path = relative(resolve(root), resolve(root, file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

interface ReportOptions {
  core: ActionsCore;
  logger: Logger;
  session: GithubSession;
  inputs: ActionInputs;
  request: TrainingRequest;
  result: TrainingResult;
  lookup: BaselineLookup;
  outcome: Outcome;
  gate: GateReport;
  annotationPath: string | undefined;
}

/** Outputs and the job summary first (they never depend on GitHub), then the check run and the comment. */
async function report(o: ReportOptions): Promise<void> {
  const { core, session, result, request, outcome } = o;
  const baseBranch = session.context?.baseBranch;
  const setGateOutputs = (): void => {
    const outputs = gateOutputs({
      outcome,
      ...(session.check?.id !== undefined ? { checkRunId: session.check.id } : {}),
      ...(o.lookup.baseline ? { baselineSha: o.lookup.baseline.sha } : {}),
    });
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  };
  for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
  setGateOutputs();
  const summary = summaryMarkdown(result, request, {
    gate: o.gate,
    ...(baseBranch ? { baseBranch } : {}),
    ...(o.lookup.missing !== undefined ? { baselineMissing: o.lookup.missing } : {}),
  });
  try {
    await core.writeSummary(summary);
  } catch (err) {
    core.warning(`Could not write the job summary: ${messageOf(err)}`);
  }

  const { check, context } = session;
  if (check && context) {
    // Should completing fail, the post step completes the check run with this conclusion.
    core.saveState(State.CheckRunConclusion, outcome.conclusion);
    const before = check.id;
    const posted = await check.complete(
      outcome.conclusion,
      completedCheckOutput({
        result,
        request,
        gate: o.gate,
        outcome,
        sha: context.sha,
        ...(baseBranch ? { baseBranch } : {}),
        ...(o.lookup.missing !== undefined ? { baselineMissing: o.lookup.missing } : {}),
        ...(o.annotationPath ? { annotationPath: o.annotationPath } : {}),
      }),
    );
    if (posted) core.saveState(State.CheckRunDone, 'true');
    if (check.id !== before) setGateOutputs();
  }
  await postComment(o, summary);
}

async function postComment(o: Pick<ReportOptions, 'inputs' | 'session' | 'logger'>, summary: string): Promise<void> {
  const { github, context } = o.session;
  if (!o.inputs.gate.comment) return;
  if (!github || !context?.pullRequest) {
    o.logger.info('No pull request comment: this run is not for a pull request, or has no token.');
    return;
  }
  try {
    const done = await upsertStickyComment({
      github,
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.pullRequest.number,
      marker: commentMarker(o.inputs.gate.checkName),
      body: commentBody(o.inputs.gate.checkName, summary),
      author: botLogin(o.session.check?.appSlug),
    });
    o.logger.info(`Pull request comment ${done}.`);
  } catch (err) {
    const info = describeGithubError(err);
    const hint = info.kind === 'permission' ? '; give the job `permissions: pull-requests: write`' : '';
    o.logger.warning(`Could not comment on the pull request (${errorText(info)})${hint}.`);
  }
}

function startBaseline(session: GithubSession, inputs: ActionInputs, logger: Logger): Promise<BaselineLookup> {
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

interface HandOffOptions {
  core: ActionsCore;
  logger: Logger;
  session: GithubSession;
  result: TrainingResult;
  /** The report the runner got, or why it got none. */
  handOff: ReturnType<typeof detachedReport>;
}

/**
 * wait: false: the runner owns the run now. Outputs and a short summary; the check run stays in progress for the runner
 * to complete. The step succeeds: the job has not ended.
 */
async function reportHandOff(o: HandOffOptions): Promise<void> {
  const { core, session, result } = o;
  for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
  core.setOutput(GateOutput.Gate, '');
  core.setOutput(GateOutput.Conclusion, '');
  core.setOutput(GateOutput.CheckRunId, session.check?.id === undefined ? '' : String(session.check.id));
  core.setOutput(GateOutput.BaselineSha, '');
  const reporter = 'report' in o.handOff ? 'runner' : 'none';
  try {
    await core.writeSummary(detachedSummary(result, reporter));
  } catch (err) {
    core.warning(`Could not write the job summary: ${messageOf(err)}`);
  }
  // A check run always comes with a report (configuration refuses wait: false without fargate.github-app-secret).
  const check = session.check;
  if (check?.id !== undefined && 'report' in o.handOff) {
    await check.update(handedOffCheckOutput(result));
    // The runner completes it: the post step must not complete it as cancelled.
    core.saveState(State.CheckRunDone, 'true');
  }
  o.logger.info(
    `Training job ${result.jobName} continues in runner task ${result.taskArn ?? '?'}; its result will be at ` +
      `${result.detached?.resultUri ?? '?'}` +
      (reporter === 'runner' ? `, and the runner completes check run ${check?.id ?? ''}.` : '.'),
  );
}

/** Completes the check run of a run that ended before training (and does nothing without one). */
async function completeEarly(
  core: ActionsCore,
  session: GithubSession,
  conclusion: 'failure' | 'action_required',
  output: Parameters<CheckRun['complete']>[1],
): Promise<void> {
  if (!session.check) return;
  if (await session.check.complete(conclusion, output)) core.saveState(State.CheckRunDone, 'true');
}

/** Not trained for this event: an action_required check, outputs, the summary, and a failed step that says why. */
async function refuseEvent(core: ActionsCore, session: GithubSession, reason: string): Promise<void> {
  const outcome = conclude({ kind: 'skipped', reason });
  core.saveState(State.Finished, 'true');
  for (const [name, value] of Object.entries(gateOutputs({ outcome }))) core.setOutput(name, value);
  await core.writeSummary(skippedCheckOutput(reason).summary).catch((err: unknown) => {
    core.warning(`Could not write the job summary: ${messageOf(err)}`);
  });
  await completeEarly(core, session, 'action_required', skippedCheckOutput(reason));
  core.setFailed(`Not trained: ${reason}.`);
}

export async function runMainStep(deps: MainStepDeps): Promise<void> {
  const { core } = deps;
  const logger = new ActionLogger(core);
  let session: GithubSession = {};
  let annotationPath: string | undefined;
  try {
    const inputs = readInputs(core, deps.env, deps.cwd);
    annotationPath = repositoryPath(deps.env, resolve(inputs.workspace, inputs.configFile));

    // The check run exists before anything slow happens, on the right commit; its id is saved at once.
    session = await openGithub(inputs, deps, logger);
    if (session.check) {
      const id = await session.check.start();
      if (id !== undefined) core.saveState(State.CheckRunId, String(id));
    } else {
      logger.warning(
        `No check run is posted: ${session.offline ?? 'no GitHub context'}. The step's outcome and the job summary carry the result.`,
      );
    }

    const request = await logger.group('Configuration', async () => {
      const loaded = await loadRequest({
        workspace: inputs.workspace,
        configFile: inputs.configFile,
        configFileExplicit: inputs.configFileExplicit,
        overrides: inputs.overrides,
        env: deps.env,
      });
      logger.info(requestSummary(loaded).trimEnd());
      return loaded;
    });
    annotationPath = repositoryPath(deps.env, request.configFile) ?? annotationPath;

    // Code the step may not train for this event (forks, Dependabot, pull_request_target): a check that does not pass.
    const policy = eventPolicy({ context: session.context, mode: request.mode, gate: inputs.gate });
    if (policy.kind === 'refuse') {
      await refuseEvent(core, session, policy.reason);
      return;
    }

    if (!deps.pipeline?.backendFor) assertModeAvailable(request.mode);

    // Before any AWS client exists: with role-to-assume every client gets the renewing OIDC role.
    const removeCredentials = await setUpAwsCredentials({
      ...deps.awsCredentials,
      ...(inputs.roleToAssume ? { role: inputs.roleToAssume } : {}),
      request,
      env: deps.env,
      logger,
    });
    // wait: false hands the run to the Fargate runner, which then reports the end itself.
    const handOff =
      request.mode === 'fargate' && !request.wait
        ? detachedReport({
            request,
            context: session.context,
            checkRunId: session.check?.id,
            checkRunAppId: session.check?.appId,
            inputs,
            annotationPath,
          })
        : undefined;
    // Refused before anything is launched: the runner could never complete this check run.
    if (handOff && 'refuse' in handOff) throw new Error(handOff.refuse);
    const baseline = handOff ? undefined : startBaseline(session, inputs, logger);
    const controller = new AbortController();
    const removeHandlers = abortOnSignals({ controller, logger, ...(deps.signals ? { source: deps.signals } : {}) });
    try {
      const docker = await (deps.createDocker ?? createDocker)();
      const check = session.check;
      let jobName: string | undefined;
      const onPhase = (phase: string): void => check?.phase(phase, jobName);
      const result = await runTraining(request, {
        ...deps.pipeline,
        docker,
        logger,
        signal: controller.signal,
        env: deps.env,
        onPhase,
        ...(handOff && 'report' in handOff ? { detachedReport: handOff.report } : {}),
        onState: (key, value) => {
          if (key === (State.JobName as string)) jobName = value;
          // The runner task is an output the moment it exists, even if the step dies before reporting.
          if (key === (State.TaskArn as string)) core.setOutput(Output.TaskArn, value);
          // Only the known keys, none of which can hold a secret.
          if (isStateKey(key)) core.saveState(key, value);
          else logger.debug(`Not saving unknown state ${key}`);
        },
      });
      // Everything the run started is gone: the post step has nothing left to clean up.
      core.saveState(State.Finished, 'true');
      if (result.status === 'InProgress' && handOff) {
        await logger.group('Report', () => reportHandOff({ core, logger, session, result, handOff }));
        return;
      }
      const lookup = (await baseline) ?? { missing: 'it was not looked up' };
      const { gate, outcome } = judgeTraining(
        request.metrics,
        result,
        lookup.baseline,
        baselinePolicy(request, lookup),
      );
      await logger.group('Report', () =>
        report({ core, logger, session, inputs, request, result, lookup, outcome, gate, annotationPath }),
      );
      if (outcome.conclusion === 'success')
        logger.info(`Training job ${result.jobName} completed and passed the gate.`);
      else core.setFailed(outcome.reason);
    } finally {
      removeHandlers();
      removeCredentials();
    }
  } catch (err) {
    const message = messageOf(err);
    const problems = err instanceof ConfigError ? err.issues : [];
    await completeEarly(core, session, 'failure', errorCheckOutput(message, annotationPath, problems)).catch(
      () => undefined,
    );
    core.setFailed(message);
  }
}
