// The action's main step: inputs → request → training → outputs, summary and the step's verdict.
import type Dockerode from 'dockerode';

import { loadRequest } from '../config/load.js';
import { assertModeAvailable, runTraining, type PipelineDeps } from '../pipeline.js';
import { actionOutputs, requestSummary, summaryMarkdown } from '../report/index.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { isStateKey, State } from '../state.js';
import { createDocker } from './clients.js';
import { messageOf, type ActionsCore } from './core.js';
import { readInputs } from './inputs.js';
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
}

/** The step's verdict: failed unless the job completed. */
export function failureMessage(result: TrainingResult): string | undefined {
  if (result.status === 'Completed') return undefined;
  const reason = result.failureReason ? `: ${result.failureReason}` : '';
  return result.status === 'Stopped'
    ? `Training job ${result.jobName} was stopped${reason}`
    : `Training job ${result.jobName} failed${reason}`;
}

async function report(core: ActionsCore, result: TrainingResult, request: TrainingRequest): Promise<void> {
  for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
  try {
    await core.writeSummary(summaryMarkdown(result, request));
  } catch (err) {
    core.warning(`Could not write the job summary: ${messageOf(err)}`);
  }
}

export async function runMainStep(deps: MainStepDeps): Promise<void> {
  const { core } = deps;
  try {
    const inputs = readInputs(core, deps.env, deps.cwd);
    const logger = new ActionLogger(core);

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

    if (!deps.pipeline?.backendFor) assertModeAvailable(request.mode);

    const controller = new AbortController();
    const removeHandlers = abortOnSignals({ controller, logger, ...(deps.signals ? { source: deps.signals } : {}) });
    try {
      const docker = await (deps.createDocker ?? createDocker)();
      const result = await runTraining(request, {
        ...deps.pipeline,
        docker,
        logger,
        signal: controller.signal,
        env: deps.env,
        onState: (key, value) => {
          // Only the known keys, none of which can hold a secret.
          if (isStateKey(key)) core.saveState(key, value);
          else logger.debug(`Not saving unknown state ${key}`);
        },
      });
      // Everything the run started is gone: the post step has nothing left to do.
      core.saveState(State.Finished, 'true');
      await logger.group('Report', () => report(core, result, request));
      const failure = failureMessage(result);
      if (failure) core.setFailed(failure);
      else logger.info(`Training job ${result.jobName} completed.`);
    } finally {
      removeHandlers();
    }
  } catch (err) {
    core.setFailed(messageOf(err));
  }
}
