// The run's overall verdict, as a check run conclusion. Pure.
import type { MetricSpec } from '../request.js';
import type { TrainingResult } from '../result.js';
import { evaluateGates, gateFailures, type Baseline, type GateReport } from './evaluate.js';

export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'action_required';

export interface Outcome {
  conclusion: Conclusion;
  /** `passed` only when the job completed and every metric gate passed; `skipped` when nothing was trained. */
  gate: 'passed' | 'failed' | 'skipped';
  /** One line that says why, for the step's failure message and the check run; empty on success. */
  reason: string;
}

/** What the gate reads of the serve smoke test. */
export interface ServeVerdict {
  passed: boolean;
  reason?: string;
  cancelled?: true;
}

export type ConcludeInput =
  | {
      kind: 'trained';
      result: TrainingResult;
      gate: GateReport;
      /** `gate.baseline: required`: no baseline fails the gate (with why there is none, when known). */
      baselineRequired?: { missing?: string };
      /** The serve smoke test, when `serve:` is configured: a model that does not serve fails the gate. */
      serve?: ServeVerdict;
    }
  /** Not trained on purpose (a fork's or Dependabot's pull request in a remote mode, pull_request_target). */
  | { kind: 'skipped'; reason: string }
  /** Nothing could run: an invalid configuration or an error before training. */
  | { kind: 'error'; reason: string };

export function conclude(input: ConcludeInput): Outcome {
  // Not trained: action_required, which branch protection does not count as passing (neutral would be).
  if (input.kind === 'skipped') return { conclusion: 'action_required', gate: 'skipped', reason: input.reason };
  if (input.kind === 'error') return { conclusion: 'failure', gate: 'failed', reason: input.reason };
  const { result, gate } = input;
  const why = result.failureReason ? `: ${result.failureReason}` : '';
  if (result.status === 'Stopped') {
    return { conclusion: 'cancelled', gate: 'failed', reason: `Training job ${result.jobName} was stopped${why}` };
  }
  // Cancelled during the serve test: the run was stopped, whatever the metrics said.
  if (input.serve?.cancelled) {
    return {
      conclusion: 'cancelled',
      gate: 'failed',
      reason: `The serve test was stopped: ${input.serve.reason ?? ''}`,
    };
  }
  if (result.status === 'Failed') {
    return { conclusion: 'failure', gate: 'failed', reason: `Training job ${result.jobName} failed${why}` };
  }
  if (!gate.passed) {
    return {
      conclusion: 'failure',
      gate: 'failed',
      reason: `The model did not pass the gate: ${gateFailures(gate).join('; ')}`,
    };
  }
  if (input.serve && !input.serve.passed) {
    return {
      conclusion: 'failure',
      gate: 'failed',
      reason: `The model did not serve: ${input.serve.reason ?? 'the serve test failed'}`,
    };
  }
  if (input.baselineRequired && !gate.baseline) {
    const why = input.baselineRequired.missing ? ` (${input.baselineRequired.missing})` : '';
    return {
      conclusion: 'failure',
      gate: 'failed',
      reason: `No baseline to compare with${why}, and the configuration says gate.baseline: required`,
    };
  }
  return { conclusion: 'success', gate: 'passed', reason: '' };
}

/** A trained result against its metrics' gates and the base branch's result (when one was found): the verdict. */
export function judgeTraining(
  specs: MetricSpec[],
  result: TrainingResult,
  baseline: Baseline | undefined,
  policy: { baselineRequired?: boolean; missing?: string; serve?: ServeVerdict } = {},
): { gate: GateReport; outcome: Outcome } {
  const gate = evaluateGates({ specs, metrics: result.metrics, ...(baseline ? { baseline } : {}) });
  const required = policy.baselineRequired
    ? { baselineRequired: policy.missing ? { missing: policy.missing } : {} }
    : {};
  const serve = policy.serve ? { serve: policy.serve } : {};
  return { gate, outcome: conclude({ kind: 'trained', result, gate, ...required, ...serve }) };
}

/** The request's baseline policy with the lookup's reason, as judgeTraining takes it. */
export function baselinePolicy(
  request: { gate?: { baseline: 'optional' | 'required' } },
  lookup: { missing?: string },
): { baselineRequired: boolean; missing?: string } {
  return {
    baselineRequired: request.gate?.baseline === 'required',
    ...(lookup.missing !== undefined ? { missing: lookup.missing } : {}),
  };
}
