// The one path from a request to a verdict, for every entry point: train (any mode), compare with the base branch,
// judge the gate, and tell the reporter. The action, the CLI and the Fargate runner differ only in their deps.
import { messageOf } from '../error-message.js';
import { judgeTraining } from '../gate/conclusion.js';
import type { BaselineLookup } from '../github/baseline.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { State } from '../state.js';
import type { Judged, Reporter } from './reporter.js';
import { runTraining, type PipelineDeps } from './run-training.js';

export interface TrainAndJudgeDeps extends Omit<PipelineDeps, 'onState' | 'onPhase'> {
  reporter: Reporter;
  /** The base branch's latest result, looked up while the job trains; absent: thresholds alone decide. */
  baseline?: () => Promise<BaselineLookup>;
}

/** A run handed off (wait: false) has no verdict yet: the runner judges it when the job ends. */
export type TrainAndJudgeOutcome =
  ({ handedOff: false } & Judged) | { handedOff: true; request: TrainingRequest; result: TrainingResult };

const NOT_LOOKED_UP: BaselineLookup = { missing: 'it was not looked up' };

export async function trainAndJudge(request: TrainingRequest, deps: TrainAndJudgeDeps): Promise<TrainAndJudgeOutcome> {
  const { reporter } = deps;
  // Started now, awaited after training: the lookup costs the run no time. A failed lookup is a missing baseline.
  const baseline = deps
    .baseline?.()
    .catch((err: unknown): BaselineLookup => ({ missing: `the lookup failed (${messageOf(err)})` }));
  let jobName: string | undefined;
  const result = await runTraining(request, {
    ...deps,
    onState: (key, value) => {
      if (key === State.JobName) jobName = value;
      reporter.saveState?.(key, value);
    },
    onPhase: (phase) => reporter.phase?.(phase, jobName),
  });
  if (result.status === 'InProgress') {
    await reporter.handedOff?.(request, result);
    return { handedOff: true, request, result };
  }
  const lookup = (await baseline) ?? NOT_LOOKED_UP;
  const judged: Judged = { request, result, ...judgeTraining(request.metrics, result, lookup.baseline), lookup };
  await reporter.report(judged);
  return { handedOff: false, ...judged };
}
