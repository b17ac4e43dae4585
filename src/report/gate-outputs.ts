// The merge gate's outputs, as strings keyed by the names action.yml declares. Pure.
import type { Outcome } from '../gate/conclusion.js';

export enum GateOutput {
  Gate = 'gate',
  Conclusion = 'conclusion',
  CheckRunId = 'check-run-id',
  BaselineSha = 'baseline-sha',
}

export interface GateOutputOptions {
  outcome: Outcome;
  checkRunId?: number;
  baselineSha?: string;
}

/** Every gate output, always set (empty when there is nothing to say). */
export function gateOutputs(o: GateOutputOptions): Record<GateOutput, string> {
  return {
    [GateOutput.Gate]: o.outcome.gate,
    [GateOutput.Conclusion]: o.outcome.conclusion,
    [GateOutput.CheckRunId]: o.checkRunId === undefined ? '' : String(o.checkRunId),
    [GateOutput.BaselineSha]: o.baselineSha ?? '',
  };
}
