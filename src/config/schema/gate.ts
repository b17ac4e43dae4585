// The `gate:` section: how the merge gate treats a missing baseline. `baseline: optional` (the default) lets the
// thresholds decide alone when the base branch has no result yet; `baseline: required` fails the gate instead, so a
// max-regression gate can never pass unchecked.
import { readEnum, readMap } from '../read.js';
import type { IssueList } from '../errors.js';
import type { MapNode } from '../tree.js';
import type { GateSpec } from '../../request.js';

export const GATE_KEYS = ['baseline'] as const;
const BASELINE_POLICIES = ['optional', 'required'] as const;

export const DEFAULT_GATE: GateSpec = { baseline: 'optional' };

export function readGate(root: MapNode, issues: IssueList): GateSpec {
  const gate = readMap(root, 'gate', issues, GATE_KEYS, '{ baseline: required }');
  const baseline = readEnum(gate, 'baseline', issues, BASELINE_POLICIES);
  return { baseline: baseline ?? DEFAULT_GATE.baseline };
}
