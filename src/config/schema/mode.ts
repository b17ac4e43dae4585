// mode and region: read before every other section, whose rules depend on them.

import { MODES, type Mode } from '../../request.js';
import { REGION_PATTERN } from '../../patterns.js';
import type { IssueList } from '../errors.js';
import { child, readEnum, readString, type StringRule } from '../read.js';
import type { MapNode } from '../tree.js';
import { DEFAULTS } from './limits.js';

export interface ModeRead {
  mode: Mode;
  /** False when the mode given is invalid. */
  modeKnown: boolean;
  /** ` (mode set by input "mode")` when an override chose the mode; empty otherwise. */
  modeNote: string;
}

export function readMode(root: MapNode, issues: IssueList): ModeRead {
  const node = child(root, 'mode');
  if (node === undefined) return { mode: DEFAULTS.mode, modeKnown: true, modeNote: '' };
  const mode = readEnum(root, 'mode', issues, MODES);
  if (mode === undefined) return { mode: DEFAULTS.mode, modeKnown: false, modeNote: '' };
  return { mode, modeKnown: true, modeNote: node.override !== undefined ? ` (mode set by ${node.override})` : '' };
}

/** `region`, else AWS_REGION or AWS_DEFAULT_REGION, else the default. */
export function readRegion(root: MapNode, issues: IssueList, env: Record<string, string | undefined>): string {
  const rule: StringRule = {
    allowed: 'an AWS region such as us-east-1',
    check: (text) =>
      REGION_PATTERN.test(text) ? undefined : `must be an AWS region such as us-east-1 or eu-west-2 (got "${text}")`,
  };
  if (child(root, 'region') !== undefined) {
    return readString(root, 'region', issues, rule) ?? DEFAULTS.region;
  }
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const value = env[name]?.trim();
    if (value === undefined || value === '') continue;
    if (REGION_PATTERN.test(value)) return value;
    issues.add(
      `env ${name}`,
      `must be an AWS region such as us-east-1 (got "${value}"); or set region in the configuration`,
    );
    return DEFAULTS.region;
  }
  return DEFAULTS.region;
}
