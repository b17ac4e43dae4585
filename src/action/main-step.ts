// The action's main step: inputs → check run in_progress → request → trainAndJudge (the action's reporter: outputs,
// job summary, completed check run, PR comment) → the step's verdict.
import { resolve } from 'node:path';

import type Dockerode from 'dockerode';

import { setUpAwsCredentials, type AwsCredentialsSetup } from '../aws/credentials.js';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { conclude } from '../gate/conclusion.js';
import type { CheckRun } from '../github/check-run.js';
import type { CreateGithubOptions, GitHub } from '../github/client.js';
import type { Logger } from '../logger.js';
import { linkAbort, type SignalSource } from '../pipeline/abort.js';
import type { PipelineDeps } from '../pipeline/run-training.js';
import type { RegisterStepDeps } from '../pipeline/serve-and-register.js';
import { createS3Client, createSageMakerClient } from '../aws/clients.js';
import { trainAndJudge } from '../pipeline/train-and-judge.js';
import { errorCheckOutput, gateOutputs, requestSummary, skippedCheckOutput } from '../report/index.js';
import type { TrainingRequest } from '../request.js';
import { readRunIdentity, type RunIdentity } from '../run-identity.js';
import { State } from '../state.js';
import { createDocker } from '../docker-client.js';
import { messageOf, type ActionsCore } from './core.js';
import { detachedReport } from './detached.js';
import { eventPolicy } from './event-policy.js';
import {
  lookUpSessionBaseline,
  openGithub,
  readEventFile,
  repositoryPath,
  type GithubSession,
} from './github-session.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { ActionLogger } from './logger.js';
import { runPublishStep } from './publish-step.js';
import { ActionReporter, writeSummary } from './reporter.js';

export interface MainStepDeps {
  core: ActionsCore;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Connects to the Docker engine; called only when a build or local mode needs it. */
  createDocker?: () => Promise<Dockerode>;
  /** Where SIGINT/SIGTERM come from (default: the process). */
  signals?: SignalSource;
  /** Clients and seams passed on to the pipeline (backends, image build, clock). */
  pipeline?: Pick<PipelineDeps, 'backendFor' | 'buildImage' | 'now' | 'random' | 's3' | 'runCache'>;
  /** The GitHub client (default: Octokit on the run's API URL with bounded retries). */
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** The event payload (default: the JSON file GITHUB_EVENT_PATH names). */
  readEvent?: () => Promise<unknown>;
  /** Milliseconds since the epoch, for the check run's update interval. */
  clock?: () => number;
  /** Test seams of the AWS credentials set-up (OIDC token HTTP, the default chain, the clock). */
  awsCredentials?: Pick<AwsCredentialsSetup, 'fetch' | 'defaultCredentials' | 'now'>;
}

/** The deps with the run's identity, read once from `env` when the step starts. */
type StepDeps = MainStepDeps & { identity: RunIdentity };

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

