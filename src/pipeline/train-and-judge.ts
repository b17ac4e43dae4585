// The one path from a request to a verdict, for every entry point: train (any mode), compare with the base branch,
// judge the gate, and tell the reporter. The action, the CLI and the Fargate runner differ only in their deps.
import { messageOf } from '../error-message.js';
import { baselinePolicy, judgeTraining } from '../gate/conclusion.js';
import type { BaselineLookup } from '../github/baseline.js';
import type { DraftRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { ServeReport } from '../serving.js';
import { State } from '../state.js';
import type { Judged, Reporter } from './reporter.js';
import { runTraining, type PipelineDeps } from './run-training.js';
import { registerStep, serveStep, type RegisterStepDeps, type ServeStepDeps } from './serve-and-register.js';

export interface TrainAndJudgeDeps extends Omit<PipelineDeps, 'onState' | 'onPhase'> {
  reporter: Reporter;
  /** The base branch's latest result; absent: thresholds alone decide. */
  baseline?: BaselineSource;
  /** Runs `serve:` tests (entry points with a Docker engine); absent: not run here (the Fargate runner). */
  serve?: ServeStepDeps;
  /** Registers models (`register:`) on the base branch; absent: registration is skipped, saying why. */
  register?: RegisterStepDeps;
}

export interface BaselineSource {
  lookUp: () => Promise<BaselineLookup>;
  /**
   * `alongside` (default): started with the run, so it costs no time. `after`: once the result is recorded, so that
   * nothing waits on GitHub before the result is safe (the Fargate runner, whose token is minted at the end).
   */
  when?: 'alongside' | 'after';
}

/** A run handed off (wait: false) has no verdict yet: the runner judges it when the job ends. */
export type TrainAndJudgeOutcome =
  ({ handedOff: false } & Judged) | { handedOff: true; request: DraftRequest; result: TrainingResult };

const NOT_LOOKED_UP: BaselineLookup = { missing: 'it was not looked up' };

export async function trainAndJudge(request: DraftRequest, deps: TrainAndJudgeDeps): Promise<TrainAndJudgeOutcome> {
  const { reporter } = deps;
  const alongside = deps.baseline?.when === 'after' ? undefined : lookUpBaseline(deps.baseline);
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
  const onState = (key: State, value: string): void => reporter.saveState?.(key, value);
  const serve = await serveStep(request, result, deps.serve, {
    ...deps,
    onState,
    docker: deps.serve?.docker ?? deps.docker,
  });
  return {
    handedOff: false,
    ...(await judgeAndReport(request, result, {
      ...deps,
      ...(alongside ? { alongside } : {}),
      ...(serve ? { serveReport: serve } : {}),
    })),
  };
}

function lookUpBaseline(source: BaselineSource | undefined): Promise<BaselineLookup> | undefined {
  return (
    source
      ?.lookUp()
      // A failed lookup is a missing baseline, never a failed run.
      .catch((err: unknown): BaselineLookup => ({ missing: `the lookup failed (${messageOf(err)})` }))
  );
}

/**
 * The second half of the path, for a result in hand (trainAndJudge's, or the Fargate runner's own failure): record
 * it, compare it with the base branch, judge the gate, report.
 */
export async function judgeAndReport(
  request: DraftRequest,
  result: TrainingResult,
  deps: Pick<TrainAndJudgeDeps, 'reporter' | 'baseline' | 'register'> & {
    alongside?: Promise<BaselineLookup>;
    serveReport?: ServeReport;
  },
): Promise<Judged> {
  await deps.reporter.recorded?.(request, result);
  const lookup = (await (deps.alongside ?? lookUpBaseline(deps.baseline))) ?? NOT_LOOKED_UP;
  const serve = deps.serveReport;
  const policy = { ...baselinePolicy(request, lookup), ...(serve ? { serve } : {}) };
  const verdict = judgeTraining(request.metrics, result, lookup.baseline, policy);
  const registration = await registerStep(request, result, verdict.outcome, deps.register);
  const judged: Judged = {
    request,
    result,
    ...verdict,
    lookup,
    ...(serve ? { serve } : {}),
    ...(registration ? { registration } : {}),
  };
  await deps.reporter.report(judged);
  return judged;
}
