// Lists of AWS resource IDs (subnets, security groups), as job.vpc and fargate take them.

import { checkString, child, readSeq, whereMissing } from '../read.js';
import type { MapNode } from '../tree.js';
import { isEmpty, type SectionContext } from './context.js';
import { LIMITS } from './limits.js';

/** A list of AWS resource IDs (subnets, security groups): the count within limits, each ID well formed, no repeats. */
export function readIdList(
  ctx: SectionContext,
  map: MapNode | undefined,
  key: string,
  rule: {
    what: string;
    pattern: RegExp;
    example: string;
    count: { min: number; max: number };
    limitOf: string;
    /** The rest of "is required …" when the list must be given (`with job.vpc: …`); undefined when it is optional. */
    required?: string;
  },
): string[] | undefined {
  const node = child(map, key);
  const list = readSeq(map, key, ctx.issues, `[${rule.example}]`);
  if (list === undefined) {
    const absent = node === undefined || isEmpty(node);
    if (absent && rule.required !== undefined) {
      ctx.issues.add(whereMissing(map, key, ''), `is required ${rule.required}`);
    }
    return undefined;
  }
  let usable = true;
  const { min, max } = rule.count;
  if (list.items.length < min || list.items.length > max) {
    ctx.issues.add(
      list.where,
      `must list ${min} to ${max} ${rule.what}s, ${rule.limitOf}'s limit (got ${list.items.length})`,
    );
    usable = false;
  }
  const ids: string[] = [];
  for (const item of list.items) {
    const id = checkString(item, ctx.issues, {
      allowed: `a ${rule.what} such as ${rule.example}`,
      check: (text) =>
        rule.pattern.test(text) && text.length <= LIMITS.resourceId
          ? undefined
          : `must be a ${rule.what} such as ${rule.example} (got "${text}")`,
    });
    if (id === undefined) usable = false;
    else if (ids.includes(id)) {
      ctx.issues.add(item.where, `lists ${id} more than once`);
      usable = false;
    } else ids.push(id);
  }
  return usable ? ids : undefined;
}