/** The check run exists before anything slow happens, on the right commit; its id is saved at once. */
async function startCheck(inputs: ActionInputs, deps: StepDeps, logger: Logger): Promise<GithubSession> {
  const session = await openGithub({
    inputs,
    identity: deps.identity,
    logger,
    ...(deps.readEvent ? { readEvent: deps.readEvent } : {}),
    ...(deps.createGithub ? { createGithub: deps.createGithub } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  if (session.check) {
    const id = await session.check.start();
    if (id !== undefined) deps.core.saveState(State.CheckRunId, String(id));
  } else if (session.deferred) {
    logger.info(`No check run is posted from this run: ${session.deferred}.`);
  } else {
    logger.warning(
      `No check run is posted: ${session.offline ?? 'no GitHub context'}. The step's outcome and the job summary carry the result.`,
    );
  }
  return session;
}

/** The request, and the configuration's warnings as `where: message` lines (the log, then the job summary). */
function loadConfiguration(
  inputs: ActionInputs,
  deps: MainStepDeps,
  logger: Logger,
): Promise<{ request: TrainingRequest; warnings: string[] }> {
  return logger.group('Configuration', async () => {
    const { request: loaded, warnings } = await loadConfig({
      workspace: inputs.workspace,
      configFile: inputs.configFile,
      configFileExplicit: inputs.configFileExplicit,
      overrides: inputs.overrides,
      env: deps.env,
    });
    const lines = warnings.map((w) => `${w.where}: ${w.message}`);
    for (const line of lines) logger.warning(line);
    logger.info(requestSummary(loaded).trimEnd());
    return { request: loaded, warnings: lines };
  });
}

/**
 * Code the step may not train for this event (forks and Dependabot in a remote mode, pull_request_target): an
 * action_required check (branch protection never counts it as passing), outputs, the summary, a failed step.
 */
async function refuseEvent(core: ActionsCore, session: GithubSession, request: TrainingRequest, inputs: ActionInputs) {
  const policy = eventPolicy({ context: session.context, mode: request.mode, gate: inputs.gate });
  if (policy.kind !== 'refuse') return false;
  const outcome = conclude({ kind: 'skipped', reason: policy.reason });
  core.saveState(State.Finished, 'true');
  for (const [name, value] of Object.entries(gateOutputs({ outcome }))) core.setOutput(name, value);
  await writeSummary(core, skippedCheckOutput(policy.reason).summary);
  await completeEarly(core, session, 'action_required', skippedCheckOutput(policy.reason));
  core.setFailed(`Not trained: ${policy.reason}.`);
  return true;
}

interface TrainOptions {
  deps: StepDeps;
  inputs: ActionInputs;
  request: TrainingRequest;
  session: GithubSession;
  annotationPath: string | undefined;
  logger: Logger;
  /** The configuration's warnings, for the job summary. */
  warnings: string[];
}

/** Credentials, signals, then the one path to a verdict; the step fails unless the gate passed. */
async function trainWithReports({ deps, inputs, request, session, annotationPath, logger, warnings }: TrainOptions) {
  const { core } = deps;
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
  if (handOff && 'refuse' in handOff) {
    removeCredentials();
    throw new Error(handOff.refuse);
  }
  const abort = linkAbort({ logger, signals: deps.signals ?? process });
  try {
    const reporter = new ActionReporter({
      core,
      logger,
      session,
      inputs,
      annotationPath,
      configWarnings: warnings,
      ...(handOff ? { handOff } : {}),
    });
    const judged = await trainAndJudge(request, {
      ...deps.pipeline,
      docker: deps.createDocker ?? createDocker,
      logger,
      signal: abort.signal,
      env: deps.env,
      identity: deps.identity,
      reporter,
      // The run cache records the commit the check run is on (a pull request's head, not its merge commit).
      runCache: { ...deps.pipeline?.runCache, commit: session.context?.sha ?? deps.identity.commit },
      ...(handOff ? {} : { baseline: { lookUp: () => lookUpSessionBaseline(session, inputs, logger) } }),
      ...(handOff && 'report' in handOff ? { detachedReport: handOff.report } : {}),
      // The runner's Docker engine runs serve tests in every mode (a detached run has no verdict here to add to).
      serve: {},
      ...(request.register ? { register: registerDeps(session, deps, logger, abort.signal) } : {}),
    });
    if (judged.handedOff) return;
    if (judged.outcome.conclusion === 'success')
      logger.info(`Training job ${judged.result.jobName} completed and passed the gate.`);
    else core.setFailed(judged.outcome.reason);
  } finally {
    abort.dispose();
    removeCredentials();
  }
}

/** Registration's clients and the run's identity (the event decides, in the pipeline, whether it registers). */
function registerDeps(session: GithubSession, deps: StepDeps, logger: Logger, signal: AbortSignal): RegisterStepDeps {
  const ctx = session.context;
  const { identity } = deps;
  return {
    clients: {
      sagemaker: createSageMakerClient,
      s3: deps.pipeline?.s3 ?? createS3Client,
      logger,
      signal,
    },
    event: {
      ...((ctx?.eventName ?? identity.eventName) ? { eventName: ctx?.eventName ?? identity.eventName } : {}),
      ...(identity.ref ? { ref: identity.ref } : {}),
      ...(ctx?.baseBranch ? { defaultBranch: ctx.baseBranch } : {}),
    },
    repository: ctx ? `${ctx.owner}/${ctx.repo}` : (identity.repository ?? ''),
    commit: ctx?.sha ?? identity.commit ?? '',
    run: ctx?.runUrl ?? identity.runId ?? '',
  };
}

export async function runMainStep(given: MainStepDeps): Promise<void> {
  const deps: StepDeps = { ...given, identity: readRunIdentity(given.env) };
  const { core } = deps;
  const logger = new ActionLogger(core);
  let session: GithubSession = {};
  let annotationPath: string | undefined;
  try {
    const inputs = readInputs(core, deps.identity, deps.cwd);
    annotationPath = repositoryPath(deps.identity, resolve(inputs.workspace, inputs.configFile));
    if (inputs.publishResult) {
      const readEvent = deps.readEvent ?? (() => readEventFile(deps.identity, logger));
      return await runPublishStep({
        deps,
        inputs: { ...inputs, publishResult: inputs.publishResult },
        logger,
        readEvent,
      });
    }
    session = await startCheck(inputs, deps, logger);
    const { request, warnings } = await loadConfiguration(inputs, deps, logger);
    annotationPath = repositoryPath(deps.identity, request.configFile) ?? annotationPath;
    if (await refuseEvent(core, session, request, inputs)) return;
    await trainWithReports({ deps, inputs, request, session, annotationPath, logger, warnings });
  } catch (err) {
    const message = messageOf(err);
    const problems = err instanceof ConfigError ? err.issues : [];
    await completeEarly(core, session, 'failure', errorCheckOutput(message, annotationPath, problems)).catch(
      () => undefined,
    );
    core.setFailed(message);
  }
}
